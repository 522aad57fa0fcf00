package br.bankhistory.history.statement;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An embedded DejaVu font in one document, with what the statement needs to never fail on a character and
 * never overflow a column: {@link #clean} replaces what the font cannot draw, {@link #width} and {@link #fit}
 * measure with the font's advance widths.
 *
 * <p>Glyph availability and widths depend only on the font file, so they are cached per code point for the
 * life of the JVM (shared by all documents and threads): the first statement pays one lookup per distinct
 * character, the next ones an array read. The cache holds {@code width + 1} (in 1/1000 em) for a drawable
 * character, {@code -1} for one that is replaced, {@code 0} for not yet known; a single float write is
 * atomic, so racing threads at worst compute the same value twice.
 */
final class FontFace {

    /** The two faces statements use. */
    enum Style {
        REGULAR("/fonts/DejaVuSans.ttf"),
        BOLD("/fonts/DejaVuSans-Bold.ttf");

        private final String resource;
        private volatile byte[] bytes;
        private final float[] bmp = new float[0x10000];
        private final ConcurrentHashMap<Integer, Float> astral = new ConcurrentHashMap<>();

        Style(String resource) {
            this.resource = resource;
        }

        /** The TTF bytes, read from the jar once. */
        byte[] bytes() {
            byte[] b = bytes;
            if (b == null) {
                try (InputStream in = FontFace.class.getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new IllegalStateException("font missing from the classpath: " + resource);
                    }
                    b = in.readAllBytes();
                } catch (IOException e) {
                    throw new UncheckedIOException("reading " + resource, e);
                }
                bytes = b;
            }
            return b;
        }
    }

    /** What replaces a character the font cannot draw (or that must not be drawn, like a control character). */
    static final char REPLACEMENT = '?';
    static final String ELLIPSIS = "\u2026";

    private static final float MISSING = -1f;

    final PDType0Font font;
    private final float[] bmp;
    private final ConcurrentHashMap<Integer, Float> astral;
    private final float ellipsisWidth;

    private FontFace(PDType0Font font, Style style) {
        this.font = font;
        this.bmp = style.bmp;
        this.astral = style.astral;
        this.ellipsisWidth = widthOf(ELLIPSIS.charAt(0));
    }

    /** Embeds (as a subset) the style's font in the document. */
    static FontFace load(PDDocument document, Style style) throws IOException {
        PDType0Font font = PDType0Font.load(document, new ByteArrayInputStream(style.bytes()), true);
        return new FontFace(font, style);
    }

    /**
     * The text with every character the font can draw kept, tabs and line breaks as spaces, and anything else
     * (control and format characters, unpaired surrogates, private use, characters DejaVu lacks such as CJK or
     * most emoji) as {@code ?}. Returns the same instance when nothing changes (the usual case): no allocation.
     */
    String clean(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c) || advance(c) < 0) {
                return rebuild(text, i);
            }
        }
        return text;
    }

    private String rebuild(String text, int from) {
        StringBuilder out = new StringBuilder(text.length());
        out.append(text, 0, from);
        int i = from;
        int n = text.length();
        while (i < n) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\t' || cp == '\n' || cp == '\r') {
                out.append(' ');
            } else if (advance(cp) >= 0) {
                out.appendCodePoint(cp);
            } else {
                out.append(REPLACEMENT);
            }
        }
        return out.toString();
    }

    /** Width of a cleaned text at a font size, in points. */
    float width(String cleaned, float size) {
        return units(cleaned) * size / 1000f;
    }

    /**
     * The cleaned text if it fits {@code maxWidth} points at {@code size}; otherwise its longest prefix that
     * fits together with a trailing "…". Never wider than {@code maxWidth} (an empty string when not even the
     * ellipsis fits).
     */
    String fit(String cleaned, float size, float maxWidth) {
        float limit = maxWidth * 1000f / size;
        int n = cleaned.length();
        float total = 0;
        int i = 0;
        while (i < n) {
            char c = cleaned.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n) {
                total += Math.max(0, advance(cleaned.codePointAt(i)));
                i += 2;
            } else {
                total += Math.max(0, advance(c));
                i++;
            }
            if (total > limit) {
                return truncate(cleaned, limit);
            }
        }
        return cleaned;
    }

    private String truncate(String cleaned, float limit) {
        float room = limit - ellipsisWidth;
        if (room < 0) {
            return "";
        }
        float total = 0;
        int i = 0;
        int n = cleaned.length();
        while (i < n) {
            int cp = cleaned.codePointAt(i);
            float w = Math.max(0, advance(cp));
            if (total + w > room) {
                break;
            }
            total += w;
            i += Character.charCount(cp);
        }
        int end = i;
        while (end > 0 && cleaned.charAt(end - 1) == ' ') {
            end--;
        }
        return cleaned.substring(0, end) + ELLIPSIS;
    }

    /** Width in 1/1000 em of a cleaned text. */
    float units(String cleaned) {
        float total = 0;
        int n = cleaned.length();
        for (int i = 0; i < n; i++) {
            char c = cleaned.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n) {
                total += Math.max(0, advance(cleaned.codePointAt(i)));
                i++;
            } else {
                total += Math.max(0, advance(c));
            }
        }
        return total;
    }

    private float widthOf(int cp) {
        return Math.max(0, advance(cp));
    }

    /** Advance width (1/1000 em) of a code point, or a negative value when it is replaced. */
    private float advance(int cp) {
        if (cp < 0x10000) {
            float v = bmp[cp];
            if (v == 0f) {
                v = resolve(cp);
                bmp[cp] = v;
            }
            return v < 0 ? MISSING : v - 1f;
        }
        Float v = astral.get(cp);
        if (v == null) {
            v = resolve(cp);
            astral.put(cp, v);
        }
        return v < 0 ? MISSING : v - 1f;
    }

    /** The cache value of a code point: {@code width + 1} when drawable, {@link #MISSING} otherwise. */
    private float resolve(int cp) {
        if (!drawable(cp)) {
            return MISSING;
        }
        try {
            String s = new String(Character.toChars(cp));
            font.encode(s); // throws IllegalArgumentException when the font has no glyph for it
            if (font.getCmapLookup() == null || font.getCmapLookup().getGlyphId(cp) == 0) {
                return MISSING;
            }
            return font.getStringWidth(s) + 1f;
        } catch (IOException | RuntimeException e) {
            return MISSING;
        }
    }

    /** Characters that must not reach a content stream whatever the font has for them. */
    private static boolean drawable(int cp) {
        switch (Character.getType(cp)) {
            case Character.CONTROL:
            case Character.FORMAT:
            case Character.SURROGATE:
            case Character.PRIVATE_USE:
            case Character.UNASSIGNED:
            case Character.LINE_SEPARATOR:
            case Character.PARAGRAPH_SEPARATOR:
                return false;
            default:
                return true;
        }
    }
}
