package br.bankhistory.history.statement;

import java.util.ArrayList;
import java.util.List;

/**
 * Greedy word wrap of a cleaned text to a width in a given face and size, at most so many lines, the last
 * one cut with "…" when text remains.
 */
final class WordWrap {

    private WordWrap() {
    }

    /** Greedy word wrap to at most {@code maxLines}; the last line ends in "…" when text remains. */
    static List<String> lines(FontFace face, String cleaned, float size, float width, int maxLines) {
        List<String> lines = new ArrayList<>(2);
        String rest = cleaned.strip();
        if (rest.isEmpty()) {
            lines.add("");
            return lines;
        }
        while (!rest.isEmpty() && lines.size() < maxLines - 1) {
            if (face.width(rest, size) <= width) {
                lines.add(rest);
                return lines;
            }
            int cut = breakAt(face, rest, size, width);
            lines.add(rest.substring(0, cut).stripTrailing());
            rest = rest.substring(cut).stripLeading();
        }
        if (!rest.isEmpty()) {
            lines.add(face.fit(rest, size, width));
        }
        return lines;
    }

    /** Where to break {@code text} so its first part fits: after the last space that fits, else mid-word. */
    private static int breakAt(FontFace face, String text, float size, float width) {
        String fitted = face.fit(text, size, width);
        int fits = fitted.endsWith(FontFace.ELLIPSIS) ? fitted.length() - 1 : fitted.length();
        int n = fits;
        while (n < text.length() && face.width(text.substring(0, n + 1), size) <= width) {
            n++;
        }
        int space = text.lastIndexOf(' ', n);
        if (space > 0) {
            return space + 1;
        }
        return Math.max(1, n);
    }
}
