package br.bankhistory.history.adapter.dynamodb;

import br.bankhistory.history.domain.FileNames;
import br.bankhistory.history.domain.IntegrationRecord;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;

import java.util.Optional;

/**
 * The items that point at a record from the S3 object delivered ({@code OBJ#}) and from its S3 key ({@code KEY#}):
 * built for a new record, and read back to find the record of an object or a key.
 */
record ObjectPointers(DynamoDbTable<RecordItem> records, DynamoDbTable<ObjectDeliveryItem> deliveries) {

    Optional<String> recordIdForObject(String tenant, String objectIdentity) {
        ObjectDeliveryItem item = deliveries.getItem(r -> r.consistentRead(true).key(Key.builder()
                .partitionValue(TableKeys.tenantPartition(tenant))
                .sortValue(TableKeys.objectSort(objectIdentity))
                .build()));
        return Optional.ofNullable(item).map(ObjectDeliveryItem::getRecordId);
    }

    Optional<String> recordIdForKey(String tenant, String objectKey) {
        ObjectDeliveryItem item = deliveries.getItem(r -> r.consistentRead(true).key(Key.builder()
                .partitionValue(TableKeys.tenantPartition(tenant))
                .sortValue(TableKeys.objectKeySort(objectKey))
                .build()));
        if (item != null) {
            return Optional.of(item.getRecordId());
        }
        // Records written before keys pointed at them: found by exact file name, newest first.
        String fileName = objectKey.substring(objectKey.lastIndexOf('/') + 1);
        String partition = ListIndex.FILE_NAME.partition(tenant, FileNames.key(fileName));
        return records.index(ListIndex.FILE_NAME.indexName).query(QueryEnhancedRequest.builder()
                        .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(partition).build()))
                        .scanIndexForward(false).limit(50).build())
                .iterator().next().items().stream()
                .filter(old -> objectKey.equals(old.getObjectKey())).map(RecordItem::getId).findFirst();
    }

    /** The delivered object's pointer: written only if new, so two deliveries of one object race on it. */
    static ObjectDeliveryItem delivery(IntegrationRecord record, String objectIdentity) {
        return pointer(record, TableKeys.objectSort(objectIdentity), "OBJECT_DELIVERY");
    }

    /** The S3 key's pointer: a new object under the same key (a new record) takes the key over. */
    static ObjectDeliveryItem byKey(IntegrationRecord record) {
        return pointer(record, TableKeys.objectKeySort(record.objectKey()), "OBJECT_KEY");
    }

    private static ObjectDeliveryItem pointer(IntegrationRecord record, String sort, String type) {
        ObjectDeliveryItem pointer = new ObjectDeliveryItem();
        pointer.setPk(TableKeys.tenantPartition(record.tenant()));
        pointer.setSk(sort);
        pointer.setType(type);
        pointer.setRecordId(record.id());
        return pointer;
    }
}
