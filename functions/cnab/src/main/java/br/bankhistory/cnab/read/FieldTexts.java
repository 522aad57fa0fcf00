package br.bankhistory.cnab.read;

import br.bankhistory.cnab.layout.FieldSpec;

import java.nio.charset.StandardCharsets;

/**
 * The text fields of a record (bytes[base...], cut at the record width) as strings, trimmed: one string per
 * field, a shared instance for one or two characters (a code, a check digit), and a number with its check
 * digit ("1234-5") put together in a reused buffer rather than from three strings. One per reader.
 */
final class FieldTexts {

    /** Where {@link #joined} puts a number and its check digit together (at most a record wide). */
    private byte[] scratch = new byte[0];

    /** The field as printed, without surrounding blanks. */
    String text(byte[] bytes, int base, int width, FieldSpec field) {
        int from = keptStart(bytes, base, width, field);
        return slice(bytes, from, keptEnd(bytes, base, width, field, from));
    }

    /** The number and its check digit (may be null) joined by a dash, the digit left out when blank. */
    String joined(byte[] bytes, int base, int width, FieldSpec number, FieldSpec digit) {
        int from = keptStart(bytes, base, width, number);
        int to = keptEnd(bytes, base, width, number, from);
        if (from >= to || digit == null) {
            return slice(bytes, from, to);
        }
        int checkFrom = keptStart(bytes, base, width, digit);
        int checkTo = keptEnd(bytes, base, width, digit, checkFrom);
        if (checkFrom >= checkTo) {
            return slice(bytes, from, to);
        }
        int length = to - from;
        int total = length + 1 + checkTo - checkFrom;
        if (scratch.length < total) {
            scratch = new byte[total];
        }
        System.arraycopy(bytes, from, scratch, 0, length);
        scratch[length] = '-';
        System.arraycopy(bytes, checkFrom, scratch, length + 1, checkTo - checkFrom);
        return new String(scratch, 0, total, StandardCharsets.ISO_8859_1);
    }

    /** Where the field's bytes end (cut at the record width). */
    private static int fieldEnd(int base, int width, FieldSpec field) {
        return base + Math.min(field.offset() + field.length(), width);
    }

    /** The index of the field's first non-blank byte (its end when blank). */
    private static int keptStart(byte[] bytes, int base, int width, FieldSpec field) {
        int from = base + field.offset();
        int to = fieldEnd(base, width, field);
        while (from < to && bytes[from] == ' ') {
            from++;
        }
        return from;
    }

    /** The end of the field's bytes without its trailing blanks, not before {@code from}. */
    private static int keptEnd(byte[] bytes, int base, int width, FieldSpec field, int from) {
        int to = fieldEnd(base, width, field);
        while (to > from && bytes[to - 1] == ' ') {
            to--;
        }
        return to;
    }

    /** bytes[from, to) as text. */
    private static String slice(byte[] bytes, int from, int to) {
        int length = to - from;
        if (length <= 0) {
            return "";
        }
        if (length == 1) {
            return SmallStrings.of((char) (bytes[from] & 0xFF));
        }
        if (length == 2) {
            return SmallStrings.of(bytes[from], bytes[from + 1]);
        }
        return new String(bytes, from, length, StandardCharsets.ISO_8859_1);
    }
}
