package br.bankhistory.history.log;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Map;

/**
 * One JSON object per line on standard output (CloudWatch Logs reads it as structured). Values are written
 * as given: callers mask personal and banking data first (see {@link Masking}). Inside an invocation every line
 * also carries its request id and whether it was a cold start ({@link LogContext}).
 */
public final class JsonLog {

    private final String logger;

    private JsonLog(String logger) {
        this.logger = logger;
    }

    public static JsonLog of(Class<?> owner) {
        return new JsonLog(owner.getSimpleName());
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

    /** A throwable's stack as one string (a log field; the line escapes its newlines). */
    public static String stackTrace(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    private void write(String level, String event, Map<String, ?> fields) {
        StringBuilder line = new StringBuilder(160);
        line.append("{\"ts\":\"").append(Instant.now()).append("\",\"level\":\"").append(level)
                .append("\",\"logger\":");
        quote(line, logger);
        line.append(",\"event\":");
        quote(line, event);
        LogContext context = LogContext.current();
        if (context != null) {
            line.append(",\"requestId\":");
            quote(line, context.id());
            line.append(",\"coldStart\":").append(context.cold());
        }
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
        System.out.println(line); // read at each line: the runtime (and a test) may redirect standard output
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
