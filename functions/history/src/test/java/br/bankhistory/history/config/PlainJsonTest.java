package br.bankhistory.history.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A plain body is written to the very bytes databind writes for it; anything else is left to databind. */
class PlainJsonTest {

    private static final ObjectMapper DATABIND = JsonMapper.builder().build();

    record Sums(long count, long amountCents, String note, List<Integer> lines) { }

    record WithGetter(long count) {
        public boolean isEmpty() {
            return count == 0;
        }
    }

    enum Kind { RETORNO }

    @Test
    void plainBodiesAreWrittenAsDatabindWritesThem() throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("zeta", "Ação \"citada\" \\ \n\t\u0001 €");
        body.put("alpha", 12_345_678_901L);
        body.put("int", 7);
        body.put("double", 1.5);
        body.put("decimal", new BigDecimal("10.20"));
        body.put("yes", true);
        body.put("none", null);
        body.put("empty", List.of());
        body.put("emptyMap", Map.of());
        body.put("nulls", Arrays.asList(null, "a"));
        body.put("totals", Map.of("LIQUIDADO", new Sums(3, 1_000, null, List.of(1, 2))));
        body.put("rows", List.of(Map.of("k", new Sums(0, 0, "x", List.of()))));
        assertThat(PlainJson.writeIfPlain(body)).contains(DATABIND.writeValueAsString(body));
        assertThat(PlainJson.writeIfPlain(List.of(1, "a"))).contains(DATABIND.writeValueAsString(List.of(1, "a")));
    }

    @Test
    void anythingElseIsLeftToDatabind() throws Exception {
        assertThat(PlainJson.writeIfPlain(Map.of("node", DATABIND.readTree("{\"a\":1}")))).isEmpty();
        assertThat(PlainJson.writeIfPlain(Map.of("kind", Kind.RETORNO))).isEmpty();
        assertThat(PlainJson.writeIfPlain(List.of(new WithGetter(1)))).isEmpty();
        assertThat(PlainJson.writeIfPlain(Map.of(1, "a"))).isEmpty();
    }
}
