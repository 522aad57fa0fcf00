package br.bankhistory.cnab.write;

import br.bankhistory.cnab.layout.LayoutCatalog;
import br.bankhistory.cnab.layout.RecordLayout;

import java.io.OutputStream;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** What every remessa writer shares: the header's values, the layouts, the output and the lifecycle. */
abstract class AbstractRemessaWriter<T> implements RemessaWriter<T> {

    /** Framing fields the writer sets itself; an item's value for them never makes an optional record appear. */
    private static final Set<String> FRAMING = Set.of("bank_code", "lote", "record_type", "sequence", "segment",
            "occurrence_code", "optional_record_id", "record_sequence", "movement_type");

    final String family;
    final String bank;
    final int width;
    final LayoutCatalog layouts;
    final RemessaHeader header;
    final Map<String, Object> headerValues;
    final RecordSink sink;
    long items;
    private boolean finished;
    private boolean closed;

    AbstractRemessaWriter(String family, int width, OutputStream out, RemessaHeader header, WriteOptions options) {
        this.family = family;
        this.width = width;
        this.header = Objects.requireNonNull(header, "header");
        this.bank = header.bankCode();
        this.layouts = options.layouts();
        this.headerValues = Values.of(header);
        this.sink = new RecordSink(Objects.requireNonNull(out, "out"), options);
    }

    /** The bank's layout of a record; its absence is a missing description, reported with its name. */
    final RecordLayout layout(String record) {
        return layouts.find(family, bank, record).orElseThrow(() -> new CnabWriteException(
                family + "/" + bank + "/" + record, "", CnabWriteException.Code.NO_LAYOUT));
    }

    /** The framing of a CNAB 240 record without a sequence in its lote (headers and trailers). */
    final Map<String, Object> framing(int lote, int recordType, String segment) {
        return framing(lote, recordType, segment, -1);
    }

    /**
     * The framing of a CNAB 240 record: the bank, the lote (0 the file header, 9999 the file trailer), the
     * record type, the segment letter and the record's sequence in its lote (none when negative).
     */
    final Map<String, Object> framing(int lote, int recordType, String segment, long sequence) {
        return new Values.Builder()
                .put("bank_code", bank)
                .put("lote", (long) lote)
                .put("record_type", (long) recordType)
                .put("segment", segment)
                .put("sequence", sequence < 0 ? null : sequence)
                .build();
    }

    final byte[] format(RecordLayout layout, Values values) {
        return RecordFormatter.format(layout, width, values, RecordFormatter.TextMode.NORMALISE);
    }

    /**
     * The bank's optional records among {@code candidates}, each with the fields that are its own (not in
     * the records always written, not framing): such a record is written when the item gives one of them.
     */
    final Map<RecordLayout, Set<String>> optionalRecords(Iterable<String> candidates, RecordLayout... always) {
        Map<RecordLayout, Set<String>> optional = new java.util.LinkedHashMap<>();
        for (String name : candidates) {
            RecordLayout layout = layouts.find(family, bank, name).orElse(null);
            if (layout == null) {
                continue;
            }
            Set<String> own = new TreeSet<>();
            for (var field : layout.fields()) {
                own.add(field.name());
            }
            own.removeAll(FRAMING);
            for (RecordLayout mandatory : always) {
                for (var field : mandatory.fields()) {
                    own.remove(field.name());
                }
            }
            optional.put(layout, own);
        }
        return optional;
    }

    static boolean givesAny(Set<String> fields, Map<String, ?> item, Map<String, ?> itemExtras) {
        for (String field : fields) {
            if (item.get(field) != null || itemExtras.get(field) != null) {
                return true;
            }
        }
        return false;
    }

    final void checkOpen() {
        if (finished) {
            throw new IllegalStateException("the remessa is finished: no item can be added");
        }
    }

    @Override
    public final void finish() {
        if (finished) {
            return;
        }
        writeTrailers();
        finished = true;
        sink.flush();
    }

    @Override
    public final void close() {
        if (closed) {
            return;
        }
        try {
            finish();
        } finally {
            closed = true;
            sink.close();
        }
    }

    /** Writes whatever closes the file: the open lote's trailer and the file trailer. */
    abstract void writeTrailers();

    @Override
    public final long itemCount() {
        return items;
    }

    @Override
    public final long recordCount() {
        return sink.records();
    }
}
