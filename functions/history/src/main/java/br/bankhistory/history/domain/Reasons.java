package br.bankhistory.history.domain;

/** The reason a person gives for a decision on a record (a cancellation, a rejection): 3 to 500 characters. */
public final class Reasons {

    public static final int MIN = 3;
    public static final int MAX = 500;

    private Reasons() {
    }

    /**
     * The reason without surrounding blanks; a missing, too short or too long one is refused with
     * {@code asked} (what the user is asked for, in pt-BR) followed by the bounds.
     */
    public static String required(String reason, String asked) {
        String why = reason == null ? "" : reason.strip();
        if (why.length() < MIN || why.length() > MAX) {
            throw new InvalidRequestException(asked + " (de " + MIN + " a " + MAX + " caracteres).");
        }
        return why;
    }
}
