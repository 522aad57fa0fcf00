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
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Cost of one list page as the table grows: the same queries (unfiltered, and with two filters) against a
 * table holding 100 records of the tenant and one holding 1,000,000 (by default), both loaded first, then
 * timed alternately in the same rounds (small then big, big then small on the next round), against DynamoDB
 * Local. The ratio big/small is what matters: a page is one Query that reads {@code limit} items, whatever the
 * table's size. The big table is loaded in parallel batches of the store's own items ({@link BulkRecords}), for
 * at most {@code bench.loadSeconds}; what was loaded by then is the count measured and printed. Command and
 * figures: docs/benchmarks.md.
 */
public final class ListPageBenchmark {

    private static final String TENANT = "acme";
    private static final int LIMIT = 50;
    private static final int SMALL = 100;
    private static final String[] OTHER_BANKS = {"104", "237", "001", "033"};
    private static final FileKind[] KINDS = {FileKind.RETORNO_COBRANCA, FileKind.REMESSA_COBRANCA,
            FileKind.RETORNO_PAGAMENTO, FileKind.REMESSA_PAGAMENTO};
    private static final List<String> QUERIES = List.of("unfiltered", "kind + bank", "bank + origin");

    private ListPageBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int large = Integer.getInteger("bench.records", 1_000_000);
        int rounds = Integer.getInteger("bench.rounds", 200);
        long loadSeconds = Long.getLong("bench.loadSeconds", 600);
        int smallCount = Integer.getInteger("bench.small", SMALL);
        try (EmulatorStack stack = EmulatorStack.start()) {
            RecordStore small = store(stack, "history-list-small", null);
            insert(small, 0, smallCount);
            String bigTable = "history-list-big";
            RecordStore big = store(stack, bigTable, null);
            DynamoDbClient capturing = DynamoDbClient.builder().endpointOverride(stack.dynamoDbEndpoint())
                    .region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(
                            AwsBasicCredentials.create(stack.accessKey(), stack.secretKey())))
                    .overrideConfiguration(o -> o.addExecutionInterceptor(BulkRecords.CAPTURE)).build();
            RecordStore capture = store(stack, bigTable, capturing);
            Services bigServices = services(stack, bigTable);
            long start = System.nanoTime();
            int loaded = load(capture, bigServices.dynamoDb(), bigTable, large, loadSeconds);
            double took = (System.nanoTime() - start) / 1e9;

            Map<String, ListFilter> queries = Map.of(
                    "unfiltered", ListFilter.NONE,
                    "kind + bank", new ListFilter(Optional.of(FileKind.RETORNO_COBRANCA), Optional.empty(),
                            Optional.of("341"), Optional.empty(), Optional.empty(), Optional.empty(),
                            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()),
                    "bank + origin", new ListFilter(Optional.empty(), Optional.empty(), Optional.of("341"),
                            Optional.empty(), Optional.of(Origin.AUTOMATIC), Optional.empty(), Optional.empty(),
                            Optional.empty(), Optional.empty(), Optional.empty()));
            Map<String, double[]> smallTimes = new HashMap<>();
            Map<String, double[]> bigTimes = new HashMap<>();
            measure(small, big, queries, 300, smallTimes, bigTimes); // warm-up, both tables alike
            measure(small, big, queries, rounds, smallTimes, bigTimes);

            System.out.printf("%nList page of %d, median of %d rounds alternating the tables (DynamoDB Local; "
                    + "%,d records loaded into the big table in %.0f s, %.0f a second)%n%n", LIMIT, rounds, loaded,
                    took, loaded / took);
            System.out.printf("| query | %d records (ms) | %,d records (ms) | ratio | records a page (small / big) |%n",
                    smallCount, loaded);
            System.out.println("|---|---|---|---|---|");
            for (String name : QUERIES) {
                double s = median(smallTimes.get(name));
                double b = median(bigTimes.get(name));
                System.out.printf("| %s | %.2f | %.2f | %.2f | %d / %d |%n", name, s, b, b / s,
                        pageSize(small, queries.get(name)), pageSize(big, queries.get(name)));
            }
        }
    }

    private static Services services(EmulatorStack stack, String table) {
        ServiceConfig config = ServiceConfig.local(table, "files-" + table, stack.dynamoDbEndpoint(),
                stack.s3Endpoint(), null, stack.accessKey(), stack.secretKey());
        Services services = Services.create(config);
        services.ensureStorage();
        return services;
    }

    /** The production record store on a table (created when missing), on the given client or the services'. */
    private static RecordStore store(EmulatorStack stack, String table, DynamoDbClient client) {
        DynamoDbClient dynamoDb = client != null ? client : services(stack, table).dynamoDb();
        return new DynamoRecordStore(DynamoDbEnhancedClient.builder().dynamoDbClient(dynamoDb).build(), table);
    }

    /** Records through the store's own write, one at a time. */
    private static void insert(RecordStore store, int from, int to) {
        for (int i = from; i < to; i++) {
            IntegrationRecord record = record(i);
            store.saveNew(record, created(record), identity(i));
        }
    }

    private static StatusChange created(IntegrationRecord record) {
        return new StatusChange(record.receivedAt(), null, record.status(), "", "Integração", "Arquivo recebido");
    }

    /** Up to {@code count} records in parallel batches, for at most {@code budgetSeconds}: how many went in. */
    private static int load(RecordStore capture, DynamoDbClient dynamoDb, String table, int count,
                            long budgetSeconds) throws Exception {
        long deadline = System.nanoTime() + budgetSeconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(Integer.getInteger("bench.loadThreads", 6));
        AtomicInteger loaded = new AtomicInteger();
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (int chunk = 0; chunk < count; chunk += 1_000) {
                int first = chunk;
                int last = Math.min(count, chunk + 1_000);
                writes.add(pool.submit(() -> {
                    if (System.nanoTime() > deadline) {
                        return null;
                    }
                    List<Map<String, AttributeValue>> items = new ArrayList<>(last - first);
                    for (int i = first; i < last; i++) {
                        IntegrationRecord record = record(i);
                        try {
                            capture.saveNew(record, created(record), identity(i));
                            throw new IllegalStateException("the store's write was not captured");
                        } catch (RuntimeException e) {
                            items.add(BulkRecords.captured(e));
                        }
                    }
                    BulkRecords.write(dynamoDb, table, items);
                    int done = loaded.addAndGet(items.size());
                    if (done % 50_000 == 0) {
                        System.out.printf("%,d records loaded%n", done);
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
        return loaded.get();
    }

    /** {@code rounds} rounds; each query on both tables, which goes first alternating from round to round. */
    private static void measure(RecordStore small, RecordStore big, Map<String, ListFilter> queries, int rounds,
                                Map<String, double[]> smallTimes, Map<String, double[]> bigTimes) {
        QUERIES.forEach(name -> {
            smallTimes.put(name, new double[rounds]);
            bigTimes.put(name, new double[rounds]);
        });
        for (int round = 0; round < rounds; round++) {
            for (String name : QUERIES) {
                ListFilter filter = queries.get(name);
                if (round % 2 == 0) {
                    smallTimes.get(name)[round] = time(small, filter, name);
                    bigTimes.get(name)[round] = time(big, filter, name);
                } else {
                    bigTimes.get(name)[round] = time(big, filter, name);
                    smallTimes.get(name)[round] = time(small, filter, name);
                }
            }
        }
    }

    private static double time(RecordStore store, ListFilter filter, String name) {
        long start = System.nanoTime();
        RecordStore.RecordPage page = store.list(TENANT, filter, Optional.empty(), LIMIT);
        double ms = (System.nanoTime() - start) / 1e6;
        if (page.records().isEmpty()) {
            throw new IllegalStateException("empty page for " + name);
        }
        return ms;
    }

    private static int pageSize(RecordStore store, ListFilter filter) {
        return store.list(TENANT, filter, Optional.empty(), LIMIT).records().size();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /**
     * The i-th record of a tenant that works mostly with one bank, in the same proportions in both tables: of
     * every 20 records, 12 are Itaú (341) cobrança retornos received automatically, 4 Itaú cobrança remessas
     * sent by a person, and 4 spread over the other banks and kinds. So each filtered query has at least a full
     * page of matches in the 100-record table as in the big one (kind + bank: 60%; bank + origin: 60% of all,
     * 75% of the bank's index partition, so the origin check reads about 67 items for a page of 50), and the
     * ratio compares pages of the same size instead of a short page with a full one.
     */
    private static IntegrationRecord record(int i) {
        Instant receivedAt = Instant.parse("2025-11-23T00:00:00Z").plusSeconds(i * 311L % 31_536_000L);
        String identity = identity(i);
        int share = i % 20;
        FileKind kind = share < 12 ? FileKind.RETORNO_COBRANCA
                : share < 16 ? FileKind.REMESSA_COBRANCA : KINDS[share % 4];
        String bank = share < 16 ? "341" : OTHER_BANKS[share % 4];
        Origin origin = share >= 12 && share < 16 ? Origin.MANUAL : Origin.AUTOMATIC;
        boolean retorno = kind == FileKind.RETORNO_COBRANCA || kind == FileKind.RETORNO_PAGAMENTO;
        String service = kind == FileKind.RETORNO_COBRANCA || kind == FileKind.REMESSA_COBRANCA ? "COBRANCA"
                : "PAGAMENTO";
        return new IntegrationRecord(TENANT, RecordIds.of(receivedAt, identity), receivedAt,
                "ARQ" + i + (retorno ? ".RET" : ".REM"), "inbound/acme/ARQ" + i, 5_324, identity, origin, "",
                "Integração", RecordStatus.PROCESSED, kind, "CNAB240", retorno ? "RETORNO" : "REMESSA", service,
                bank, "Banco", "040", "EMPRESA", "12345678000199", "1234", "56789", "", i, null, 9, 112_000,
                101_000, Map.of(), List.of(), Map.of());
    }

    private static String identity(int i) {
        return HexFormat.of().formatHex(java.nio.ByteBuffer.allocate(16).putLong(0, 0x9E3779B97F4A7C15L * (i + 1))
                .putLong(8, i).array());
    }
}
