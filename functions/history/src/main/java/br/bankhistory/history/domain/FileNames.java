package br.bankhistory.history.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * File names as the history keeps and shows them. Names are matched case-insensitively and without
 * surrounding blanks. A name can lie to whoever reads it: a right-to-left override turns
 * {@code "retorno\u202Etxt.exe"} into what looks like {@code retornoexe.txt}, other invisible format and
 * control characters hide or join text. Such names are refused at upload; names that still arrive (a bank's
 * drop) are kept as they are in the object key and the download, and shown neutralised everywhere people
 * read them: each such character as its code point in brackets, e.g. {@code [U+202E]}.
 */
public final class FileNames {

    private FileNames() {
    }

    public static String key(String fileName) {
        return fileName.strip().toLowerCase(Locale.ROOT);
    }

    /** The name as people may read it (page, statement, email, CSV): every deceptive character made visible. */
    public static String display(String fileName) {
        if (fileName == null) {
            return "";
        }
        if (firstDeceptive(fileName) < 0) {
            return fileName;
        }
        StringBuilder out = new StringBuilder(fileName.length() + 16);
        for (int i = 0; i < fileName.length(); ) {
            int cp = fileName.codePointAt(i);
            int width = Character.charCount(cp);
            if (Character.isSurrogate(fileName.charAt(i)) && width == 1) {
                cp = fileName.charAt(i); // an unpaired surrogate: not a character at all
            }
            if (isDeceptive(cp)) {
                out.append(String.format("[U+%04X]", cp));
            } else {
                out.appendCodePoint(cp);
            }
            i += width;
        }
        return out.toString();
    }

    /**
     * Why a name a person sends (an upload) cannot be taken, if it cannot: it carries a bidirectional control,
     * another invisible format or control character, or what is left of invalid UTF-8 (a replacement
     * character or an unpaired surrogate). The message is pt-BR and names the character.
     */
    public static Optional<String> deceptionIn(String fileName) {
        int at = firstDeceptive(fileName);
        if (at < 0) {
            return Optional.empty();
        }
        int cp = Character.isSurrogate(fileName.charAt(at)) && Character.charCount(fileName.codePointAt(at)) == 1
                ? fileName.charAt(at) : fileName.codePointAt(at);
        String what;
        if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F
                || cp == 0x061C) {
            what = "um controle de direção do texto, que faz o nome parecer outro";
        } else if (cp == 0xFFFD || Character.isSurrogate((char) cp)) {
            what = "bytes que não são UTF-8 válido";
        } else if (Character.getType(cp) == Character.CONTROL) {
            what = "um caractere de controle";
        } else {
            what = "um caractere invisível de formatação";
        }
        return Optional.of(String.format("Nome de arquivo inválido: contém %s (U+%04X, posição %d). Renomeie o "
                + "arquivo e envie de novo.", what, cp, fileName.codePointCount(0, at) + 1));
    }

    private static int firstDeceptive(String name) {
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            int width = Character.charCount(cp);
            boolean unpaired = Character.isSurrogate(name.charAt(i)) && width == 1;
            if (unpaired || isDeceptive(cp)) {
                return i;
            }
            i += width;
        }
        return -1;
    }

    private static boolean isDeceptive(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || cp == 0xFFFD;
    }
}
