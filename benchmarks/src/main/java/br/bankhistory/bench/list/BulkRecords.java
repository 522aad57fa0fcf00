package br.bankhistory.bench.list;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Loads many history records fast, item for item as the record store writes them: the store's own write (a
 * transaction) is stopped before it is sent by {@link #CAPTURE}, on a client of the loader's own, and its record
 * item is kept; the kept items then go in {@code BatchWriteItem} calls of 25 (no condition, no transaction:
 * the ids are new). The delivery marks the transaction also carries are left out: no list query reads them.
 */
final class BulkRecords {

    /** Thrown instead of sending a transaction: carries its record item. */
    static final class Captured extends RuntimeException {

        final transient Map<String, AttributeValue> record;

        Captured(Map<String, AttributeValue> record) {
            super("captured", null, false, false);
            this.record = record;
        }
    }

    /** Added to the capturing client: takes the record put out of a transaction and stops the call. */
    static final ExecutionInterceptor CAPTURE = new ExecutionInterceptor() {
        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            SdkRequest request = context.request();
            if (request instanceof TransactWriteItemsRequest transaction) {
                for (TransactWriteItem write : transaction.transactItems()) {
                    if (write.put() != null && write.put().item().get("SK").s().startsWith("R#")) {
                        throw new Captured(write.put().item());
                    }
                }
            }
        }
    };

    private BulkRecords() {
    }

    /** The record item a store write carried, or rethrows what else went wrong. */
    static Map<String, AttributeValue> captured(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof Captured c) {
                return c.record;
            }
        }
        throw e;
    }

    static void write(DynamoDbClient dynamoDb, String table, List<Map<String, AttributeValue>> items) {
        for (int from = 0; from < items.size(); from += 25) {
            List<WriteRequest> batch = new ArrayList<>();
            for (Map<String, AttributeValue> item : items.subList(from, Math.min(items.size(), from + 25))) {
                batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
            }
            Map<String, List<WriteRequest>> left = Map.of(table, batch);
            while (!left.isEmpty()) {
                Map<String, List<WriteRequest>> request = left;
                BatchWriteItemResponse response = dynamoDb.batchWriteItem(r -> r.requestItems(request));
                left = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
            }
        }
    }
}
