package br.bankhistory.history.config;

import com.fasterxml.jackson.jr.ob.JSON;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The JSON of the paths a cold start runs first (a listing, an S3 event): maps, lists and records read and written
 * by Jackson jr, which loads a fraction of databind's classes (docs/benchmarks.md). Null properties are written,
 * as databind writes them, so a document keeps its shape whichever of the two wrote it.
 */
public final class PlainJson {

    private static final JSON JSON = com.fasterxml.jackson.jr.ob.JSON.std
            .with(com.fasterxml.jackson.jr.ob.JSON.Feature.WRITE_NULL_PROPERTIES);

    private PlainJson() {
    }

    /**
     * The value as JSON, a record's components in declaration order as databind writes them ({@link #writeIfPlain});
     * a value that is not plain as jr writes it.
     */
    public static String write(Object value) {
        Object copy = copy(value);
        return asString(copy == NOT_PLAIN ? value : copy);
    }

    private static String asString(Object value) {
        try {
            return JSON.asString(value);
        } catch (IOException e) {
            throw new UncheckedIOException("a value that cannot be written as JSON", e);
        }
    }

    /** A JSON object as a map (numbers as Integer or Long, as their size asks, decimals as Double). */
    public static Map<String, Object> map(String text) {
        try {
            return JSON.mapFrom(text);
        } catch (IOException e) {
            throw new UncheckedIOException("a document that is not a JSON object", e);
        }
    }

    /** A JSON array as a list (its elements as {@link #map}'s values). */
    public static List<Object> list(String text) {
        try {
            return JSON.listFrom(text);
        } catch (IOException e) {
            throw new UncheckedIOException("a document that is not a JSON array", e);
        }
    }

    /** A JSON object bound to a bean or record. */
    public static <T> T bean(Class<T> type, String text) {
        try {
            return JSON.beanFrom(type, text);
        } catch (IOException e) {
            throw new UncheckedIOException("a document that does not bind to " + type.getSimpleName(), e);
        }
    }

    /** A JSON array of beans or records. */
    public static <T> List<T> listOf(Class<T> type, String text) {
        try {
            return JSON.listOfFrom(type, text);
        } catch (IOException e) {
            throw new UncheckedIOException("a document that is not an array of " + type.getSimpleName(), e);
        }
    }

    /** A JSON object whose values are beans or records. */
    public static <T> Map<String, T> mapOf(Class<T> type, String text) {
        try {
            return JSON.mapOfFrom(type, text);
        } catch (IOException e) {
            throw new UncheckedIOException("a document that is not an object of " + type.getSimpleName(), e);
        }
    }

    /**
     * The value written as plain maps and lists, to the bytes databind writes for it: strings, integers, decimals,
     * booleans, nulls, lists and string-keyed maps of them, and records of them, each as the map of its components
     * in declaration order (databind's order; jr would sort them). Empty when it holds anything else (a JSON tree,
     * an enum, a record with a getter of its own), which only databind writes as databind does.
     */
    public static Optional<String> writeIfPlain(Object value) {
        Object copy = copy(value);
        return copy == NOT_PLAIN ? Optional.empty() : Optional.of(asString(copy));
    }

    private static final Object NOT_PLAIN = new Object();

    private static Object copy(Object value) {
        if (value == null || value instanceof String || value instanceof Integer || value instanceof Long
                || value instanceof Boolean || value instanceof Double || value instanceof BigDecimal) {
            return value;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                Object element = copy(e.getValue());
                if (!(e.getKey() instanceof String key) || element == NOT_PLAIN) {
                    return NOT_PLAIN;
                }
                out.put(key, element);
            }
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object e : list) {
                Object element = copy(e);
                if (element == NOT_PLAIN) {
                    return NOT_PLAIN;
                }
                out.add(element);
            }
            return out;
        }
        if (value instanceof Record record) {
            return recordCopy(record);
        }
        return NOT_PLAIN;
    }

    private static Object recordCopy(Record record) {
        RecordComponent[] components = record.getClass().getRecordComponents();
        Set<String> accessors = new HashSet<>();
        for (RecordComponent c : components) {
            accessors.add(c.getName());
        }
        for (Method m : record.getClass().getMethods()) {
            String name = m.getName();
            boolean getter = m.getParameterCount() == 0 && !Modifier.isStatic(m.getModifiers())
                    && m.getDeclaringClass() != Object.class && !m.getDeclaringClass().isInterface()
                    && (name.startsWith("get") || name.startsWith("is"));
            if (getter && !accessors.contains(name)) {
                return NOT_PLAIN;
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (RecordComponent c : components) {
            Object element;
            try {
                Method accessor = c.getAccessor();
                accessor.setAccessible(true);
                element = copy(accessor.invoke(record));
            } catch (ReflectiveOperationException | RuntimeException e) {
                return NOT_PLAIN;
            }
            if (element == NOT_PLAIN) {
                return NOT_PLAIN;
            }
            out.put(c.getName(), element);
        }
        return out;
    }

    /** A number read by {@link #map} as a long (0 when absent). */
    public static long longOf(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }

    /** An array read by {@link #map} as its elements (none when absent or not an array). */
    public static List<?> elementsOf(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }

    /** An object read by {@link #map} as its fields (none when absent or not an object). */
    public static Map<?, ?> fieldsOf(Object value) {
        return value instanceof Map<?, ?> map ? map : Map.of();
    }

    /** A value read by {@link #map} as its text ("" when absent or null). */
    public static String textOf(Object value) {
        return value == null ? "" : value.toString();
    }
}
