package br.bankhistory.cnab.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The engine's one message catalogue ({@code text/messages.txt}, read once): the pt-BR and English text of
 * every writer error and of the reader's findings that are kept there, by key, with {@code {0}}-style
 * arguments. Consumers translate by key and arguments, so rewording a message cannot break them.
 */
public final class Messages {

    private static final Map<String, String> TEXTS = load();

    private Messages() {
    }

    /** The pt-BR text of a key with its arguments. */
    public static String pt(String key, Object... arguments) {
        return format(key + ".pt", arguments);
    }

    /** The English text of a key with its arguments. */
    public static String en(String key, Object... arguments) {
        return format(key + ".en", arguments);
    }

    /** Every key the catalogue holds (without the language suffix). */
    public static Set<String> keys() {
        Set<String> keys = new java.util.TreeSet<>();
        for (String key : TEXTS.keySet()) {
            keys.add(key.substring(0, key.lastIndexOf('.')));
        }
        return keys;
    }

    /** The template of a key in a language ("pt" or "en"), for the catalogue's own checks. */
    public static String template(String key, String language) {
        return TEXTS.get(key + "." + language);
    }

    private static String format(String key, Object[] arguments) {
        String template = TEXTS.get(key);
        if (template == null) {
            throw new IllegalArgumentException("no message " + key);
        }
        StringBuilder out = new StringBuilder(template.length() + 32);
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            int close = c == '{' ? template.indexOf('}', i) : -1;
            if (close > i + 1 && template.substring(i + 1, close).chars().allMatch(Character::isDigit)) {
                int index = Integer.parseInt(template.substring(i + 1, close));
                out.append(index < arguments.length ? String.valueOf(arguments[index]) : "{" + index + "}");
                i = close;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static Map<String, String> load() {
        try (InputStream in = Messages.class.getResourceAsStream("/br/bankhistory/cnab/text/messages.txt")) {
            if (in == null) {
                throw new IllegalStateException("missing resource text/messages.txt");
            }
            Map<String, String> texts = new LinkedHashMap<>();
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n");
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\\s+", 2);
                if (parts.length < 2 || !(parts[0].endsWith(".pt") || parts[0].endsWith(".en"))) {
                    throw new IllegalStateException("messages.txt:" + (i + 1) + ": expected 'KEY.pt|KEY.en TEXT'");
                }
                if (texts.put(parts[0], parts[1].strip()) != null) {
                    throw new IllegalStateException("messages.txt:" + (i + 1) + ": duplicate " + parts[0]);
                }
            }
            return Map.copyOf(texts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
