package br.bankhistory.bench.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs in a fresh JVM: holds one {@code POST /remittances} body to the document one way, then prints one
 * JSON line: {@code ms} (main to done), {@code uptime} (the JVM's, at done), {@code cpu} (the process's CPU
 * time, all threads, at done: less moved by other processes on a shared machine than wall time) and
 * {@code classes} (loaded in all). Modes: {@code noop} (reads the body file, nothing else), {@code binding} (parse, production binding),
 * {@code schema-yaml} (read docs/openapi.yaml, compile the request schema, parse, validate), {@code schema-json}
 * (the same schema pre-extracted as JSON, no YAML parser), {@code binding+schema-yaml} (both, as the Api
 * function would if it validated at runtime before binding), {@code binding+schema-json} (both, the schema
 * pre-extracted).
 * Arguments: mode, body file (the body's JSON text), docs/openapi.yaml, the pre-extracted schema.
 */
public final class SchemaInitProbe {

    private SchemaInitProbe() {
    }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        String mode = args[0];
        String text = Files.readString(Path.of(args[1]));
        int outcome = switch (mode) {
            case "noop" -> text.length();
            case "binding" -> bind(text);
            case "schema-yaml" -> validate(RequestContenders.standaloneSchema(
                    RequestContenders.readOpenApi(Path.of(args[2]))), text);
            case "schema-json" -> validate(RequestContenders.JSON.readTree(Path.of(args[3]).toFile()), text);
            case "binding+schema-yaml" -> validate(RequestContenders.standaloneSchema(
                    RequestContenders.readOpenApi(Path.of(args[2]))), text) + bind(text);
            case "binding+schema-json" -> validate(RequestContenders.JSON.readTree(Path.of(args[3]).toFile()), text)
                    + bind(text);
            default -> throw new IllegalArgumentException("unknown mode " + mode);
        };
        long done = System.nanoTime();
        long cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        System.out.printf("{\"ms\":%.1f,\"uptime\":%d,\"cpu\":%.1f,\"classes\":%d,\"outcome\":%d}%n",
                (done - start) / 1e6, ManagementFactory.getRuntimeMXBean().getUptime(), cpu / 1e6,
                ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount(), outcome);
    }

    private static int bind(String text) throws Exception {
        return RequestContenders.bind(RequestContenders.JSON.readTree(text)).titles().size();
    }

    private static int validate(JsonNode standaloneSchema, String text) throws Exception {
        JsonSchema schema = RequestContenders.compile(standaloneSchema);
        int problems = RequestContenders.validate(schema, RequestContenders.JSON.readTree(text)).size();
        if (problems != 0) {
            throw new IllegalStateException("the valid body was refused: " + problems + " problems");
        }
        return problems;
    }
}
