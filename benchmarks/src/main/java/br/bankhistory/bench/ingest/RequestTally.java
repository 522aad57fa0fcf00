package br.bankhistory.bench.ingest;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts what a JVM asks of DynamoDB and S3, for the ingest benchmark only: registered as a global SDK
 * interceptor through a class path resource that only the benchmark's child JVM sees. DynamoDB writes ask for
 * {@code ReturnConsumedCapacity=INDEXES} and the units DynamoDB (Local) reports are summed; the same writes are
 * also costed by AWS's item-size rules ({@link WriteUnits}), per partition key (table and index copies), because
 * a reported figure is per table, never per key. S3 requests are counted by operation and by what they hold
 * (item chunks, links, answers, the delivered file). At exit the counts go to the file named by
 * {@code -Dbench.tally} as properties.
 */
public final class RequestTally implements ExecutionInterceptor {

    /** The class path resource through which the SDK loads global interceptors. */
    public static final String RESOURCE = "software/amazon/awssdk/global/handlers/execution.interceptors";

    private static final Map<String, LongAdder> COUNTS = new ConcurrentHashMap<>();
    private static final Map<String, LongAdder> UNITS_BY_KEY = new ConcurrentHashMap<>();

    static {
        String out = System.getProperty("bench.tally");
        if (out != null) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> write(Path.of(out))));
        }
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        ReturnConsumedCapacity indexes = ReturnConsumedCapacity.INDEXES;
        if (request instanceof PutItemRequest r) {
            return r.toBuilder().returnConsumedCapacity(indexes).build();
        } else if (request instanceof UpdateItemRequest r) {
            return r.toBuilder().returnConsumedCapacity(indexes).build();
        } else if (request instanceof DeleteItemRequest r) {
            return r.toBuilder().returnConsumedCapacity(indexes).build();
        } else if (request instanceof BatchWriteItemRequest r) {
            return r.toBuilder().returnConsumedCapacity(indexes).build();
        } else if (request instanceof TransactWriteItemsRequest r) {
            return r.toBuilder().returnConsumedCapacity(indexes).build();
        } else if (request instanceof QueryRequest r) {
            return r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
        } else if (request instanceof GetItemRequest r) {
            return r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
        }
        return request;
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        if ("S3".equalsIgnoreCase(service)) {
            s3(operation, context);
        } else if ("DynamoDB".equalsIgnoreCase(service)) {
            dynamoDb(operation, context);
        }
    }

    private static void s3(String operation, Context.AfterExecution context) {
        String key = context.httpRequest().encodedPath();
        String holds = S3Objects.category(key);
        add("s3." + operation + ".requests", 1);
        add("s3." + operation + "." + holds + ".requests", 1);
        if (operation.equals("PutObject")) {
            long bytes = context.httpRequest().firstMatchingHeader("Content-Length").map(Long::parseLong).orElse(0L);
            add("s3.PutObject.bytes", bytes);
            add("s3.PutObject." + holds + ".bytes", bytes);
        } else if (operation.equals("GetObject") && context.response() instanceof GetObjectResponse r
                && r.contentLength() != null) {
            add("s3.GetObject.bytes", r.contentLength());
        }
    }

    private static void dynamoDb(String operation, Context.AfterExecution context) {
        add("ddb." + operation + ".requests", 1);
        SdkRequest request = context.request();
        if (request instanceof PutItemRequest r) {
            computed(r.item(), false, false);
            reported(((PutItemResponse) context.response()).consumedCapacity());
        } else if (request instanceof UpdateItemRequest r) {
            computedUpdate(r.key(), r.expressionAttributeValues(), false);
            reported(((UpdateItemResponse) context.response()).consumedCapacity());
        } else if (request instanceof DeleteItemRequest r) {
            computed(r.key(), false, true);
            reported(((DeleteItemResponse) context.response()).consumedCapacity());
        } else if (request instanceof BatchWriteItemRequest r) {
            for (List<WriteRequest> writes : r.requestItems().values()) {
                add("ddb.BatchWriteItem.items", writes.size());
                for (WriteRequest w : writes) {
                    if (w.putRequest() != null) {
                        computed(w.putRequest().item(), false, false);
                    } else {
                        computed(w.deleteRequest().key(), false, true);
                    }
                }
            }
            BatchWriteItemResponse response = (BatchWriteItemResponse) context.response();
            response.consumedCapacity().forEach(RequestTally::reported);
            response.unprocessedItems().values().forEach(left -> add("ddb.BatchWriteItem.unprocessed", left.size()));
        } else if (request instanceof TransactWriteItemsRequest r) {
            for (TransactWriteItem w : r.transactItems()) {
                if (w.put() != null) {
                    computed(w.put().item(), true, false);
                } else if (w.update() != null) {
                    computedUpdate(w.update().key(), w.update().expressionAttributeValues(), true);
                } else if (w.delete() != null) {
                    computed(w.delete().key(), true, true);
                } else if (w.conditionCheck() != null) {
                    computed(w.conditionCheck().key(), true, true);
                }
            }
            ((TransactWriteItemsResponse) context.response()).consumedCapacity().forEach(RequestTally::reported);
        }
    }

    /** A put (or a delete: its key, one unit) costed by the item-size rules, on the table and each index copy. */
    private static void computed(Map<String, AttributeValue> item, boolean transactional, boolean keyOnly) {
        long size = WriteUnits.itemBytes(item);
        long units = keyOnly ? 1 : WriteUnits.units(size);
        long factor = transactional ? 2 : 1;
        String pk = item.get("PK").s();
        String what = TableItems.category(pk, item.containsKey("SK") ? item.get("SK").s() : "");
        add("wcu.computed.table", units * factor);
        add("wcu.computed.table." + what, units * factor);
        add("ddb.items." + what, 1);
        add("ddb.bytes." + what, size);
        UNITS_BY_KEY.computeIfAbsent("table " + pk, k -> new LongAdder()).add(units * factor);
        if (!keyOnly) {
            for (String attribute : WriteUnits.INDEX_KEYS) {
                AttributeValue value = item.get(attribute);
                if (value != null && value.s() != null) {
                    add("wcu.computed.indexes", units);
                    add("wcu.computed.indexes." + what, units);
                    UNITS_BY_KEY.computeIfAbsent(attribute + " " + value.s(), k -> new LongAdder()).add(units);
                }
            }
        }
    }

    /** An update costed by its key and the values it sets (the item's other attributes are not known here). */
    private static void computedUpdate(Map<String, AttributeValue> key, Map<String, AttributeValue> values,
                                       boolean transactional) {
        Map<String, AttributeValue> written = new java.util.HashMap<>(key);
        if (values != null) {
            written.putAll(values);
        }
        computed(written, transactional, false);
    }

    private static void reported(ConsumedCapacity capacity) {
        if (capacity == null) {
            add("wcu.reported.missing", 1);
            return;
        }
        if (capacity.capacityUnits() != null) {
            add("wcu.reported.total.milli", Math.round(capacity.capacityUnits() * 1000));
        }
        if (capacity.table() != null && capacity.table().capacityUnits() != null) {
            add("wcu.reported.table.milli", Math.round(capacity.table().capacityUnits() * 1000));
        }
        if (capacity.globalSecondaryIndexes() != null) {
            capacity.globalSecondaryIndexes().values().forEach(c -> add("wcu.reported.indexes.milli",
                    Math.round(c.capacityUnits() * 1000)));
        }
    }

    private static void add(String name, long value) {
        COUNTS.computeIfAbsent(name, k -> new LongAdder()).add(value);
    }

    private static void write(Path out) {
        Properties p = new Properties();
        COUNTS.forEach((k, v) -> p.setProperty(k, Long.toString(v.sum())));
        UNITS_BY_KEY.entrySet().stream().filter(e -> e.getKey().startsWith("table "))
                .max(Map.Entry.comparingByValue(java.util.Comparator.comparingLong(LongAdder::sum)))
                .ifPresent(e -> {
                    p.setProperty("wcu.maxKey.table", e.getKey().substring(6));
                    p.setProperty("wcu.maxKey.table.units", Long.toString(e.getValue().sum()));
                });
        UNITS_BY_KEY.entrySet().stream().filter(e -> !e.getKey().startsWith("table "))
                .max(Map.Entry.comparingByValue(java.util.Comparator.comparingLong(LongAdder::sum)))
                .ifPresent(e -> {
                    p.setProperty("wcu.maxKey.index", e.getKey());
                    p.setProperty("wcu.maxKey.index.units", Long.toString(e.getValue().sum()));
                });
        p.setProperty("ddb.partitionKeys", Long.toString(UNITS_BY_KEY.keySet().stream()
                .filter(k -> k.startsWith("table ")).count()));
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            p.setProperty("jvm.cpu.ms", Long.toString(os.getProcessCpuTime() / 1_000_000));
        }
        p.setProperty("jvm.uptime.ms", Long.toString(ManagementFactory.getRuntimeMXBean().getUptime()));
        try (var writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            p.store(writer, "requests of one JVM");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
