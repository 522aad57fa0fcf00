package br.bankhistory.history.adapter.s3;

import br.bankhistory.history.domain.Reconciliation;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import static br.bankhistory.history.adapter.s3.CompactJson.text;

/**
 * The JSON of a link document, written and read: the reconciliation of each item of a chunk by its seq,
 * {"seq": {"st": ..., "id": ..., "fn": ..., "s": ..., "l": ..., "cat": ...}, ...}; unknown properties are skipped.
 */
final class LinkDocumentCodec {

    private LinkDocumentCodec() {
    }

    static void writeLinks(OutputStream out, Map<Integer, Reconciliation> bySeq) throws IOException {
        try (JsonGenerator g = CompactJson.FACTORY.createGenerator(out)) {
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
        try (JsonParser p = CompactJson.FACTORY.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return bySeq;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                int seq = Integer.parseInt(p.currentName());
                p.nextToken();
                bySeq.put(seq, readLink(p));
            }
        }
        return bySeq;
    }

    private static Reconciliation readLink(JsonParser p) throws IOException {
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
        return new Reconciliation(Reconciliation.Status.valueOf(st), id, fn, s, l, cat);
    }
}
