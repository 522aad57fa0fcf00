package br.bankhistory.cnab.write;

import br.bankhistory.cnab.layout.LayoutCatalog;
import br.bankhistory.cnab.layout.RecordLayout;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A CNAB 240 cobrança remessa in the bank's layout: file header, then lotes of titles (lote header, each
 * title's P and Q, and R / S / Y when the title gives a field only they hold, e.g. a multa goes to R),
 * lote trailer with the record count and the titles' count and total (where the bank's layout has them),
 * file trailer with the lote and record counts. Sequence numbers (9-13) restart at 1 in each lote.
 */
public final class Cobranca240Writer extends AbstractRemessaWriter<CobrancaTitle> {

    private static final List<String> OPTIONAL = List.of("segment-R", "segment-S", "segment-Y01", "segment-Y03",
            "segment-Y53");

    private final RecordLayout fileHeader;
    private final RecordLayout loteHeader;
    private final RecordLayout segmentP;
    private final RecordLayout segmentQ;
    private final Map<RecordLayout, Set<String>> optional;
    private final RecordLayout loteTrailer;
    private final RecordLayout fileTrailer;

    private int lotes;
    private boolean loteOpen;
    private long loteDetails;
    private long loteTitles;
    private long loteTotal;

    Cobranca240Writer(OutputStream out, RemessaHeader header, WriteOptions options) {
        super(LayoutCatalog.CNAB240, 240, out, header, options);
        fileHeader = layout("file-header");
        loteHeader = layout("lote-header-cobranca");
        segmentP = layout("segment-P");
        segmentQ = layout("segment-Q");
        optional = optionalRecords(OPTIONAL, segmentP, segmentQ);
        loteTrailer = layout("lote-trailer-cobranca");
        fileTrailer = layout("file-trailer");
        sink.write(List.of(format(fileHeader, new Values(framing(0, 0, ""), header.extraFields(), headerValues))));
    }

    @Override
    public void add(CobrancaTitle title) {
        checkOpen();
        Map<String, Object> item = Values.of(title, family, bank);
        Map<String, String> extras = title.extraFields();
        List<byte[]> lines = new ArrayList<>(5);
        boolean opening = !loteOpen;
        int lote = opening ? lotes + 1 : lotes;
        long sequence = (opening ? 0 : loteDetails) + 1;
        if (opening) {
            lines.add(format(loteHeader, new Values(framing(lote, 1, ""), header.extraFields(), headerValues)));
        }
        lines.add(format(segmentP, new Values(framing(lote, 3, "P", sequence++), extras, item, header.extraFields(),
                headerValues)));
        lines.add(format(segmentQ, new Values(framing(lote, 3, "Q", sequence++), extras, item, header.extraFields(),
                headerValues)));
        for (var entry : optional.entrySet()) {
            if (givesAny(entry.getValue(), item, extras)) {
                lines.add(format(entry.getKey(), new Values(framing(lote, 3, "" + segmentLetter(entry.getKey()),
                        sequence++), extras, item, header.extraFields(), headerValues)));
            }
        }
        sink.write(lines);
        if (opening) {
            lotes++;
            loteOpen = true;
            loteDetails = 0;
            loteTitles = 0;
            loteTotal = 0;
        }
        loteDetails += lines.size() - (opening ? 1 : 0);
        loteTitles++;
        loteTotal += title.amountCents();
        items++;
    }

    /** Closes the current lote (its trailer is written); the next title opens a new one. */
    public void newLote() {
        checkOpen();
        closeLote();
    }

    private void closeLote() {
        if (!loteOpen) {
            return;
        }
        Map<String, Object> totals = new Values.Builder()
                .put("record_count", loteDetails + 2)
                .put("simple_count", loteTitles)
                .put("simple_total", loteTotal)
                .build();
        sink.write(List.of(format(loteTrailer, new Values(framing(lotes, 5, ""), totals, header.extraFields(),
                headerValues))));
        loteOpen = false;
    }

    @Override
    void writeTrailers() {
        closeLote();
        Map<String, Object> totals = new Values.Builder()
                .put("lote_count", (long) lotes)
                .put("record_count", sink.records() + 1)
                .build();
        sink.write(List.of(format(fileTrailer, new Values(framing(9999, 9, ""), totals, header.extraFields(),
                headerValues))));
    }

    private static char segmentLetter(RecordLayout layout) {
        String name = layout.name();
        return name.charAt(name.lastIndexOf("segment-") + "segment-".length());
    }
}
