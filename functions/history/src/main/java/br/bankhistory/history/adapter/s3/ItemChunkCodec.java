package br.bankhistory.history.adapter.s3;

import br.bankhistory.cnab.Amounts;
import br.bankhistory.cnab.Category;
import br.bankhistory.cnab.CodeText;
import br.bankhistory.cnab.Item;
import br.bankhistory.cnab.PaymentDetails;
import br.bankhistory.cnab.PaymentForm;
import br.bankhistory.cnab.Pix;
import br.bankhistory.cnab.StatementEntry;
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

    static void write(JsonGenerator g, StoredItem stored) throws IOException {
        Item i = stored.item();
        g.writeStartObject();
        g.writeNumberField("seq", stored.seq());
        g.writeNumberField("line", i.line());
        text(g, "fn", stored.fileName());
        text(g, "seg", i.segment());
        text(g, "on", i.ourNumber());
        text(g, "yn", i.yourNumber());
        text(g, "oc", i.occurrenceCode());
        text(g, "ot", i.occurrenceText());
        g.writeStringField("cat", i.category().name());
        texts(g, "rs", i.reasons());
        date(g, "due", i.dueDate());
        g.writeNumberField("amt", i.amountCents());
        g.writeNumberField("paid", i.paidCents());
        g.writeNumberField("fee", i.feeCents());
        date(g, "od", i.occurrenceDate());
        date(g, "cd", i.creditDate());
        text(g, "cn", i.counterpartName());
        text(g, "cdoc", i.counterpartDocument());
        long[] amounts = i.amounts().toArray();
        g.writeArrayFieldStart("am");
        for (long amount : amounts) {
            g.writeNumber(amount);
        }
        g.writeEndArray();
        if (i.payment() != null) {
            PaymentDetails p = i.payment();
            g.writeObjectFieldStart("pay");
            text(g, "form", p.form() == null ? "" : p.form().name());
            text(g, "fc", p.formCode());
            text(g, "cno", p.companyNumber());
            text(g, "bno", p.bankNumber());
            date(g, "sd", p.scheduledDate());
            g.writeNumberField("sc", p.scheduledCents());
            date(g, "ed", p.effectiveDate());
            g.writeNumberField("ec", p.effectiveCents());
            text(g, "pdoc", p.payeeDocument());
            text(g, "pb", p.payeeBank());
            text(g, "pag", p.payeeAgency());
            text(g, "pac", p.payeeAccount());
            text(g, "auth", p.authentication());
            text(g, "bar", p.barcode());
            g.writeNumberField("int", p.interestCents());
            g.writeNumberField("fine", p.fineCents());
            g.writeNumberField("disc", p.discountCents());
            g.writeNumberField("reb", p.rebateCents());
            g.writeArrayFieldStart("occ");
            for (CodeText o : p.occurrences()) {
                g.writeStartArray();
                g.writeString(o.code());
                g.writeString(o.text());
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        if (i.pix() != null) {
            g.writeObjectFieldStart("pix");
            text(g, "txid", i.pix().txid());
            text(g, "kt", i.pix().keyType());
            text(g, "key", i.pix().key());
            text(g, "emv", i.pix().emv());
            g.writeEndObject();
        }
        if (i.entry() != null) {
            StatementEntry e = i.entry();
            g.writeObjectFieldStart("ent");
            date(g, "ad", e.accountingDate());
            date(g, "d", e.date());
            g.writeNumberField("amt", e.amountCents());
            g.writeBooleanField("cr", e.credit());
            text(g, "cc", e.categoryCode());
            text(g, "ct", e.categoryText());
            text(g, "hc", e.historyCode());
            text(g, "ht", e.historyText());
            text(g, "doc", e.documentNumber());
            g.writeEndObject();
        }
        if (i.partial()) {
            g.writeBooleanField("partial", true);
        }
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
        Fields f = new Fields(p);
        int seq = f.integer("seq");
        Item item = new Item(f.integer("line"), f.text("seg"), f.text("on"), f.text("yn"), f.text("oc"), f.text("ot"),
                Category.valueOf(f.text("cat")), f.texts("rs"), f.date("due"), f.number("amt"), f.number("paid"),
                f.number("fee"), f.date("od"), f.date("cd"), f.text("cn"), f.text("cdoc"),
                f.has("am") ? Amounts.fromArray(f.numbers("am"), 0) : null, payment(f.object("pay")), pix(f.object("pix")),
                entry(f.object("ent")), f.bool("partial"));
        return new StoredItem(recordId, seq, f.text("fn"), item, null, List.of());
    }

    private static PaymentDetails payment(Fields f) {
        if (f == null) {
            return null;
        }
        List<CodeText> occurrences = new ArrayList<>();
        for (List<String> pair : f.pairs("occ")) {
            occurrences.add(new CodeText(pair.get(0), pair.size() > 1 ? pair.get(1) : ""));
        }
        String form = f.text("form");
        return new PaymentDetails(form.isEmpty() ? null : PaymentForm.valueOf(form), f.text("fc"), f.text("cno"),
                f.text("bno"), f.date("sd"), f.number("sc"), f.date("ed"), f.number("ec"), f.text("pdoc"), f.text("pb"),
                f.text("pag"), f.text("pac"), f.text("auth"), f.text("bar"), f.number("int"), f.number("fine"),
                f.number("disc"), f.number("reb"), occurrences);
    }

    private static Pix pix(Fields f) {
        return f == null ? null : new Pix(f.text("txid"), f.text("kt"), f.text("key"), f.text("emv"));
    }

    private static StatementEntry entry(Fields f) {
        return f == null ? null : new StatementEntry(f.date("ad"), f.date("d"), f.number("amt"), f.bool("cr"),
                f.text("cc"), f.text("ct"), f.text("hc"), f.text("ht"), f.text("doc"));
    }

    /** One JSON object read into a map of values (texts, numbers, booleans, arrays, nested objects). */
    private static final class Fields {
        private final Map<String, Object> values = new LinkedHashMap<>();

        Fields(JsonParser p) throws IOException {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                values.put(name, value(p, p.nextToken()));
            }
        }

        private static Object value(JsonParser p, JsonToken token) throws IOException {
            return switch (token) {
                case START_OBJECT -> new Fields(p);
                case START_ARRAY -> {
                    List<Object> list = new ArrayList<>();
                    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                        list.add(value(p, t));
                    }
                    yield list;
                }
                case VALUE_NUMBER_INT -> p.getLongValue();
                case VALUE_TRUE -> Boolean.TRUE;
                case VALUE_FALSE -> Boolean.FALSE;
                case VALUE_NULL -> null;
                default -> p.getText();
            };
        }

        boolean has(String name) {
            return values.containsKey(name);
        }

        String text(String name) {
            Object v = values.get(name);
            return v == null ? "" : v.toString();
        }

        long number(String name) {
            Object v = values.get(name);
            return v instanceof Long l ? l : 0;
        }

        int integer(String name) {
            return (int) number(name);
        }

        boolean bool(String name) {
            return Boolean.TRUE.equals(values.get(name));
        }

        LocalDate date(String name) {
            String v = text(name);
            return v.isEmpty() ? null : LocalDate.parse(v);
        }

        List<String> texts(String name) {
            List<String> out = new ArrayList<>();
            if (values.get(name) instanceof List<?> list) {
                list.forEach(v -> out.add(String.valueOf(v)));
            }
            return out;
        }

        long[] numbers(String name) {
            List<?> list = (List<?>) values.get(name);
            long[] out = new long[list.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = (Long) list.get(i);
            }
            return out;
        }

        List<List<String>> pairs(String name) {
            List<List<String>> out = new ArrayList<>();
            if (values.get(name) instanceof List<?> list) {
                for (Object pair : list) {
                    List<String> texts = new ArrayList<>();
                    ((List<?>) pair).forEach(v -> texts.add(String.valueOf(v)));
                    out.add(texts);
                }
            }
            return out;
        }

        Fields object(String name) {
            return values.get(name) instanceof Fields f ? f : null;
        }
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

    private static void texts(JsonGenerator g, String name, List<String> values) throws IOException {
        if (values != null && !values.isEmpty()) {
            g.writeArrayFieldStart(name);
            for (String value : values) {
                g.writeString(value);
            }
            g.writeEndArray();
        }
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
