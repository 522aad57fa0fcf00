package br.bankhistory.bench;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.jr.ob.JSON;

import java.util.List;
import java.util.Map;

/**
 * What JSON costs a cold start: in a fresh JVM, the work a first {@code GET /integrations} does with JSON (a
 * record's status history and totals read from their stored JSON, a response written), with Jackson databind
 * (what the functions use) or with Jackson jr ({@code jr}), printed in milliseconds with the JSON written. Run
 * once per JVM (command and figures: docs/benchmarks.md, "Lambda init").
 */
public final class JsonColdProbe {

    /** A status change as the record stores it. */
    public record Change(String at, String from, String to, String byUserId, String byUserName, String reason) {
    }

    /** One category's totals as the record stores them. */
    public record Totals(long count, long amountCents, long paidCents) {
    }

    private static final String HISTORY = "[{\"at\":\"2026-12-03T10:00:00Z\",\"from\":null,\"to\":\"PROCESSED\","
            + "\"byUserId\":\"ana\",\"byUserName\":\"Ana Souza\",\"reason\":null},{\"at\":\"2026-12-03T11:00:00Z\","
            + "\"from\":\"PROCESSED\",\"to\":\"CANCELLED\",\"byUserId\":\"ana\",\"byUserName\":\"Ana Souza\","
            + "\"reason\":\"Enviada em duplicidade\"}]";
    private static final String TOTALS = "{\"LIQUIDADO\":{\"count\":3,\"amountCents\":26492,\"paidCents\":26492}}";

    private JsonColdProbe() {
    }

    public static void main(String[] args) throws Exception {
        String library = args.length > 0 ? args[0] : "databind";
        long start = System.nanoTime();
        String written = switch (library) {
            case "databind" -> databind();
            case "jr" -> jr();
            default -> throw new IllegalArgumentException("databind or jr, not " + library);
        };
        long done = System.nanoTime();
        System.out.printf("%s %.1f ms %s%n", library, (done - start) / 1e6, written);
    }

    private static String databind() throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        List<Change> history = json.readValue(HISTORY, new TypeReference<List<Change>>() { });
        Map<String, Totals> totals = json.readValue(TOTALS, new TypeReference<Map<String, Totals>>() { });
        return json.writeValueAsString(Map.of("history", history, "totals", totals));
    }

    private static String jr() throws Exception {
        JSON json = JSON.std.with(JSON.Feature.WRITE_NULL_PROPERTIES);
        List<Change> history = json.listOfFrom(Change.class, HISTORY);
        Map<String, Totals> totals = json.mapOfFrom(Totals.class, TOTALS);
        return json.asString(Map.of("history", history, "totals", totals));
    }
}
