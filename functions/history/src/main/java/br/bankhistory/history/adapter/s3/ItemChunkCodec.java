package br.bankhistory.history.adapter.s3;

import br.bankhistory.history.domain.Reconciliation;
import br.bankhistory.history.domain.StoredItem;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON of item chunks and link documents, streamed with Jackson's generator and parser (no reflection,
 * no per-item tree): one object per item, short property names, dates as ISO text, money as integer cents.
 * Unknown properties are skipped, so a reader of this version reads later chunks too.
 */
final class ItemChunkCodec {

    private static final JsonFactory JSON = new JsonFactory();

    private ItemChunkCodec() {
    }

    static JsonGenerator generator(OutputStream out) throws IOException {
        return JSON.createGenerator(out);
    }

    static void write(JsonGenerator g, StoredItem i) throws IOException {
        g.writeStartObject();
        g.writeNumberField("seq", i.seq());
        g.writeNumberField("line", i.line());
        text(g, "fn", i.fileName());
        text(g, "seg", i.segment());
        text(g, "on", i.ourNumber());
        text(g, "yn", i.yourNumber());
        text(g, "oc", i.occurrenceCode());
        text(g, "ot", i.occurrenceText());
        text(g, "cat", i.category());
        if (!i.reasons().isEmpty()) {
            g.writeArrayFieldStart("rs");
            for (String reason : i.reasons()) {
                g.writeString(reason);
            }
            g.writeEndArray();
        }
        date(g, "due", i.dueDate());
        g.writeNumberField("amt", i.amountCents());
        g.writeNumberField("paid", i.paidCents());
        g.writeNumberField("fee", i.feeCents());
        date(g, "od", i.occurrenceDate());
        date(g, "cd", i.creditDate());
        text(g, "cn", i.counterpartName());
        text(g, "cdoc", i.counterpartDocument());
        g.writeEndObject();
        g.writeRaw('\n');
    }

    /** The items of a chunk, in order. */
    static List<StoredItem> readItems(InputStream in, String recordId) throws IOException {
        List<StoredItem> items = new ArrayList<>();
        try (JsonParser p = JSON.createParser(in)) {
            while (p.nextToken() == JsonToken.START_OBJECT) {
                items.add(readItem(p, recordId));
            }
        }
        return items;
    }

    private static StoredItem readItem(JsonParser p, String recordId) throws IOException {
        String fileName = "";
        int seq = 0;
        int line = 0;
        String seg = "";
        String on = "";
        String yn = "";
        String oc = "";
        String ot = "";
        String cat = "";
        List<String> reasons = new ArrayList<>();
        LocalDate due = null;
        long amt = 0;
        long paid = 0;
        long fee = 0;
        LocalDate od = null;
        LocalDate cd = null;
        String cn = "";
        String cdoc = "";
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            switch (name) {
                case "seq" -> seq = p.getIntValue();
                case "line" -> line = p.getIntValue();
                case "fn" -> fileName = p.getText();
                case "seg" -> seg = p.getText();
                case "on" -> on = p.getText();
                case "yn" -> yn = p.getText();
                case "oc" -> oc = p.getText();
                case "ot" -> ot = p.getText();
                case "cat" -> cat = p.getText();
                case "rs" -> {
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        reasons.add(p.getText());
                    }
                }
                case "due" -> due = LocalDate.parse(p.getText());
                case "amt" -> amt = p.getLongValue();
                case "paid" -> paid = p.getLongValue();
                case "fee" -> fee = p.getLongValue();
                case "od" -> od = LocalDate.parse(p.getText());
                case "cd" -> cd = LocalDate.parse(p.getText());
                case "cn" -> cn = p.getText();
                case "cdoc" -> cdoc = p.getText();
                default -> {
                    if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                        p.skipChildren();
                    }
                }
            }
        }
        return new StoredItem(recordId, seq, fileName, line, seg, on, yn, oc, ot, cat, reasons, due, amt, paid, fee, od,
                cd, cn, cdoc, null, List.of());
    }

    /** A link document: {"seq": {"st": ..., "id": ..., "fn": ..., "s": ..., "l": ..., "cat": ...}, ...}. */
    static void writeLinks(OutputStream out, Map<Integer, Reconciliation> bySeq) throws IOException {
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            for (Map.Entry<Integer, Reconciliation> e : bySeq.entrySet()) {
                Reconciliation r = e.getValue();
                g.writeObjectFieldStart(Integer.toString(e.getKey()));
                g.writeStringField("st", r.status().name());
                text(g, "id", r.recordId());
                text(g, "fn", r.fileName());
                g.writeNumberField("s", r.seq());
                g.writeNumberField("l", r.line());
                text(g, "cat", r.category());
                g.writeEndObject();
            }
            g.writeEndObject();
        }
    }

    static Map<Integer, Reconciliation> readLinks(InputStream in) throws IOException {
        Map<Integer, Reconciliation> bySeq = new LinkedHashMap<>();
        try (JsonParser p = JSON.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return bySeq;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                int seq = Integer.parseInt(p.currentName());
                p.nextToken();
                String st = "";
                String id = "";
                String fn = "";
                int s = 0;
                int l = 0;
                String cat = "";
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    switch (name) {
                        case "st" -> st = p.getText();
                        case "id" -> id = p.getText();
                        case "fn" -> fn = p.getText();
                        case "s" -> s = p.getIntValue();
                        case "l" -> l = p.getIntValue();
                        case "cat" -> cat = p.getText();
                        default -> p.skipChildren();
                    }
                }
                bySeq.put(seq, new Reconciliation(Reconciliation.Status.valueOf(st), id, fn, s, l, cat));
            }
        }
        return bySeq;
    }

    private static void text(JsonGenerator g, String name, String value) throws IOException {
        if (value != null && !value.isEmpty()) {
            g.writeStringField(name, value);
        }
    }

    private static void date(JsonGenerator g, String name, LocalDate value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value.toString());
        }
    }
}
