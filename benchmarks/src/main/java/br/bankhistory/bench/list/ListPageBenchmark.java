package br.bankhistory.bench.list;

import br.bankhistory.emulators.EmulatorStack;
import br.bankhistory.history.Services;
import br.bankhistory.history.adapter.dynamodb.DynamoRecordStore;
import br.bankhistory.history.config.ServiceConfig;
import br.bankhistory.history.domain.FileKind;
import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.domain.ListFilter;
import br.bankhistory.history.domain.Origin;
import br.bankhistory.history.domain.RecordIds;
import br.bankhistory.history.domain.RecordStatus;
import br.bankhistory.history.domain.StatusChange;
import br.bankhistory.history.port.RecordStore;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Cost of one list page as the table grows: the same queries (unfiltered, and with two filters) timed with
 * 100 records in the tenant's history, then again after it grew to 100,000 (by default), against DynamoDB
 * Local. The ratio large/small is what matters: a page is one Query that reads {@code limit} items,
 * whatever the table's size. Command and figures: docs/benchmarks.md.
 */
public final class ListPageBenchmark {

    private static final String TENANT = "acme";
    private static final int LIMIT = 50;
    private static final String[] BANKS = {"104", "341", "237", "001"};
    private static final FileKind[] KINDS = {FileKind.RETORNO_COBRANCA, FileKind.REMESSA_COBRANCA,
            FileKind.RETORNO_PAGAMENTO, FileKind.REMESSA_PAGAMENTO};

    private ListPageBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int large = Integer.getInteger("bench.records", 100_000);
        int rounds = Integer.getInteger("bench.rounds", 200);
        try (EmulatorStack stack = EmulatorStack.start()) {
            ServiceConfig config = ServiceConfig.local("history-list-bench", "files-list-bench",
                    stack.dynamoDbEndpoint(), stack.s3Endpoint(), null, stack.accessKey(), stack.secretKey());
            Services services = Services.create(config);
            services.ensureStorage();
            RecordStore store = new DynamoRecordStore(
                    software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient.builder()
                            .dynamoDbClient(services.dynamoDb()).build(), config.tableName(),
                    JsonMapper.builder().build());
            Map<String, ListFilter> queries = Map.of(
                    "unfiltered", ListFilter.NONE,
                    "kind + bank", new ListFilter(Optional.of(FileKind.RETORNO_COBRANCA), Optional.empty(),
                            Optional.of("104"), Optional.empty(), Optional.empty(), Optional.empty(),
                            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()),
                    "bank + origin", new ListFilter(Optional.empty(), Optional.empty(), Optional.of("341"),
                            Optional.empty(), Optional.of(Origin.AUTOMATIC), Optional.empty(), Optional.empty(),
                            Optional.empty(), Optional.empty(), Optional.empty()));

            insert(store, 0, 100);
            Map<String, Double> small = measure(store, queries, rounds);
            long start = System.nanoTime();
            insert(store, 100, large);
            double loadSeconds = (System.nanoTime() - start) / 1e9;
            Map<String, Double> big = measure(store, queries, rounds);

            System.out.printf("%nList page of %d, median of %d rounds (DynamoDB Local; %d records loaded in %.0f s)%n%n",
                    LIMIT, rounds, large - 100, loadSeconds);
            System.out.println("| query | 100 records (ms) | " + large + " records (ms) | ratio |");
            System.out.println("|---|---|---|---|");
            for (String name : List.of("unfiltered", "kind + bank", "bank + origin")) {
                System.out.printf("| %s | %.2f | %.2f | %.2f |%n", name, small.get(name), big.get(name),
                        big.get(name) / small.get(name));
            }
        }
    }

    /** Records with ids spread over a year; a quarter per bank and per kind, independently. */
    private static void insert(RecordStore store, int from, int to) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (int chunk = from; chunk < to; chunk += 1_000) {
                int first = chunk;
                int last = Math.min(to, chunk + 1_000);
                writes.add(pool.submit(() -> {
                    for (int i = first; i < last; i++) {
                        IntegrationRecord record = record(i);
                        store.saveNew(record, new StatusChange(record.receivedAt(), null, record.status(), "",
                                "Integração", "Arquivo recebido"), identity(i));
                    }
                    return null;
                }));
            }
            for (Future<?> write : writes) {
                write.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Map<String, Double> measure(RecordStore store, Map<String, ListFilter> queries, int rounds) {
        Map<String, double[]> times = new java.util.HashMap<>();
        queries.keySet().forEach(name -> times.put(name, new double[rounds]));
        for (int warmUp = 0; warmUp < 300; warmUp++) {
            queries.values().forEach(filter -> store.list(TENANT, filter, Optional.empty(), LIMIT));
        }
        for (int round = 0; round < rounds; round++) {
            for (Map.Entry<String, ListFilter> query : queries.entrySet()) {
                long start = System.nanoTime();
                RecordStore.RecordPage page = store.list(TENANT, query.getValue(), Optional.empty(), LIMIT);
                times.get(query.getKey())[round] = (System.nanoTime() - start) / 1e6;
                if (page.records().isEmpty()) {
                    throw new IllegalStateException("empty page for " + query.getKey());
                }
            }
        }
        Map<String, Double> medians = new java.util.HashMap<>();
        times.forEach((name, values) -> {
            Arrays.sort(values);
            medians.put(name, values[values.length / 2]);
        });
        return medians;
    }

    private static IntegrationRecord record(int i) {
        Instant receivedAt = Instant.parse("2025-11-23T00:00:00Z").plusSeconds(i * 311L % 31_536_000L);
        String identity = identity(i);
        FileKind kind = KINDS[(i / 4) % 4];
        return new IntegrationRecord(TENANT, RecordIds.of(receivedAt, identity), receivedAt, "ARQ" + i + ".RET",
                "inbound/acme/ARQ" + i + ".RET", 5_324, identity, Origin.AUTOMATIC, "", "Integração",
                RecordStatus.PROCESSED, kind, "CNAB240", "RETORNO", "COBRANCA", BANKS[i % 4], "Banco", "040",
                "EMPRESA", "12345678000199", "1234", "56789", "", i, null, 9, 112_000, 101_000, Map.of(), List.of(),
                Map.of());
    }

    private static String identity(int i) {
        return HexFormat.of().formatHex(java.nio.ByteBuffer.allocate(16).putLong(0, 0x9E3779B97F4A7C15L * (i + 1))
                .putLong(8, i).array());
    }
}
