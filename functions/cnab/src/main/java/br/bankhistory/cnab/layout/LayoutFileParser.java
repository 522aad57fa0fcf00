package br.bankhistory.cnab.layout;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses the layout description format: {@code [record-name]} sections, then one field per line:
 * {@code name start end type [dec=N] [date=FORMAT] [split=N] [required]}, type {@code 9} or {@code X};
 * {@code split=N}: the field is a list of N-character codes (default 2; 0 = free text). In an override
 * file, {@code drop name name...} removes fields of the base record. {@code #} starts a comment.
 * Positions are 1-based and inclusive, as in the bank manuals.
 */
final class LayoutFileParser {

    private LayoutFileParser() {
    }

    /** The fields a section defines and the base fields it drops. */
    record Section(Map<String, FieldSpec> fields, java.util.Set<String> dropped) {
    }

    /** Record name to its section, in file order. */
    static Map<String, Section> parse(String source, String text) {
        Map<String, Section> records = new LinkedHashMap<>();
        Section current = null;
        String[] lines = text.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String line = stripComment(lines[i]).strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                String name = line.substring(1, line.length() - 1).strip();
                current = records.computeIfAbsent(name,
                        k -> new Section(new LinkedHashMap<>(), new java.util.LinkedHashSet<>()));
                continue;
            }
            if (current == null) {
                throw new IllegalStateException(source + ":" + (i + 1) + ": field outside a [record] section");
            }
            if (line.startsWith("drop ")) {
                current.dropped().addAll(java.util.List.of(line.substring(5).strip().split("\\s+")));
                continue;
            }
            FieldSpec field = parseField(source, i + 1, line);
            if (current.fields().put(field.name(), field) != null) {
                throw new IllegalStateException(source + ":" + (i + 1) + ": duplicate field " + field.name());
            }
        }
        return records;
    }

    private static String stripComment(String line) {
        int hash = line.indexOf('#');
        return hash < 0 ? line : line.substring(0, hash);
    }

    private static FieldSpec parseField(String source, int lineNumber, String line) {
        String[] tokens = line.split("\\s+");
        if (tokens.length < 4) {
            throw new IllegalStateException(source + ":" + lineNumber + ": expected 'name start end type'");
        }
        FieldType type = switch (tokens[3]) {
            case "9" -> FieldType.NUMERIC;
            case "X" -> FieldType.ALPHANUMERIC;
            default -> throw new IllegalStateException(source + ":" + lineNumber + ": type must be 9 or X");
        };
        int decimals = 0;
        String dateFormat = "";
        boolean required = false;
        int codeWidth = 2;
        for (int t = 4; t < tokens.length; t++) {
            String option = tokens[t];
            if (option.startsWith("dec=")) {
                decimals = Integer.parseInt(option.substring(4));
            } else if (option.startsWith("date=")) {
                dateFormat = option.substring(5);
                if (!DateFormats.isKnown(dateFormat)) {
                    throw new IllegalStateException(source + ":" + lineNumber + ": unknown date format " + dateFormat);
                }
            } else if (option.startsWith("split=")) {
                codeWidth = Integer.parseInt(option.substring(6));
            } else if (option.equals("required")) {
                required = true;
            } else {
                throw new IllegalStateException(source + ":" + lineNumber + ": unknown option " + option);
            }
        }
        return new FieldSpec(tokens[0], Integer.parseInt(tokens[1]), Integer.parseInt(tokens[2]), type, decimals,
                dateFormat, required, codeWidth);
    }
}
