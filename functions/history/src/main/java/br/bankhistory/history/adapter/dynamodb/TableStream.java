package br.bankhistory.history.adapter.dynamodb;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What Lambda's DynamoDB event source mapping does with the history table's stream, for the local stack and the
 * tests (on AWS the mapping itself runs, template.yaml): read a shard's records after its checkpoint, hand the
 * ones its filter lets through (outbox inserts) to the function as a {@link DynamodbEvent}, and move the
 * checkpoint only as far as the function's answer allows. A function that dies before answering moves nothing:
 * the same records come again.
 */
public final class TableStream {

    private final DynamoDbClient dynamoDb;
    private final DynamoDbStreamsClient streams;
    private final String tableName;
    private final String region;
    /** The last sequence number handled in each shard. */
    private final Map<String, String> checkpoints = new HashMap<>();

    public TableStream(DynamoDbClient dynamoDb, DynamoDbStreamsClient streams, String tableName, String region) {
        this.dynamoDb = dynamoDb;
        this.streams = streams;
        this.tableName = tableName;
        this.region = region;
    }

    /**
     * Records of one shard after its checkpoint, oldest first.
     *
     * @param records every record read (the checkpoint moves over the filtered-out ones too)
     * @param event   the outbox inserts among them, as the function receives them
     */
    public record Batch(String shardId, List<Record> records, DynamodbEvent event) {
        public boolean isEmpty() {
            return records.isEmpty();
        }
    }

    /** The next records of the first shard that has any (up to {@code limit}), or an empty batch. */
    public synchronized Batch next(int limit) {
        String streamArn = dynamoDb.describeTable(r -> r.tableName(tableName)).table().latestStreamArn();
        if (streamArn == null) {
            throw new IllegalStateException("table " + tableName + " has no stream");
        }
        List<Shard> shards = new ArrayList<>();
        String start = null;
        do {
            String from = start;
            var description = streams.describeStream(r -> r.streamArn(streamArn).exclusiveStartShardId(from))
                    .streamDescription();
            shards.addAll(description.shards());
            start = description.lastEvaluatedShardId();
        } while (start != null);
        for (Shard shard : shards) {
            String after = checkpoints.get(shard.shardId());
            String iterator = streams.getShardIterator(r -> {
                r.streamArn(streamArn).shardId(shard.shardId());
                if (after == null) {
                    r.shardIteratorType(ShardIteratorType.TRIM_HORIZON);
                } else {
                    r.shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).sequenceNumber(after);
                }
            }).shardIterator();
            List<Record> records = iterator == null ? List.of()
                    : streams.getRecords(r -> r.shardIterator(iterator).limit(limit)).records();
            if (!records.isEmpty()) {
                return new Batch(shard.shardId(), records, event(records, streamArn));
            }
        }
        return new Batch("", List.of(), event(List.of(), streamArn));
    }

    /**
     * Moves the shard's checkpoint past the batch, or, when the function reported {@code failedAt} (a sequence
     * number, {@code ReportBatchItemFailures}), to just before that record: it and the later ones come again.
     */
    public synchronized void checkpoint(Batch batch, Optional<String> failedAt) {
        String last = null;
        for (Record r : batch.records()) {
            if (failedAt.isPresent() && failedAt.get().equals(r.dynamodb().sequenceNumber())) {
                break;
            }
            last = r.dynamodb().sequenceNumber();
        }
        if (last != null) {
            checkpoints.put(batch.shardId(), last);
        }
    }

    private DynamodbEvent event(List<Record> records, String streamArn) {
        List<DynamodbEvent.DynamodbStreamRecord> converted = new ArrayList<>();
        for (Record r : records) {
            StreamRecord stream = new StreamRecord();
            stream.setKeys(image(r.dynamodb().keys()));
            stream.setNewImage(image(r.dynamodb().newImage()));
            stream.setSequenceNumber(r.dynamodb().sequenceNumber());
            stream.setSizeBytes(r.dynamodb().sizeBytes());
            if (r.dynamodb().streamViewType() != null) {
                stream.setStreamViewType(com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType
                        .fromValue(r.dynamodb().streamViewTypeAsString()));
            }
            if (r.dynamodb().approximateCreationDateTime() != null) {
                stream.setApproximateCreationDateTime(Date.from(r.dynamodb().approximateCreationDateTime()));
            }
            DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
            record.setEventID(r.eventID());
            record.setEventName(r.eventNameAsString());
            record.setEventSource("aws:dynamodb");
            record.setEventVersion(r.eventVersion());
            record.setAwsRegion(region);
            record.setEventSourceARN(streamArn);
            record.setDynamodb(stream);
            if (OutboxStreamRecords.message(record).isPresent()) { // the mapping's filter
                converted.add(record);
            }
        }
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(converted);
        return event;
    }

    private static Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> image(
            Map<String, AttributeValue> image) {
        if (image == null) {
            return null;
        }
        Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> out =
                new LinkedHashMap<>();
        image.forEach((name, value) -> out.put(name, value(value)));
        return out;
    }

    private static com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue value(AttributeValue v) {
        var out = new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue();
        if (v.s() != null) {
            out.setS(v.s());
        } else if (v.n() != null) {
            out.setN(v.n());
        } else if (v.bool() != null) {
            out.setBOOL(v.bool());
        } else if (Boolean.TRUE.equals(v.nul())) {
            out.setNULL(true);
        } else if (v.hasSs()) {
            out.setSS(v.ss());
        } else if (v.hasNs()) {
            out.setNS(v.ns());
        } else if (v.hasL()) {
            out.setL(v.l().stream().map(TableStream::value).toList());
        } else if (v.hasM()) {
            out.setM(image(v.m()));
        } else if (v.b() != null) {
            out.setB(v.b().asByteBuffer());
        }
        return out;
    }
}
