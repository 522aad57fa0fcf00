package br.bankhistory.cnab.read;

import br.bankhistory.cnab.FindingCodes;
import br.bankhistory.cnab.Layout;

import java.util.List;
import java.util.TreeMap;

/**
 * Decides the record family of a file from its first lines: 240 or 400 (444 counts as 400), or not CNAB
 * at all. Only the content counts: line lengths and the record structure (240: digits at 1-7 and a record
 * type at 8; 400: a record type at 1 and a header "0" + "1"/"2"). Right-trimmed files, whose lines are
 * all shorter than the record, are recognised by their header.
 */
final class LayoutDetector {

    /** The verdict, with the reason in both languages when the file is not CNAB. */
    record Verdict(Layout layout, String code, String reasonPt, String reasonEn) {

        static Verdict of(Layout layout) {
            return new Verdict(layout, "", "", "");
        }
    }

    private static final double MAX_CONTROL_RATIO = 0.01;

    private LayoutDetector() {
    }

    static Verdict detect(List<BufferedLine> lines, boolean utf16Mark) {
        if (lines.isEmpty()) {
            return new Verdict(Layout.NOT_CNAB, FindingCodes.EMPTY_FILE,
                    "Arquivo vazio: não há nenhum registro.", "Empty file: there is no record.");
        }
        if (utf16Mark) {
            return new Verdict(Layout.NOT_CNAB, FindingCodes.UTF16_CONTENT,
                    "O arquivo está codificado em UTF-16 (começa com FF FE / FE FF); arquivos CNAB têm um byte por"
                            + " caractere (latin-1).",
                    "The file is UTF-16 encoded (starts with FF FE / FE FF); CNAB files have one byte per character"
                            + " (latin-1).");
        }
        long total = 0;
        long control = 0;
        boolean nul = false;
        for (BufferedLine line : lines) {
            for (byte b : line.bytes()) {
                int c = b & 0xFF;
                total++;
                if (c == 0) {
                    nul = true;
                }
                if ((c < 0x20 && c != '\t') || c == 0x7F) {
                    control++;
                }
            }
        }
        if (nul || (total > 0 && (double) control / total > MAX_CONTROL_RATIO)) {
            return new Verdict(Layout.NOT_CNAB, FindingCodes.BINARY_CONTENT,
                    "Conteúdo binário (bytes nulos ou de controle): não é um arquivo de texto CNAB.",
                    "Binary content (NUL or control bytes): not a CNAB text file.");
        }
        int n240 = 0;
        int n400 = 0;
        int n500 = 0;
        int structured240 = 0;
        int structured400 = 0;
        int maxLength = 0;
        TreeMap<Integer, Integer> lengths = new TreeMap<>();
        for (BufferedLine line : lines) {
            int length = line.length();
            maxLength = Math.max(maxLength, length);
            lengths.merge(length, 1, Integer::sum);
            if (length == 240 || length == 241) {
                n240++;
                if (looksLike240(line)) {
                    structured240++;
                }
            } else if (length == 400 || length == 401 || length == 444) {
                n400++;
                if (looksLike400(line)) {
                    structured400++;
                }
            } else if (length == 500 || length == 501) {
                n500++;
            }
        }
        if (n240 > 0 || n400 > 0) {
            if (n240 >= n400 && structured240 * 2 >= n240) {
                return Verdict.of(Layout.CNAB240);
            }
            if (n400 > n240 && structured400 * 2 >= n400) {
                return Verdict.of(Layout.CNAB400);
            }
            return notCnab("Há linhas de " + (n240 >= n400 ? 240 : 400) + " caracteres, mas não têm a estrutura de"
                            + " registros CNAB (código do banco, tipo de registro).",
                    "There are " + (n240 >= n400 ? 240 : 400) + "-character lines, but they lack the CNAB record"
                            + " structure (bank code, record type).");
        }
        if (n500 * 2 >= lines.size()) {
            return new Verdict(Layout.NOT_CNAB, FindingCodes.UNSUPPORTED_LAYOUT,
                    "Registros de 500 posições (por exemplo Pag-For Bradesco): layout não suportado.",
                    "500-position records (e.g. Bradesco Pag-For): layout not supported.");
        }
        BufferedLine first = lines.get(0);
        if (maxLength <= 241 && isTrimmed240Header(first) && lines.stream().allMatch(LayoutDetector::looksLike240)) {
            return Verdict.of(Layout.CNAB240);
        }
        if (maxLength <= 401 && isTrimmed400Header(first)) {
            return Verdict.of(Layout.CNAB400);
        }
        return notCnab("Nenhuma linha tem 240 ou 400 caracteres (comprimentos encontrados: " + describe(lengths)
                        + "): não é um arquivo CNAB (pode ser um recibo de transmissão ou um relatório).",
                "No line has 240 or 400 characters (lengths found: " + describe(lengths)
                        + "): not a CNAB file (it may be a transmission receipt or a report).");
    }

    private static Verdict notCnab(String pt, String en) {
        return new Verdict(Layout.NOT_CNAB, FindingCodes.NOT_CNAB, pt, en);
    }

    private static String describe(TreeMap<Integer, Integer> lengths) {
        StringBuilder text = new StringBuilder();
        int shown = 0;
        for (var entry : lengths.entrySet()) {
            if (shown++ == 8) {
                text.append(", ...");
                break;
            }
            if (text.length() > 0) {
                text.append(", ");
            }
            text.append(entry.getKey()).append(" x").append(entry.getValue());
        }
        return text.toString();
    }

    /** Bank code and lote number in digits, a record type at 8 (or a "DCB"-style line is not 240). */
    static boolean looksLike240(BufferedLine line) {
        char type = line.at(8);
        return line.digitsAt(1, 7) && (type == '0' || type == '1' || type == '3' || type == '5' || type == '9');
    }

    private static boolean looksLike400(BufferedLine line) {
        char type = line.at(1);
        return type >= '0' && type <= '9';
    }

    private static boolean isTrimmed240Header(BufferedLine line) {
        return line.digitsAt(1, 3) && line.textAt(4, "00000") && line.length() >= 143;
    }

    private static boolean isTrimmed400Header(BufferedLine line) {
        return line.at(1) == '0' && (line.textAt(2, "1REMESSA") || line.textAt(2, "2RETORNO"));
    }
}
