package br.bankhistory.history.log;

import java.io.PrintStream;
import java.time.Instant;
import java.util.Map;

/**
 * One JSON object per line on standard output (CloudWatch Logs reads it as structured). Values are written
 * as given: callers mask personal and banking data first (see {@link Masking}).
 */
public final class JsonLog {

    private final String logger;
    private final PrintStream out;

    private JsonLog(String logger, PrintStream out) {
        this.logger = logger;
        this.out = out;
    }

    public static JsonLog of(Class<?> owner) {
        return new JsonLog(owner.getSimpleName(), System.out);
    }

    public void info(String event, Map<String, ?> fields) {
        write("INFO", event, fields);
    }

    public void warn(String event, Map<String, ?> fields) {
        write("WARN", event, fields);
    }

    public void error(String event, Map<String, ?> fields) {
        write("ERROR", event, fields);
    }

    private void write(String level, String event, Map<String, ?> fields) {
        StringBuilder line = new StringBuilder(160);
        line.append("{\"ts\":\"").append(Instant.now()).append("\",\"level\":\"").append(level)
                .append("\",\"logger\":");
        quote(line, logger);
        line.append(",\"event\":");
        quote(line, event);
        for (Map.Entry<String, ?> field : fields.entrySet()) {
            line.append(',');
            quote(line, field.getKey());
            line.append(':');
            Object value = field.getValue();
            if (value instanceof Number || value instanceof Boolean) {
                line.append(value);
            } else {
                quote(line, String.valueOf(value));
            }
        }
        line.append('}');
        out.println(line);
    }

    private static void quote(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
