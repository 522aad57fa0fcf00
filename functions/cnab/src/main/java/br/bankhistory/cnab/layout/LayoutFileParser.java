package br.bankhistory.cnab.layout;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the layout description format: {@code [record-name]} sections, then one field per line:
 * {@code name start end type [dec=N] [date=FORMAT] [lenient] [split=N] [required] [default=VALUE] [trunc] [from=NAME] [blank]}, type
 * {@code 9} or {@code X}; {@code split=N}: the field is a list of N-character codes (default 2; 0 = free
 * text; {@code split=flags}: each position is a flag, "1" at the Nth position = code N); {@code lenient} on a
 * date: a value that is not a date is no date, not a finding (a position a bank fills with a date only
 * for some occurrences). For writing: {@code default=VALUE} is what a remessa carries when the input gives no value
 * (quote it when it has blanks: {@code default="BANCO ITAU SA"}); {@code trunc} marks free text (names,
 * addresses, messages) that is cut to the field's width instead of refused; {@code from=NAME} fills the
 * field with the value of field NAME when it has none of its own (a code a bank prints twice);
 * {@code blank} marks a field the bank reads in retornos but leaves blank in remessas (the writer writes
 * blanks there whatever the input; the reader and a record copy still read it); {@code case} marks text the
 * writer keeps in its letter case instead of upper-casing it (Pix keys and txids are case-sensitive). {@code width N} sets the
 * record's width when it is not the family's (BRB's 39-character header). In an override file,
 * {@code drop name name...} removes fields of the base record. {@code filler START END} declares positions
 * no field describes (blank, reserved, or not read): the layout lint requires every position of a record
 * to be a field or a filler, so a typing error in a position shows as a gap. {@code #} starts a comment (outside
 * quotes). Positions are 1-based and inclusive, as in the bank manuals.
 */
final class LayoutFileParser {

    private LayoutFileParser() {
    }

    /**
     * The fields a section defines, the base fields it drops, the writing defaults and free-text fields
     * it declares, and its width (0 = the family's).
     */
    record Section(Map<String, FieldSpec> fields, java.util.Set<String> dropped, Map<String, String> defaults,
                   java.util.Set<String> truncated, Map<String, String> sources, java.util.Set<String> blank,
                   int[] width, List<int[]> fillers, java.util.Set<String> keepCase) {

        static Section empty() {
            return new Section(new LinkedHashMap<>(), new java.util.LinkedHashSet<>(), new LinkedHashMap<>(),
                    new java.util.LinkedHashSet<>(), new LinkedHashMap<>(), new java.util.LinkedHashSet<>(),
                    new int[1], new ArrayList<>(), new java.util.LinkedHashSet<>());
        }
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
                current = records.computeIfAbsent(name, k -> Section.empty());
                continue;
            }
            if (current == null) {
                throw new IllegalStateException(source + ":" + (i + 1) + ": field outside a [record] section");
            }
            if (line.startsWith("drop ")) {
                current.dropped().addAll(java.util.List.of(line.substring(5).strip().split("\\s+")));
                continue;
            }
            if (line.startsWith("filler ")) {
                String[] range = line.substring(7).strip().split("\\s+");
                if (range.length != 2) {
                    throw new IllegalStateException(source + ":" + (i + 1) + ": expected 'filler START END'");
                }
                int start = Integer.parseInt(range[0]);
                int end = Integer.parseInt(range[1]);
                if (start < 1 || end < start) {
                    throw new IllegalStateException(source + ":" + (i + 1) + ": bad filler " + start + "-" + end);
                }
                current.fillers().add(new int[] {start, end});
                continue;
            }
            if (line.startsWith("width ")) {
                current.width()[0] = Integer.parseInt(line.substring(6).strip());
                continue;
            }
            List<String> tokens = tokenize(source, i + 1, line);
            FieldSpec field = parseField(source, i + 1, tokens);
            if (current.fields().put(field.name(), field) != null) {
                throw new IllegalStateException(source + ":" + (i + 1) + ": duplicate field " + field.name());
            }
            for (int t = 4; t < tokens.size(); t++) {
                String option = tokens.get(t);
                if (option.startsWith("default=")) {
                    String value = option.substring(8);
                    checkDefault(source, i + 1, field, value);
                    current.defaults().put(field.name(), value);
                } else if (option.equals("trunc")) {
                    current.truncated().add(field.name());
                } else if (option.startsWith("from=")) {
                    current.sources().put(field.name(), option.substring(5));
                } else if (option.equals("blank")) {
                    current.blank().add(field.name());
                } else if (option.equals("case")) {
                    current.keepCase().add(field.name());
                }
            }
        }
        return records;
    }

    /** The line without its comment: {@code #} outside double quotes. */
    private static String stripComment(String line) {
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '#' && !quoted) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    /** Splits on blanks, keeping a double-quoted part (without its quotes) inside one token. */
    private static List<String> tokenize(String source, int lineNumber, String line) {
        List<String> tokens = new ArrayList<>();
        StringBuilder token = new StringBuilder();
        boolean quoted = false;
        boolean inToken = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
                inToken = true;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (inToken) {
                    tokens.add(token.toString());
                    token.setLength(0);
                    inToken = false;
                }
            } else {
                token.append(c);
                inToken = true;
            }
        }
        if (quoted) {
            throw new IllegalStateException(source + ":" + lineNumber + ": unclosed quote");
        }
        if (inToken) {
            tokens.add(token.toString());
        }
        return tokens;
    }

    private static void checkDefault(String source, int lineNumber, FieldSpec field, String value) {
        if (value.length() > field.length()) {
            throw new IllegalStateException(source + ":" + lineNumber + ": default of " + field.name()
                    + " is longer than the field");
        }
        if (field.type() == FieldType.NUMERIC && !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalStateException(source + ":" + lineNumber + ": default of numeric field " + field.name()
                    + " must be digits");
        }
    }

    private static FieldSpec parseField(String source, int lineNumber, List<String> tokenList) {
        String[] tokens = tokenList.toArray(String[]::new);
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
        boolean lenient = false;
        for (int t = 4; t < tokens.length; t++) {
            String option = tokens[t];
            if (option.startsWith("dec=")) {
                decimals = Integer.parseInt(option.substring(4));
            } else if (option.startsWith("date=")) {
                dateFormat = option.substring(5);
                if (!DateFormats.isKnown(dateFormat)) {
                    throw new IllegalStateException(source + ":" + lineNumber + ": unknown date format " + dateFormat);
                }
            } else if (option.equals("split=flags")) {
                codeWidth = FieldSpec.FLAGS;
            } else if (option.startsWith("split=")) {
                codeWidth = Integer.parseInt(option.substring(6));
            } else if (option.equals("lenient")) {
                lenient = true;
            } else if (option.equals("required")) {
                required = true;
            } else if (option.startsWith("default=") || option.equals("trunc") || option.startsWith("from=")
                    || option.equals("blank") || option.equals("case")) {
                continue;
            } else {
                throw new IllegalStateException(source + ":" + lineNumber + ": unknown option " + option);
            }
        }
        return new FieldSpec(tokens[0], Integer.parseInt(tokens[1]), Integer.parseInt(tokens[2]), type, decimals,
                dateFormat, required, codeWidth, lenient);
    }
}
