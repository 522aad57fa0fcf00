package br.bankhistory.bench;

import br.bankhistory.bench.cnab.CnabFileGenerator;
import br.bankhistory.emulators.EmulatorStack;
import br.bankhistory.history.Services;
import br.bankhistory.history.config.ServiceConfig;
import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.domain.ListFilter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.core.sync.RequestBody;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A 100 MB retorno ingested by the real Ingest handler in a fresh JVM whose heap is capped at 256 MB: the
 * file is streamed from S3 (s3proxy) twice (hash, then read), its items written to DynamoDB Local in
 * batches, the record written once. Passing means the handler answered and the record holds every title.
 * Command and figures: docs/benchmarks.md.
 */
public final class BigFileIngestBenchmark {

    private BigFileIngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("bench.root", ".")).toAbsolutePath().normalize();
        long bytes = Long.getLong("bench.bytes", 100_000_000L);
        String heap = System.getProperty("bench.heap", "256m");
        CnabFileGenerator.Generated file = CnabFileGenerator.ensure(root.resolve("benchmarks/target/bench-data"),
                CnabFileGenerator.Kind.COBRANCA_240, 1, bytes);
        String classpath = ColdStartBenchmark.childClasspath(root);

        try (EmulatorStack stack = EmulatorStack.start()) {
            ServiceConfig config = ServiceConfig.local("history-big", "files-big", stack.dynamoDbEndpoint(),
                    stack.s3Endpoint(), null, stack.accessKey(), stack.secretKey());
            Services services = Services.create(config);
            services.ensureStorage();
            String key = "inbound/acme/" + file.file().getFileName();
            services.s3().putObject(r -> r.bucket(config.bucketName()).key(key), RequestBody.fromFile(file.file()));

            ObjectMapper json = new ObjectMapper();
            ObjectNode event = (ObjectNode) json.readTree(root.resolve("events/s3-put-inbound.json").toFile());
            ObjectNode s3 = (ObjectNode) event.withArray("Records").get(0).get("s3");
            ((ObjectNode) s3.get("bucket")).put("name", config.bucketName());
            ((ObjectNode) s3.get("object")).put("key", key).put("size", Files.size(file.file()));
            Path eventFile = Files.createTempFile("big-event", ".json");
            json.writeValue(eventFile.toFile(), event);

            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Xmx" + heap, "-XX:+UseSerialGC", "-cp", classpath, ColdStartProbe.class.getName(),
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
            if (exit != 0) {
                throw new IllegalStateException("ingest failed (exit " + exit + "):\n" + tail(output));
            }
            IntegrationRecord record = services.listIntegrations()
                    .page("acme", ListFilter.NONE, Optional.empty(), 1).records().get(0);
            if (record.itemCount() != file.expected().items()) {
                throw new IllegalStateException("recorded " + record.itemCount() + " items, the file has "
                        + file.expected().items());
            }
            System.out.printf("%nIngest of %,d bytes (%,d titles) with -Xmx%s: %.1f s, %.1f MB/s, status %s, "
                            + "%,d items recorded%n", Files.size(file.file()), file.expected().items(), heap, seconds,
                    Files.size(file.file()) / 1e6 / seconds, record.status(), record.itemCount());
        }
    }

    private static String tail(String output) {
        return output.length() < 4000 ? output : output.substring(output.length() - 4000);
    }
}
