package br.bankhistory.bench;

import br.bankhistory.emulators.EmulatorStack;
import br.bankhistory.history.Services;
import br.bankhistory.history.config.ServiceConfig;
import br.bankhistory.history.handler.ApiHandler;
import br.bankhistory.history.handler.IngestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.core.sync.RequestBody;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lambda init cost: each handler's class initialisation to first response, in a fresh JVM per run, against
 * a do-nothing handler started the same way (same JVM flags, same shaded jar, same event deserialiser),
 * with DynamoDB Local and s3proxy answering on loopback. Command and figures: docs/benchmarks.md.
 */
public final class ColdStartBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * The child JVMs' flags; {@code -Dbench.jvmFlags="..."} (space-separated) measures others, where
     * {@code {handler}} stands for the handler's simple name (one class data archive per function).
     */
    private static final List<String> JVM_FLAGS = List.of(System.getProperty("bench.jvmFlags",
            "-XX:+TieredCompilation -XX:TieredStopAtLevel=1 -Xmx768m").trim().split("\\s+"));

    private ColdStartBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("bench.root", ".")).toAbsolutePath().normalize();
        int runs = Integer.getInteger("bench.runs", 7);
        String classpath = childClasspath(root);
        Path work = Files.createTempDirectory("cold-start");
        byte[] sample = ColdStartBenchmark.class.getResourceAsStream("/bench/caixa.ret").readAllBytes();

        try (EmulatorStack stack = EmulatorStack.start()) {
            ServiceConfig config = ServiceConfig.local("history-bench", "files-bench", stack.dynamoDbEndpoint(),
                    stack.s3Endpoint(), null, stack.accessKey(), stack.secretKey());
            Services services = Services.create(config);
            services.ensureStorage();
            Map<String, String> env = new HashMap<>(Map.of(
                    "TABLE_NAME", config.tableName(), "FILES_BUCKET", config.bucketName(), "AWS_REGION", "us-east-1",
                    "AWS_ENDPOINT_URL_DYNAMODB", stack.dynamoDbEndpoint().toString(),
                    "AWS_ENDPOINT_URL_S3", stack.s3Endpoint().toString(),
                    "AWS_ACCESS_KEY_ID", stack.accessKey(), "AWS_SECRET_ACCESS_KEY", stack.secretKey()));

            Path listEvent = writeEvent(work, "list.json", root.resolve("events/api-list-integrations.json"), e -> { });
            List<Measure> noop = new ArrayList<>();
            List<Measure> api = new ArrayList<>();
            List<Measure> ingest = new ArrayList<>();
            for (int round = 0; round <= runs; round++) {
                int run = round;
                String key = "inbound/acme/cold-" + run + ".ret";
                services.s3().putObject(r -> r.bucket(config.bucketName()).key(key), RequestBody.fromBytes(sample));
                Path s3Event = writeEvent(work, "s3-" + run + ".json", root.resolve("events/s3-put-inbound.json"),
                        e -> {
                            ObjectNode s3 = (ObjectNode) e.withArray("Records").get(0).get("s3");
                            ((ObjectNode) s3.get("bucket")).put("name", config.bucketName());
                            ((ObjectNode) s3.get("object")).put("key", key).put("sequencer", "run" + run);
                        });
                Measure n = probe(classpath, env, NoopHandler.class, APIGatewayV2HTTPEvent.class, listEvent);
                Measure a = probe(classpath, env, ApiHandler.class, APIGatewayV2HTTPEvent.class, listEvent);
                Measure i = probe(classpath, env, IngestHandler.class, S3Event.class, s3Event);
                if (run > 0) { // the first round warms the page cache and the emulators
                    noop.add(n);
                    api.add(a);
                    ingest.add(i);
                }
            }
            report(runs, noop, api, ingest);
        }
    }

    private static void report(int runs, List<Measure> noop, List<Measure> api, List<Measure> ingest) {
        Measure base = Measure.median(noop);
        System.out.printf("%nCold start, median of %d fresh JVMs each (flags %s)%n%n", runs, JVM_FLAGS);
        System.out.println("| handler | init (ms) | init to first response (ms) | whole process (ms) | "
                + "whole process vs do-nothing |");
        System.out.println("|---|---|---|---|---|");
        for (var entry : List.of(Map.entry("do-nothing", noop), Map.entry("ApiHandler (GET /integrations)", api),
                Map.entry("IngestHandler (S3 put, 5 KB retorno)", ingest))) {
            Measure m = Measure.median(entry.getValue());
            System.out.printf("| %s | %.0f | %.0f | %.0f | %.2fx |%n", entry.getKey(), m.init, m.firstResponse,
                    m.wholeProcess, m.wholeProcess / base.wholeProcess);
        }
    }

    private static Measure probe(String classpath, Map<String, String> env, Class<?> handler, Class<?> eventType,
                                 Path event) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // "{handler}" in a flag is the handler's simple name: a class list or class data archive per function
        command.addAll(JVM_FLAGS.stream().map(flag -> flag.replace("{handler}", handler.getSimpleName())).toList());
        command.addAll(List.of("-cp", classpath, ColdStartProbe.class.getName(), handler.getName(),
                eventType.getName(), event.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        long start = System.nanoTime();
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        double wall = (System.nanoTime() - start) / 1e6;
        String line = output.lines().filter(l -> l.startsWith("{\"init\"")).reduce((a, b) -> b).orElse(null);
        if (exit != 0 || line == null) {
            throw new IllegalStateException(handler.getSimpleName() + " probe failed (exit " + exit + "):\n" + output);
        }
        JsonNode times = JSON.readTree(line);
        return new Measure(times.get("init").asDouble(), times.get("firstResponse").asDouble(), wall);
    }

    static String childClasspath(Path root) throws IOException {
        // -Dbench.jar=... measures another build of the Lambda jar (an earlier one, say) in the same harness
        Path jar = Path.of(System.getProperty("bench.jar",
                root.resolve("functions/history/target/history-service-0.1.0-SNAPSHOT-lambda.jar").toString()));
        Path serializer = root.resolve("benchmarks/target/serializer.classpath");
        if (!Files.exists(jar) || !Files.exists(serializer)) {
            throw new IllegalStateException("Build first: mvn -B -q -DskipTests package (missing " + jar + ")");
        }
        // A private copy: a rebuild during a long run must not swap the jar under the child JVMs. A jar named
        // with -Dbench.jar is the caller's own and used where it is (a class data archive names its path).
        Path copy = jar;
        if (System.getProperty("bench.jar") == null) {
            copy = Files.createTempFile("history-service-lambda", ".jar");
            Files.copy(jar, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            copy.toFile().deleteOnExit();
        }
        return String.join(File.pathSeparator, copy.toString(), Files.readString(serializer).strip(),
                // the probe as a jar (-Dbench.probe=...): a class data archive takes no directory on its path
                System.getProperty("bench.probe", root.resolve("benchmarks/target/classes").toString()));
    }

    private static Path writeEvent(Path dir, String name, Path template, java.util.function.Consumer<ObjectNode> edit)
            throws IOException {
        ObjectNode event = (ObjectNode) JSON.readTree(template.toFile());
        edit.accept(event);
        Path file = dir.resolve(name);
        JSON.writeValue(file.toFile(), event);
        return file;
    }

    private record Measure(double init, double firstResponse, double wholeProcess) {

        static Measure median(List<Measure> all) {
            return new Measure(median(all.stream().mapToDouble(Measure::init).toArray()),
                    median(all.stream().mapToDouble(Measure::firstResponse).toArray()),
                    median(all.stream().mapToDouble(Measure::wholeProcess).toArray()));
        }

        private static double median(double[] values) {
            java.util.Arrays.sort(values);
            return values[values.length / 2];
        }
    }
}
