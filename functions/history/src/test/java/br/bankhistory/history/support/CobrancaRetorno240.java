package br.bankhistory.history.support;

import br.bankhistory.cnab.CnabReader;
import br.bankhistory.cnab.FileSummary;
import br.bankhistory.cnab.Item;
import br.bankhistory.cnab.ReadOptions;
import br.bankhistory.cnab.layout.LayoutCatalog;
import br.bankhistory.cnab.write.RecordFormatter;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The bank's CNAB 240 cobrança retorno of a remessa: the remessa's file and lote headers turned into a retorno's
 * (position 143 = 2, operation T, another NSA), then a T and a U segment per title answered, written with the
 * engine's own description of the bank's segments ({@link LayoutCatalog}, {@link RecordFormatter}), with the
 * title's nosso número, seu número, due date and amount as the engine reads them from the remessa, and the
 * trailers counting the records.
 */
public final class CobrancaRetorno240 {

    /** What the bank answers of one title: its occurrence code, rejection reason codes, what it paid and when. */
    public record Answer(String occurrence, List<String> reasons, long paidCents, LocalDate on) {

        public static Answer of(String occurrence, String... reasons) {
            return new Answer(occurrence, List.of(reasons), 0, LocalDate.of(2026, 11, 24));
        }

        public static Answer paid(String occurrence, long cents, LocalDate on) {
            return new Answer(occurrence, List.of(), cents, on);
        }
    }

    private static final String FAMILY = "cnab240";

    private CobrancaRetorno240() {
    }

    /** @param byPosition the answer of each title answered, by its position in the remessa (from 1) */
    public static byte[] answering(byte[] remessa, Map<Integer, Answer> byPosition, int nsa) {
        List<Item> titles = new ArrayList<>();
        FileSummary summary = CnabReader.standard().read(new ByteArrayInputStream(remessa), titles::add,
                ReadOptions.defaults());
        String bank = summary.classification().bankCode();
        List<String> remessaLines = new String(remessa, StandardCharsets.ISO_8859_1).lines().toList();
        StringBuilder header = new StringBuilder(remessaLines.get(0));
        header.setCharAt(142, '2');
        header.replace(157, 163, String.format("%06d", nsa));
        StringBuilder loteHeader = new StringBuilder(remessaLines.get(1));
        loteHeader.setCharAt(8, 'T');
        String lote = loteHeader.substring(3, 7);
        List<String> lines = new ArrayList<>(List.of(header.toString(), loteHeader.toString()));
        int sequence = 0;
        for (Map.Entry<Integer, Answer> answered : new TreeMap<>(byPosition).entrySet()) {
            Item title = titles.get(answered.getKey() - 1);
            Answer answer = answered.getValue();
            Map<String, Object> t = new HashMap<>();
            t.put("sequence", ++sequence);
            t.put("segment", "T");
            t.put("occurrence_code", answer.occurrence());
            t.put("our_number", title.ourNumber());
            t.put("document_number", title.yourNumber());
            t.put("due_date", title.dueDate());
            t.put("amount", title.amountCents());
            t.put("reasons", String.join("", answer.reasons()));
            lines.add(record(bank, lote, "3", "segment-T", t));
            Map<String, Object> u = new HashMap<>();
            u.put("sequence", ++sequence);
            u.put("segment", "U");
            u.put("occurrence_code", answer.occurrence());
            u.put("paid_amount", answer.paidCents());
            u.put("net_amount", answer.paidCents());
            u.put("occurred_on", answer.on());
            u.put("credited_on", answer.paidCents() > 0 ? answer.on() : null);
            lines.add(record(bank, lote, "3", "segment-U", u));
        }
        lines.add(record(bank, lote, "5", "lote-trailer-cobranca", Map.of("record_count", sequence + 2)));
        lines.add(record(bank, "9999", "9", "file-trailer", Map.of("lote_count", 1, "record_count", lines.size() + 1)));
        return (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    /** One record of the bank's layout, its first 8 positions the bank, the lote and the record type. */
    private static String record(String bank, String lote, String type, String name, Map<String, Object> values) {
        byte[] line = RecordFormatter.format(LayoutCatalog.standard().record(FAMILY, bank, name), 240, values::get,
                RecordFormatter.TextMode.NORMALISE);
        return bank + lote + type + new String(line, StandardCharsets.ISO_8859_1).substring(8);
    }
}
