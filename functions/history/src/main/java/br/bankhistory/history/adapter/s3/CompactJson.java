package br.bankhistory.history.adapter.s3;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

/**
 * The conventions item chunks and link documents share: one streaming {@link JsonFactory}, and a property
 * written only when it has a value (an empty text or list, or an absent date, is left out; dates as ISO text).
 */
final class CompactJson {

    static final JsonFactory FACTORY = new JsonFactory();

    private CompactJson() {
    }

    static void texts(JsonGenerator g, String name, List<String> values) throws IOException {
        if (values != null && !values.isEmpty()) {
            g.writeArrayFieldStart(name);
            for (String value : values) {
                g.writeString(value);
            }
            g.writeEndArray();
        }
    }

    static void text(JsonGenerator g, String name, String value) throws IOException {
        if (value != null && !value.isEmpty()) {
            g.writeStringField(name, value);
        }
    }

    static void date(JsonGenerator g, String name, LocalDate value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value.toString());
        }
    }
}
