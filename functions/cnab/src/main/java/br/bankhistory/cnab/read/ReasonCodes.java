package br.bankhistory.cnab.read;

import br.bankhistory.cnab.layout.FieldSpec;
import br.bankhistory.cnab.occurrence.OccurrenceTable;

import java.util.ArrayList;
import java.util.List;

/** Splits a reasons (motivos) field into its codes and puts them in words. */
final class ReasonCodes {

    /** The words of a reason code no table of the bank lists (every code is shown with words). */
    static final String UNKNOWN_REASON = "motivo não descrito na tabela do banco";

    private ReasonCodes() {
    }

    /**
     * The codes of {@code raw}, each {@code width} characters (0 = the whole field is one free text,
     * {@link FieldSpec#FLAGS} = one flag per position),
     * blank codes and codes of zeros dropped, the first {@code skip} too, described with the table.
     */
    static List<String> describe(OccurrenceTable table, String occurrenceCode, String raw, int width, int skip) {
        if (width == 0) {
            String text = raw.strip();
            return text.isEmpty() ? List.of() : List.of(text);
        }
        if (!table.hasReasonsFor(occurrenceCode)) {
            return List.of();
        }
        List<String> codes = width == FieldSpec.FLAGS ? flags(raw) : split(raw, width, true);
        if (codes.size() <= skip) {
            return List.of();
        }
        List<String> described = new ArrayList<>(codes.size() - skip);
        for (int i = skip; i < codes.size(); i++) {
            String code = codes.get(i);
            String text = table.reason(occurrenceCode, code);
            described.add(code + " - " + (text != null ? text : UNKNOWN_REASON));
        }
        return List.copyOf(described);
    }

    /** The codes of a field of flags: "01" when its first position is "1", "02" for the second... */
    static List<String> flags(String raw) {
        List<String> codes = new ArrayList<>(3);
        for (int i = 0; i < raw.length(); i++) {
            if (raw.charAt(i) == '1') {
                codes.add(i < 9 ? "0" + (i + 1) : Integer.toString(i + 1));
            }
        }
        return codes;
    }

    /** The non-blank {@code width}-character codes of a field; with {@code dropZeros}, "00" and the like go. */
    static List<String> split(String raw, int width, boolean dropZeros) {
        List<String> codes = new ArrayList<>(5);
        for (int i = 0; i + width <= raw.length(); i += width) {
            String code = raw.substring(i, i + width);
            if (code.indexOf(' ') >= 0 || (dropZeros && isZeros(code))) {
                continue;
            }
            codes.add(code);
        }
        return codes;
    }

    private static boolean isZeros(String code) {
        for (int i = 0; i < code.length(); i++) {
            if (code.charAt(i) != '0') {
                return false;
            }
        }
        return true;
    }
}
