package br.bankhistory.cnab.write;

import java.text.Normalizer;

/**
 * How text goes into a remessa: uppercase, accents removed (NFD, combining marks dropped, so {@code ç}
 * becomes {@code C} and {@code ã} becomes {@code A}), and every other character outside printable ASCII
 * replaced by one blank, never removed: removing a character would shift every field after it, the
 * complaint banks answer with "sequence error at 395-400" (laravel-boleto #245, BoletoNet PR #351).
 */
public final class CnabText {

    private CnabText() {
    }

    /** The text as a bank accepts it: one output character per input character (code point). */
    public static String normalise(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(codePoint -> {
            if (codePoint < 0x80) {
                out.append(ascii(codePoint));
                return;
            }
            String decomposed = Normalizer.normalize(new String(Character.toChars(codePoint)), Normalizer.Form.NFD);
            int base = decomposed.codePointAt(0);
            boolean onlyMarksAfter = decomposed.codePoints().skip(1)
                    .allMatch(c -> Character.getType(c) == Character.NON_SPACING_MARK
                            || Character.getType(c) == Character.COMBINING_SPACING_MARK
                            || Character.getType(c) == Character.ENCLOSING_MARK);
            if (isMark(codePoint)) {
                return; // a combining mark on its own belongs to the character before it
            }
            out.append(base < 0x80 && onlyMarksAfter ? ascii(base) : ' ');
        });
        return out.toString();
    }

    private static boolean isMark(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    private static char ascii(int c) {
        if (c >= 'a' && c <= 'z') {
            return (char) (c - 'a' + 'A');
        }
        return c >= 0x20 && c < 0x7F ? (char) c : ' ';
    }

    /** Only the digits of a document, CEP or code ("12.345.678/0001-90" gives "12345678000190"). */
    public static String digits(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                out.append(c);
            }
        }
        return out.toString();
    }
}
