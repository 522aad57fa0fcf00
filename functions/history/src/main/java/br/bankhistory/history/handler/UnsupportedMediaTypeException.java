package br.bankhistory.history.handler;

/** A request body sent with a content type other than JSON (415): the API reads JSON bodies only. */
final class UnsupportedMediaTypeException extends RuntimeException {

    UnsupportedMediaTypeException(String message) {
        super(message);
    }
}
