package br.bankhistory.cnab;

import java.util.Arrays;

/** Builds a fixed-width test record by positions (1-based, as in the manuals). */
final class FixedLine {

    private final char[] chars;

    FixedLine(int width) {
        chars = new char[width];
        Arrays.fill(chars, ' ');
    }

    static FixedLine of240() {
        return new FixedLine(240);
    }

    static FixedLine of400() {
        return new FixedLine(400);
    }

    FixedLine put(int position, String value) {
        for (int i = 0; i < value.length(); i++) {
            chars[position - 1 + i] = value.charAt(i);
        }
        return this;
    }

    /** A zero-padded number ending at {@code end}. */
    FixedLine number(int start, int end, long value) {
        String digits = Long.toString(value);
        int width = end - start + 1;
        return put(start, "0".repeat(width - digits.length()) + digits);
    }

    @Override
    public String toString() {
        return new String(chars);
    }
}
