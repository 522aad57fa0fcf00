package br.bankhistory.history.adapter.s3;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One JSON object read into a map of values (texts, numbers, booleans, arrays, nested objects), with typed
 * reads that answer an empty value for a property that is absent.
 */
final class JsonObjectFields {

    private final Map<String, Object> values = new LinkedHashMap<>();

    /** Reads the object whose {@code START_OBJECT} the parser has just passed, up to its end. */
    JsonObjectFields(JsonParser p) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            values.put(name, value(p, p.nextToken()));
        }
    }

    private static Object value(JsonParser p, JsonToken token) throws IOException {
        return switch (token) {
            case START_OBJECT -> new JsonObjectFields(p);
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

    JsonObjectFields object(String name) {
        return values.get(name) instanceof JsonObjectFields f ? f : null;
    }
}
