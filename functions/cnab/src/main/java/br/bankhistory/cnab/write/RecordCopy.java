package br.bankhistory.cnab.write;

import br.bankhistory.cnab.layout.LayoutCatalog;
import br.bankhistory.cnab.layout.RecordLayout;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Map;

/**
 * Reads a CNAB file record by record, reads every field of each record through its layout description
 * ({@link RecordFields}) and writes the record again from those values ({@link RecordFormatter}), keeping
 * each line's own line end. Nothing is recomputed: sequence numbers, counts and trailer totals are
 * written as they were read, so a bank's model file with inconsistent trailers comes out as it went in.
 *
 * <p>It is the writer's proof against real files: when the layout data describes every non-blank
 * position of every record, and each field's picture matches what is printed there, the output is the
 * input byte for byte. A gap in the descriptions (a non-blank position no field covers) comes out blank;
 * a numeric field holding text is a {@link CnabWriteException} naming the record and field. Lines shorter
 * than the record are padded with blanks (the reader does the same). Streams: one line in memory.
 */
public final class RecordCopy {

    private static final int MAX_LINE = 4096;

    /** What was copied: how many records, of which family ({@code cnab240}/{@code cnab400}) and bank. */
    public record Result(long records, String family, String bankCode) {
    }

    private final LayoutCatalog layouts;

    public RecordCopy(LayoutCatalog layouts) {
        this.layouts = layouts;
    }

    public static RecordCopy standard() {
        return new RecordCopy(LayoutCatalog.standard());
    }

    /** Receives each record of a file with its layout and its values, in file order. */
    @FunctionalInterface
    public interface RecordVisitor {
        void record(long lineNumber, RecordLayout layout, Map<String, Object> values);
    }

    /** Writes every record again from the values read (see the class comment); line ends as they were. */
    public Result copy(InputStream input, OutputStream output) throws IOException {
        return walk(input, output, null);
    }

    /**
     * Reads every record of a file field by field, without writing: each record's layout (chosen as for a
     * copy) and values go to the visitor.
     */
    public Result forEachRecord(InputStream input, RecordVisitor visitor) throws IOException {
        return walk(input, null, visitor);
    }

    private Result walk(InputStream input, OutputStream output, RecordVisitor visitor) throws IOException {
        InputStream in = new BufferedInputStream(input, 1 << 16);
        OutputStream out = output == null ? OutputStream.nullOutputStream() : new BufferedOutputStream(output, 1 << 16);
        byte[] line = new byte[MAX_LINE];
        State state = null;
        long records = 0;
        while (true) {
            int length = 0;
            int c;
            while ((c = in.read()) >= 0 && c != '\n' && c != '\r') {
                if (length == MAX_LINE) {
                    throw new CnabWriteException("line " + (records + 1), "", CnabWriteException.Code.LINE_TOO_LONG,
                            MAX_LINE);
                }
                line[length++] = (byte) c;
            }
            byte[] ending = new byte[0];
            if (c == '\r') {
                in.mark(1);
                if (in.read() == '\n') {
                    ending = new byte[] {'\r', '\n'};
                } else {
                    in.reset();
                    ending = new byte[] {'\r'};
                }
            } else if (c == '\n') {
                ending = new byte[] {'\n'};
            }
            if (c < 0 && length == 0) {
                break;
            }
            records++;
            if (state == null) {
                state = State.of(line, length);
            }
            out.write(copyRecord(state, line, length, records, visitor));
            out.write(ending);
            if (c < 0) {
                break;
            }
        }
        out.flush();
        return state == null ? new Result(0, "", "") : new Result(records, state.family, state.bank);
    }

    private byte[] copyRecord(State state, byte[] line, int length, long number, RecordVisitor visitor) {
        String recordName = state.recordName(line, length);
        RecordLayout layout = layout(state, recordName).orElseThrow(
                () -> new CnabWriteException(state.family + "/" + state.bank + "/" + recordName, "",
                        CnabWriteException.Code.NO_LAYOUT));
        int width = layout.width() > 0 ? layout.width() : state.width;
        int padded = Math.max(width, length);
        byte[] record = Arrays.copyOf(line, padded);
        Arrays.fill(record, length, padded, (byte) ' ');
        Map<String, Object> values = RecordFields.read(layout, record, padded);
        if (visitor != null) {
            visitor.record(number, layout, values);
            return new byte[0];
        }
        return RecordFormatter.format(layout, state.width, values::get, RecordFormatter.TextMode.VERBATIM);
    }

    /** A 400 header may be described per direction ({@code header-remessa}); else the shared {@code header}. */
    private java.util.Optional<RecordLayout> layout(State state, String recordName) {
        if (recordName.startsWith("segment-Y") && recordName.length() > "segment-Y".length()) {
            var variant = layouts.find(state.family, state.bank, recordName);
            return variant.isPresent() ? variant : layouts.find(state.family, state.bank, "segment-Y");
        }
        if (recordName.equals("header") && state.family.equals(LayoutCatalog.CNAB400)) {
            var own = layouts.find(state.family, state.bank, state.remessa ? "header-remessa" : "header-retorno");
            if (own.isPresent()) {
                return own;
            }
        }
        return layouts.find(state.family, state.bank, recordName);
    }

    /** The file's family, bank and direction, fixed by its first record, and the lote being copied. */
    private static final class State {

        final String family;
        final String bank;
        final int width;
        final boolean remessa;
        final boolean brb;
        boolean pagamentoLote;

        private State(String family, String bank, int width, boolean remessa, boolean brb) {
            this.family = family;
            this.bank = bank;
            this.width = width;
            this.remessa = remessa;
            this.brb = brb;
        }

        static State of(byte[] line, int length) {
            if (length >= 3 && line[0] == 'D' && line[1] == 'C' && line[2] == 'B') {
                return new State(LayoutCatalog.CNAB400, "070", 400, true, true);
            }
            if (length >= 8 && length < 300) {
                return new State(LayoutCatalog.CNAB240, text(line, length, 1, 3), 240, true, false);
            }
            String bank = length >= 79 ? text(line, length, 77, 79) : "000";
            boolean remessa = length < 2 || line[1] != '2';
            return new State(LayoutCatalog.CNAB400, bank, 400, remessa, false);
        }

        String recordName(byte[] line, int length) {
            return family.equals(LayoutCatalog.CNAB240) ? record240(line, length) : record400(line, length);
        }

        private String record240(byte[] line, int length) {
            char type = at(line, length, 8);
            switch (type) {
                case '0':
                    return "file-header";
                case '1': {
                    char operation = at(line, length, 9);
                    String service = text(line, length, 10, 11);
                    pagamentoLote = !(operation == 'R' || operation == 'T' || service.equals("01"));
                    return pagamentoLote ? "lote-header-pagamento" : "lote-header-cobranca";
                }
                case '3': {
                    char segment = at(line, length, 14);
                    if (segment == 'J' && text(line, length, 18, 19).equals("52")) {
                        return "segment-J52";
                    }
                    if (segment == 'Y') {
                        return "segment-Y" + text(line, length, 18, 19).strip();
                    }
                    return "segment-" + segment;
                }
                case '5':
                    return pagamentoLote ? "lote-trailer-pagamento" : "lote-trailer-cobranca";
                case '9':
                    return "file-trailer";
                default:
                    return "record-type-" + type;
            }
        }

        private String record400(byte[] line, int length) {
            String direction = remessa ? "remessa" : "retorno";
            if (brb) {
                if (length >= 3 && line[0] == 'D' && line[1] == 'C' && line[2] == 'B') {
                    return "header";
                }
                return at(line, length, 1) == '9' ? "trailer-remessa" : "detail-remessa";
            }
            char type = at(line, length, 1);
            return switch (type) {
                case '0' -> "header";
                case '1', '7' -> "detail-" + direction;
                case '9' -> "trailer-" + direction;
                default -> "detail-" + direction + "-" + type;
            };
        }

        private static char at(byte[] line, int length, int position) {
            return position <= length ? (char) (line[position - 1] & 0xFF) : ' ';
        }

        private static String text(byte[] line, int length, int start, int end) {
            StringBuilder text = new StringBuilder();
            for (int p = start; p <= end; p++) {
                text.append(at(line, length, p));
            }
            return text.toString();
        }
    }
}
