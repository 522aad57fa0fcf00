package br.bankhistory.cnab.write;

import br.bankhistory.cnab.layout.LayoutCatalog;
import br.bankhistory.cnab.layout.RecordLayout;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A CNAB 400 cobrança remessa in the bank's layout: header ({@code header-remessa}), one detail per title
 * (type 1; Banco do Brasil 7) followed by the bank's complement records ({@code detail-remessa-N}: Itaú's
 * multa record 2, Santander's PIX record 8) when the title gives a field only they hold, and the trailer.
 * Every record carries its sequence number at 395-400; trailer counts and totals are computed where the
 * bank's trailer has them. A detail is 444 characters when the chave NF-e ({@code invoice_key}) is given.
 */
public final class Cobranca400Writer extends AbstractRemessaWriter<CobrancaTitle> {

    private final RecordLayout headerLayout;
    private final RecordLayout detail;
    private final Map<RecordLayout, Set<String>> complements;
    private final RecordLayout trailer;
    private long total;

    Cobranca400Writer(OutputStream out, RemessaHeader header, WriteOptions options) {
        super(LayoutCatalog.CNAB400, 400, out, header, options);
        headerLayout = layouts.find(family, bank, "header-remessa").orElseGet(() -> layout("header"));
        detail = layout("detail-remessa");
        List<String> complementNames = layouts.recordNames(family, bank).stream()
                .filter(name -> name.startsWith("detail-remessa-")).toList();
        complements = optionalRecords(complementNames, detail);
        trailer = layout("trailer-remessa");
        sink.write(List.of(format(headerLayout, new Values(sequence(1), header.extraFields(), headerValues))));
    }

    @Override
    public void add(CobrancaTitle title) {
        checkOpen();
        Map<String, Object> item = Values.of(title, family, bank);
        Map<String, String> extras = title.extraFields();
        long next = sink.records() + 1;
        List<byte[]> lines = new ArrayList<>(3);
        lines.add(format(detail, new Values(sequence(next++), extras, item, header.extraFields(), headerValues)));
        for (var entry : complements.entrySet()) {
            if (givesAny(entry.getValue(), item, extras)) {
                lines.add(format(entry.getKey(), new Values(sequence(next++), extras, item, header.extraFields(),
                        headerValues)));
            }
        }
        sink.write(lines);
        total += title.amountCents();
        items++;
    }

    @Override
    void writeTrailers() {
        long number = sink.records() + 1;
        Map<String, Object> totals = new Values.Builder()
                .put("record_sequence", number)
                .put("record_count", number)
                .put("title_count", items)
                .put("title_total", total)
                .build();
        sink.write(List.of(format(trailer, new Values(totals, header.extraFields(), headerValues))));
    }

    private static Map<String, Object> sequence(long number) {
        return Map.of("record_sequence", number);
    }
}
