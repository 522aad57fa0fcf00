package br.bankhistory.bench;

import br.bankhistory.bench.cnab.CnabFileGenerator;
import br.bankhistory.bench.ingest.AwsModel;
import br.bankhistory.bench.ingest.Remessas;
import br.bankhistory.bench.ingest.RequestTally;
import br.bankhistory.cnab.CnabReader;
import br.bankhistory.cnab.Item;
import br.bankhistory.cnab.ReadOptions;
import br.bankhistory.emulators.EmulatorStack;
import br.bankhistory.history.Services;
import br.bankhistory.history.config.ServiceConfig;
import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.domain.ListFilter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.core.sync.RequestBody;

import java.io.BufferedInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * A big retorno ingested and reconciled by the real Ingest handler in a fresh JVM whose heap is capped (256 MB
 * by default): the file is streamed from S3 (s3proxy) twice (hash, then read), its items written as chunks,
 * the record written once, then the retorno applied against remessas of some of its titles (set up first
 * through the real path). The child JVM counts every DynamoDB and S3 request it makes ({@link RequestTally});
 * the same run times the CNAB engine reading the same file, and the counts are turned into a modelled AWS time
 * against the Ingest function's memory and timeout in template.yaml ({@link AwsModel}). Passing means the
 * handler answered, the record holds every title and the remessas' titles were matched. Command and figures:
 * docs/benchmarks.md.
 */
public final class BigFileIngestBenchmark {

    private static final String TENANT = "acme";

    private BigFileIngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("bench.root", ".")).toAbsolutePath().normalize();
        long bytes = Long.getLong("bench.bytes", 100_000_000L);
        String heap = System.getProperty("bench.heap", "256m");
        int remessaTitles = Integer.getInteger("bench.remessaTitles", 30_000);
        CnabFileGenerator.Generated file = CnabFileGenerator.ensure(root.resolve("benchmarks/target/bench-data"),
                CnabFileGenerator.Kind.COBRANCA_240, 1, bytes);
        long size = Files.size(file.file());
        String bank = file.expected().bank();
        String classpath = ColdStartBenchmark.childClasspath(root) + File.pathSeparator + tallyResource();
        AwsModel.Function function = AwsModel.ingestFunction(root.resolve("template.yaml"));

        List<String> ourNumbers = new ArrayList<>();
        double engineSeconds = engineRead(file.file(), remessaTitles, ourNumbers);

        try (EmulatorStack stack = EmulatorStack.start()) {
            ServiceConfig config = ServiceConfig.local("history-big", "files-big", stack.dynamoDbEndpoint(),
                    stack.s3Endpoint(), null, stack.accessKey(), stack.secretKey());
            Services services = Services.create(config);
            services.ensureStorage();

            ObjectMapper json = new ObjectMapper();
            ObjectNode event = (ObjectNode) json.readTree(root.resolve("events/s3-put-inbound.json").toFile());
            Instant retornoAt = Instant.parse(event.withArray("Records").get(0).get("eventTime").asText());
            long setupStart = System.nanoTime();
            List<String> remessas = Remessas.create(services, TENANT, bank, ourNumbers, retornoAt.minusSeconds(86_400));
            System.out.printf("%d remessa(s) of %,d titles set up in %.1f s%n", remessas.size(), ourNumbers.size(),
                    (System.nanoTime() - setupStart) / 1e9);

            String key = "inbound/" + TENANT + "/" + file.file().getFileName();
            services.s3().putObject(r -> r.bucket(config.bucketName()).key(key), RequestBody.fromFile(file.file()));
            ObjectNode s3 = (ObjectNode) event.withArray("Records").get(0).get("s3");
            ((ObjectNode) s3.get("bucket")).put("name", config.bucketName());
            ((ObjectNode) s3.get("object")).put("key", key).put("size", size);
            Path eventFile = Files.createTempFile("big-event", ".json");
            json.writeValue(eventFile.toFile(), event);
            Path tally = Files.createTempFile("big-tally", ".properties");

            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Xmx" + heap, "-XX:+UseSerialGC", "-Dbench.tally=" + tally));
            String childArgs = System.getProperty("bench.childArgs", "").strip();
            if (!childArgs.isEmpty()) {
                command.addAll(List.of(childArgs.split("\\s+"))); // e.g. a flight recording of the child
            }
            command.addAll(List.of("-cp", classpath, ColdStartProbe.class.getName(),
                    "br.bankhistory.history.handler.IngestHandler",
                    "com.amazonaws.services.lambda.runtime.events.S3Event", eventFile.toString()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(Map.of("TABLE_NAME", config.tableName(), "FILES_BUCKET", config.bucketName(),
                    "AWS_REGION", "us-east-1", "AWS_ENDPOINT_URL_DYNAMODB", stack.dynamoDbEndpoint().toString(),
                    "AWS_ENDPOINT_URL_S3", stack.s3Endpoint().toString(), "AWS_ACCESS_KEY_ID", stack.accessKey(),
                    "AWS_SECRET_ACCESS_KEY", stack.secretKey()));
            long start = System.nanoTime();
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = process.waitFor();
            double seconds = (System.nanoTime() - start) / 1e9;
            Path childLog = root.resolve("benchmarks/target/big-ingest-child.log");
            Files.writeString(childLog, output);
            if (exit != 0) {
                throw new IllegalStateException("ingest failed (exit " + exit + ", whole output in " + childLog
                        + "):\n" + tail(output));
            }
            IntegrationRecord record = services.listIntegrations()
                    .page(TENANT, ListFilter.NONE, Optional.empty(), 10).records().stream()
                    .filter(r -> r.fileName().equals(file.file().getFileName().toString())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no record of the retorno:\n" + tail(output)));
            if (record.itemCount() != file.expected().items()) {
                throw new IllegalStateException("recorded " + record.itemCount() + " items, the file has "
                        + file.expected().items());
            }
            Phases phases = Phases.of(output, json);
            if (phases.matched() < ourNumbers.size()) {
                throw new IllegalStateException("matched " + phases.matched() + " titles, the remessas sent "
                        + ourNumbers.size() + ":\n" + tail(output));
            }
            Properties counts = new Properties();
            try (Reader in = Files.newBufferedReader(tally)) {
                counts.load(in);
            }
            report(size, file.expected().items(), heap, seconds, record, phases, engineSeconds, counts, function);
        }
    }

    /**
     * The engine reading the file with every item built, as Ingest reads it: one warm-up, then the median of
     * three. The first run also keeps the first {@code wanted} distinct nosso números (the remessas' titles).
     */
    private static double engineRead(Path file, int wanted, List<String> ourNumbers) throws IOException {
        Set<String> numbers = new LinkedHashSet<>();
        double[] runs = new double[4];
        for (int run = 0; run < runs.length; run++) {
            long[] count = {0};
            long start = System.nanoTime();
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
                boolean first = run == 0;
                CnabReader.standard().read(in, item -> {
                    count[0] += item.amountCents();
                    if (first && numbers.size() < wanted) {
                        numbers.add(remessaNumber(item));
                    }
                }, ReadOptions.defaults());
            }
            runs[run] = (System.nanoTime() - start) / 1e9;
        }
        ourNumbers.addAll(numbers);
        double[] measured = Arrays.copyOfRange(runs, 1, runs.length);
        Arrays.sort(measured);
        return measured[1];
    }

    /** The nosso número as a remessa sends it: the retorno's, without carteira and check digit (Itaú: 8 digits). */
    private static String remessaNumber(Item item) {
        String digits = item.ourNumber().replaceAll("\\D", "");
        return digits.length() > 8 ? digits.substring(digits.length() - 9, digits.length() - 1) : digits;
    }

    /** A class path directory that registers {@link RequestTally} with the SDK, seen by the child JVM only. */
    private static Path tallyResource() throws IOException {
        Path dir = Files.createTempDirectory("bench-tally");
        Path resource = dir.resolve(RequestTally.RESOURCE);
        Files.createDirectories(resource.getParent());
        Files.writeString(resource, RequestTally.class.getName() + "\n");
        return dir;
    }

    /** When the handler's log says the file was recorded and the retorno applied. */
    record Phases(Duration ingest, Duration apply, long matched) {

        /** Ingest: the handler's time (the probe's first response less its init) less the application. */
        static Phases of(String output, ObjectMapper json) throws IOException {
            Instant recorded = null;
            Instant applied = null;
            double handlerMs = -1;
            long matched = 0;
            for (String line : output.split("\n")) {
                if (line.startsWith("{\"init\"")) {
                    JsonNode probe = json.readTree(line);
                    handlerMs = probe.get("firstResponse").asDouble() - probe.get("init").asDouble();
                } else if (line.startsWith("{\"ts\"") && line.contains("\"ingest.recorded\"")) {
                    recorded = Instant.parse(json.readTree(line).get("ts").asText());
                } else if (line.startsWith("{\"ts\"") && line.contains("\"apply.done\"")) {
                    applied = Instant.parse(json.readTree(line).get("ts").asText());
                    matched = findNumber(line, "matched");
                }
            }
            if (recorded == null || applied == null || handlerMs < 0) {
                throw new IllegalStateException("no ingest.recorded / apply.done / probe line in the handler's "
                        + "output:\n" + tail(output));
            }
            Duration apply = Duration.between(recorded, applied);
            return new Phases(Duration.ofMillis((long) handlerMs).minus(apply), apply, matched);
        }

        private static long findNumber(String line, String name) {
            int at = line.indexOf("\"" + name + "\":");
            if (at < 0) {
                return 0;
            }
            int from = at + name.length() + 3;
            int to = from;
            while (to < line.length() && Character.isDigit(line.charAt(to))) {
                to++;
            }
            return Long.parseLong(line.substring(from, to));
        }
    }

    private static void report(long size, long titles, String heap, double seconds, IntegrationRecord record,
                               Phases phases, double engineSeconds, Properties c, AwsModel.Function function) {
        System.out.printf("%nIngest of %,d bytes (%,d titles) with -Xmx%s: %.1f s wall (JVM start to exit), "
                        + "status %s, %,d items recorded, %,d titles matched to the remessas%n", size, titles, heap,
                seconds, record.status(), record.itemCount(), phases.matched());
        double ingest = phases.ingest().toMillis() / 1000.0;
        double apply = phases.apply().toMillis() / 1000.0;
        System.out.printf("  ingest (handler start to recorded): %.1f s; reconciliation (recorded to applied): "
                + "%.1f s; child CPU %.1f s%n", ingest, apply, get(c, "jvm.cpu.ms") / 1000.0);
        System.out.printf("  CNAB engine reading the same file (items built, median of 3): %.2f s; "
                        + "(ingest + reconciliation) / engine read = %.0fx (target <= 100x)%n", engineSeconds,
                (ingest + apply) / engineSeconds);
        System.out.println("DynamoDB:");
        System.out.printf("  write units computed (item-size rules): table %,d + index copies %,d = %,d; "
                        + "reported by DynamoDB Local: %s%n", get(c, "wcu.computed.table"),
                get(c, "wcu.computed.indexes"), get(c, "wcu.computed.table") + get(c, "wcu.computed.indexes"),
                c.containsKey("wcu.reported.total.milli")
                        ? String.format("%,.1f (table %,.1f, indexes %,.1f)%s",
                        get(c, "wcu.reported.total.milli") / 1000.0, get(c, "wcu.reported.table.milli") / 1000.0,
                        get(c, "wcu.reported.indexes.milli") / 1000.0,
                        get(c, "wcu.reported.missing") > 0 ? ", " + get(c, "wcu.reported.missing")
                                + " responses without it" : "")
                        : "none");
        c.stringPropertyNames().stream().filter(k -> k.startsWith("wcu.computed.table.")).sorted()
                .forEach(k -> System.out.printf("    %-20s %,10d units, %,8d items, %,12d bytes%n",
                        k.substring("wcu.computed.table.".length()), get(c, k),
                        get(c, "ddb.items." + k.substring("wcu.computed.table.".length())),
                        get(c, "ddb.bytes." + k.substring("wcu.computed.table.".length()))));
        System.out.printf("  most units on one partition key: table %,d (%s), index %,d (%s); %,d table "
                        + "partition keys written%n", get(c, "wcu.maxKey.table.units"), c.getProperty("wcu.maxKey.table"),
                get(c, "wcu.maxKey.index.units"), c.getProperty("wcu.maxKey.index"), get(c, "ddb.partitionKeys"));
        System.out.printf("  requests: %s%n", requests(c, "ddb."));
        System.out.println("S3:");
        System.out.printf("  requests: %s%n", requests(c, "s3."));
        System.out.printf("  PUT %,d (%,d bytes: chunks %,d in %,d, links %,d in %,d, answers %,d in %,d); "
                        + "GET %,d (%,d bytes, of which the file %,d times); LIST %,d%n",
                get(c, "s3.PutObject.requests"), get(c, "s3.PutObject.bytes"), get(c, "s3.PutObject.chunks.bytes"),
                get(c, "s3.PutObject.chunks.requests"), get(c, "s3.PutObject.links.bytes"),
                get(c, "s3.PutObject.links.requests"), get(c, "s3.PutObject.answers.bytes"),
                get(c, "s3.PutObject.answers.requests"), get(c, "s3.GetObject.requests"),
                get(c, "s3.GetObject.bytes"), get(c, "s3.GetObject.inbound.requests"),
                get(c, "s3.ListObjectsV2.requests"));
        AwsModel.Estimate e = AwsModel.estimate(c, size, function);
        System.out.printf("Modelled on AWS (Ingest: %d MB = %.2f vCPU, timeout %d s): CPU %.1f s + S3 %.1f s + "
                        + "DynamoDB %.1f s = %.1f s (service-limit floor %.1f s): %s%n", function.memoryMb(),
                function.memoryMb() / AwsModel.MB_PER_VCPU, function.timeoutSeconds(), e.cpuSeconds(),
                e.s3Seconds(), e.dynamoSeconds(), e.totalSeconds(), e.floorSeconds(),
                e.totalSeconds() <= function.timeoutSeconds() ? String.format("inside the timeout (%.0f%%)",
                        100 * e.totalSeconds() / function.timeoutSeconds()) : "OVER THE TIMEOUT");
    }

    private static String requests(Properties c, String prefix) {
        StringBuilder out = new StringBuilder();
        c.stringPropertyNames().stream().filter(k -> k.startsWith(prefix) && k.endsWith(".requests")
                        && k.chars().filter(ch -> ch == '.').count() == 2).sorted()
                .forEach(k -> out.append(k, prefix.length(), k.length() - ".requests".length()).append(' ')
                        .append(String.format("%,d", get(c, k))).append(", "));
        return out.length() == 0 ? "none" : out.substring(0, out.length() - 2);
    }

    private static long get(Properties c, String key) {
        return Long.parseLong(c.getProperty(key, "0"));
    }

    private static String tail(String output) {
        return output.length() < 4000 ? output : output.substring(output.length() - 4000);
    }
}
