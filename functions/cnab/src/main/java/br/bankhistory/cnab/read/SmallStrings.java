package br.bankhistory.cnab.read;

import java.nio.charset.StandardCharsets;

/**
 * Shared instances of the one- and two-character strings every record repeats (segment letters,
 * occurrence codes), so reading them allocates nothing. Latin-1: one byte per character, so 256 and
 * 65,536 possible values; entries are created on first use (a benign race: strings are immutable).
 */
final class SmallStrings {

    private static final String[] ONE = new String[256];
    private static final String[] TWO = new String[256 * 256];

    private SmallStrings() {
    }

    static String of(char c) {
        int index = c & 0xFF;
        String s = ONE[index];
        if (s == null) {
            s = String.valueOf((char) index);
            ONE[index] = s;
        }
        return s;
    }

    static String of(byte first, byte second) {
        int index = (first & 0xFF) << 8 | (second & 0xFF);
        String s = TWO[index];
        if (s == null) {
            s = new String(new byte[] {first, second}, StandardCharsets.ISO_8859_1);
            TWO[index] = s;
        }
        return s;
    }
}
