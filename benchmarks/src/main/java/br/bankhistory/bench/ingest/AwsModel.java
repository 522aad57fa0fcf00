package br.bankhistory.bench.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the measured ingest would take on AWS, from what it asked of the services (counted by
 * {@link RequestTally}) and the CPU it used here. The function's code is sequential, so its time is its CPU time
 * scaled to the function's CPU share plus the latency of each request in turn; the services' own limits
 * (write units per partition key, BatchWriteItem's 25 items, S3 PUTs per prefix) are checked as floors.
 */
public final class AwsModel {

    /** Lambda gives one vCPU at 1,769 MB of memory, in proportion below (AWS Lambda developer guide). */
    public static final double MB_PER_VCPU = 1769;
    /** DynamoDB's per-partition-key write limit (on demand or provisioned): 1,000 write units a second. */
    public static final double WCU_PER_KEY_SECOND = 1000;
    /** BatchWriteItem: at most 25 items (and 16 MB) per call. */
    public static final int BATCH_ITEMS = 25;
    /** S3: 3,500 PUT/COPY/POST/DELETE and 5,500 GET/HEAD requests a second per prefix. */
    public static final double S3_PUTS_PER_PREFIX_SECOND = 3500;
    public static final double S3_GETS_PER_PREFIX_SECOND = 5500;
    /** Assumed in-region latencies (typical, not guaranteed): the sum is what a sequential caller waits. */
    public static final double S3_PUT_SECONDS = 0.030;
    public static final double S3_GET_SECONDS = 0.015;
    public static final double S3_LIST_SECONDS = 0.020;
    public static final double S3_STREAM_BYTES_PER_SECOND = 80e6;
    public static final double DDB_BATCH_SECONDS = 0.015;
    public static final double DDB_CALL_SECONDS = 0.006;

    public record Function(int memoryMb, int timeoutSeconds) {

        double vcpu() {
            return Math.min(6, memoryMb / MB_PER_VCPU);
        }
    }

    public record Estimate(double cpuSeconds, double s3Seconds, double dynamoSeconds, double floorSeconds,
                           double totalSeconds, Function function) {
    }

    private AwsModel() {
    }

    /** The Ingest function's MemorySize and Timeout in the template. */
    public static Function ingestFunction(Path template) throws IOException {
        String text = Files.readString(template);
        int at = text.indexOf("\n  IngestFunction:");
        String block = text.substring(at, text.indexOf("\n  FollowUpFunction:", at));
        return new Function(number(block, "MemorySize"), number(block, "Timeout"));
    }

    private static int number(String block, String name) {
        Matcher m = Pattern.compile("\\n\\s+" + name + ":\\s*(\\d+)").matcher(block);
        if (!m.find()) {
            throw new IllegalStateException(name + " not found in IngestFunction");
        }
        return Integer.parseInt(m.group(1));
    }

    /**
     * @param tally     the child JVM's counts
     * @param fileBytes the delivered file, streamed from S3 as often as it was read
     */
    public static Estimate estimate(Properties tally, long fileBytes, Function function) {
        double cpu = get(tally, "jvm.cpu.ms") / 1000.0 / function.vcpu();
        long puts = get(tally, "s3.PutObject.requests");
        long gets = get(tally, "s3.GetObject.requests");
        long fileGets = get(tally, "s3.GetObject.inbound.requests");
        long lists = get(tally, "s3.ListObjectsV2.requests");
        long others = get(tally, "s3.HeadObject.requests") + get(tally, "s3.DeleteObjects.requests")
                + get(tally, "s3.DeleteObject.requests");
        double s3 = puts * S3_PUT_SECONDS + gets * S3_GET_SECONDS + (lists + others) * S3_LIST_SECONDS
                + fileGets * (double) fileBytes / S3_STREAM_BYTES_PER_SECOND;
        long batches = get(tally, "ddb.BatchWriteItem.requests");
        long calls = get(tally, "ddb.PutItem.requests") + get(tally, "ddb.UpdateItem.requests")
                + get(tally, "ddb.DeleteItem.requests") + get(tally, "ddb.GetItem.requests")
                + get(tally, "ddb.Query.requests") + get(tally, "ddb.TransactWriteItems.requests");
        double dynamo = batches * DDB_BATCH_SECONDS + calls * DDB_CALL_SECONDS;
        double floor = Math.max(Math.max(get(tally, "wcu.maxKey.table.units"), get(tally, "wcu.maxKey.index.units"))
                / WCU_PER_KEY_SECOND, Math.max(puts / S3_PUTS_PER_PREFIX_SECOND, gets / S3_GETS_PER_PREFIX_SECOND));
        double total = Math.max(cpu + s3 + dynamo, floor);
        return new Estimate(cpu, s3, dynamo, floor, total, function);
    }

    static long get(Properties p, String key) {
        return Long.parseLong(p.getProperty(key, "0"));
    }
}
