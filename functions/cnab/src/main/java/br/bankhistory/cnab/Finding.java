package br.bankhistory.cnab;

/**
 * One irregularity found in a file. Line and column are 1-based; 0 means "the whole file" or "the whole line".
 *
 * @param code       stable machine code, e.g. {@code LINE_LENGTH}, {@code TRAILER_COUNT}
 * @param field      the layout field concerned, or empty
 * @param messagePt  the message shown to users (pt-BR)
 * @param messageEn  the same message in English, for operators
 */
public record Finding(Severity severity, int line, int column, String code, String field,
                      String messagePt, String messageEn) {
}
