package br.bankhistory.bench.schema;

import br.bankhistory.bench.schema.RequestContenders.Bad;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * What validating {@code POST /remittances} against docs/openapi.yaml at runtime would cost the Api function,
 * against the hand binding it runs: (1) init, a fresh JVM per contender and round ({@link SchemaInitProbe},
 * the Lambda runtime's JIT flags), with a do-nothing baseline; (2) per request, warm, in this JVM, rounds
 * alternating between the contenders, medians. Each contender is first shown to accept the valid bodies and
 * to refuse each bad one. Command and figures: docs/benchmarks.md.
 */
public final class SchemaCostBenchmark {

    private static final List<String> CHILD_FLAGS = List.of(System.getProperty("bench.jvmFlags",
            "-XX:+TieredCompilation -XX:TieredStopAtLevel=1").trim().split("\\s+"));
    private static final List<String> INIT_MODES = List.of("noop", "binding", "schema-yaml", "schema-json",
            "binding+schema-yaml", "binding+schema-json");

    private static long sink;

    private SchemaCostBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("bench.root", ".")).toAbsolutePath().normalize();
        int runs = Integer.getInteger("bench.runs", 7);
        int rounds = Integer.getInteger("bench.rounds", 21);
        int many = Integer.getInteger("bench.titles", 500);
        Path openApi = root.resolve("docs/openapi.yaml");
        JsonNode small = RequestContenders.eventBody(root.resolve("events/api-create-remittance.json"));
        JsonNode big = RequestContenders.withTitles(small, many);
        JsonSchema schema = RequestContenders.compile(
                RequestContenders.standaloneSchema(RequestContenders.readOpenApi(openApi)));

        Map<String, JsonNode> bodies = new LinkedHashMap<>();
        bodies.put("event body (" + small.get("titles").size() + " titles)", small);
        bodies.put(many + " titles", big);
        check(schema, bodies.values(), RequestContenders.badBodies(small));

        Path work = Files.createTempDirectory("schema-cost");
        Path extracted = work.resolve("remittance-request.schema.json");
        RequestContenders.JSON.writeValue(extracted.toFile(),
                RequestContenders.standaloneSchema(RequestContenders.readOpenApi(openApi)));
        System.out.printf("Machine: %d cores, %s; this JVM %s%n", Runtime.getRuntime().availableProcessors(),
                loadAverage(), ManagementFactory.getRuntimeMXBean().getInputArguments());
        for (Map.Entry<String, JsonNode> body : bodies.entrySet()) {
            Path file = work.resolve(body.getValue().get("titles").size() + "-titles.json");
            RequestContenders.JSON.writeValue(file.toFile(), body.getValue());
            initReport(body.getKey(), Files.size(file), init(file, openApi, extracted, runs));
        }
        for (Map.Entry<String, JsonNode> body : bodies.entrySet()) {
            warmReport(body.getKey(), warm(schema, body.getValue(), rounds));
        }
        System.out.println("(sink " + sink + ")");
    }

    /** Both contenders accept every valid body and refuse every bad one, else nothing is measured. */
    static void check(JsonSchema schema, Iterable<JsonNode> valid, List<Bad> bad) {
        for (JsonNode body : valid) {
            var problems = RequestContenders.validate(schema, body);
            if (!problems.isEmpty()) {
                throw new IllegalStateException("the schema refuses a valid body: " + problems);
            }
            RequestContenders.bindingRefusal(body).ifPresent(refusal -> {
                throw new IllegalStateException("the binding refuses a valid body: " + refusal);
            });
        }
        for (Bad body : bad) {
            var problems = RequestContenders.validate(schema, body.body());
            String refusal = RequestContenders.bindingRefusal(body.body()).orElse(null);
            System.out.printf("refused: %-32s schema: %s | binding: %s%n", body.name(),
                    problems.isEmpty() ? "ACCEPTED" : problems.iterator().next().getMessage(),
                    refusal == null ? "ACCEPTED" : refusal);
            if (problems.isEmpty() || refusal == null) {
                throw new IllegalStateException("a contender accepts the bad body " + body.name());
            }
        }
    }

    // ---- init ----------------------------------------------------------------------------------------

    private static Map<String, List<Init>> init(Path body, Path openApi, Path extracted, int runs)
            throws IOException, InterruptedException {
        String classpath = System.getProperty("java.class.path");
        Map<String, List<Init>> all = new LinkedHashMap<>();
        INIT_MODES.forEach(mode -> all.put(mode, new ArrayList<>()));
        for (int round = 0; round <= runs; round++) {
            for (int k = 0; k < INIT_MODES.size(); k++) { // the order turns each round
                String mode = INIT_MODES.get((round + k) % INIT_MODES.size());
                Init measure = probe(classpath, mode, body, openApi, extracted);
                if (round > 0) { // the first round warms the page cache
                    all.get(mode).add(measure);
                }
            }
        }
        return all;
    }

    private static Init probe(String classpath, String mode, Path body, Path openApi, Path extracted)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(CHILD_FLAGS);
        command.addAll(List.of("-cp", classpath, SchemaInitProbe.class.getName(), mode, body.toString(),
                openApi.toString(), extracted.toString()));
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        double wall = (System.nanoTime() - start) / 1e6;
        String line = output.lines().filter(l -> l.startsWith("{\"ms\"")).reduce((a, b) -> b).orElse(null);
        if (exit != 0 || line == null) {
            throw new IllegalStateException(mode + " probe failed (exit " + exit + "):\n" + output);
        }
        JsonNode values = RequestContenders.JSON.readTree(line);
        return new Init(values.get("ms").asDouble(), values.get("uptime").asDouble(), wall,
                values.get("cpu").asDouble(), values.get("classes").asDouble());
    }

    private static void initReport(String body, long bytes, Map<String, List<Init>> all) {
        System.out.printf("%nInit, %s, %,d bytes: median of %d fresh JVMs each (flags %s)%n%n", body, bytes,
                all.get("noop").size(), CHILD_FLAGS);
        System.out.println("| contender | main to done (ms) | JVM uptime at done (ms) | whole process (ms) "
                + "| CPU at done (ms) | classes loaded | main to done vs binding (ms, classes) |");
        System.out.println("|---|---|---|---|---|---|---|");
        Init base = Init.median(all.get("binding"));
        all.forEach((mode, measures) -> {
            Init m = Init.median(measures);
            System.out.printf("| %s | %.0f | %.0f | %.0f | %.0f | %.0f | %+.0f ms, %+.0f |%n", mode, m.ms, m.uptime,
                    m.wall, m.cpu, m.classes, m.ms - base.ms, m.classes - base.classes);
        });
    }

    private record Init(double ms, double uptime, double wall, double cpu, double classes) {

        static Init median(List<Init> all) {
            return new Init(SchemaCostBenchmark.median(all.stream().mapToDouble(Init::ms).toArray()),
                    SchemaCostBenchmark.median(all.stream().mapToDouble(Init::uptime).toArray()),
                    SchemaCostBenchmark.median(all.stream().mapToDouble(Init::wall).toArray()),
                    SchemaCostBenchmark.median(all.stream().mapToDouble(Init::cpu).toArray()),
                    SchemaCostBenchmark.median(all.stream().mapToDouble(Init::classes).toArray()));
        }
    }

    // ---- warm, per request ---------------------------------------------------------------------------

    private static Map<String, double[]> warm(JsonSchema schema, JsonNode body, int rounds) throws IOException {
        String text = RequestContenders.JSON.writeValueAsString(body);
        Map<String, ToIntFunction<JsonNode>> contenders = new LinkedHashMap<>();
        contenders.put("parse (JSON text to tree, either way)", ignored -> parse(text));
        contenders.put("binding (RemittanceBodies.parse)", tree -> RequestContenders.bind(tree).titles().size());
        contenders.put("schema (networknt validate)", tree -> RequestContenders.validate(schema, tree).size() + 1);
        Map<String, Integer> batch = new LinkedHashMap<>();
        Map<String, double[]> nanos = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(contenders.keySet());
        for (String name : names) { // warm-up, then a batch of about 40 ms each
            double each = run(contenders.get(name), body, 1);
            long until = System.nanoTime() + 1_500_000_000L;
            int iterations = 1;
            while (System.nanoTime() < until) {
                each = run(contenders.get(name), body, iterations) / iterations;
                iterations = Math.min(iterations * 2, 1 << 20);
            }
            batch.put(name, (int) Math.max(1, 40e6 / each));
            nanos.put(name, new double[rounds]);
        }
        for (int round = 0; round < rounds; round++) {
            for (int k = 0; k < names.size(); k++) { // the order turns each round
                String name = names.get((round + k) % names.size());
                nanos.get(name)[round] = run(contenders.get(name), body, batch.get(name)) / batch.get(name);
            }
        }
        return nanos;
    }

    private static int parse(String text) {
        try {
            return RequestContenders.JSON.readTree(text).size();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double run(ToIntFunction<JsonNode> contender, JsonNode body, int iterations) {
        long start = System.nanoTime();
        long total = 0;
        for (int i = 0; i < iterations; i++) {
            total += contender.applyAsInt(body);
        }
        long elapsed = System.nanoTime() - start;
        if (total == 0) {
            throw new IllegalStateException("a contender did no work");
        }
        sink += total;
        return elapsed;
    }

    private static void warmReport(String body, Map<String, double[]> nanos) {
        System.out.printf("%nPer request, warm, %s: median of %d alternating rounds (min-max)%n%n", body,
                nanos.values().iterator().next().length);
        System.out.println("| contender | µs per body | min-max (µs) |");
        System.out.println("|---|---|---|");
        nanos.forEach((name, values) -> {
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            System.out.printf("| %s | %.1f | %.1f-%.1f |%n", name, median(values) / 1e3, sorted[0] / 1e3,
                    sorted[sorted.length - 1] / 1e3);
        });
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String loadAverage() {
        try {
            return "load average " + Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "load average " + ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        }
    }
}
