package br.bankhistory.history.adapter.dynamodb;

import br.bankhistory.history.port.RecordStore.ClaimHolder;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.DeleteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

import java.time.Instant;

/**
 * The {@code CLAIM} items by which one record holds a claim key (taken if free or already its own, taken over
 * from a named holder, released only by its holder), each a conditional write on the claim item.
 */
record DeliveryClaims(DynamoDbTable<ObjectDeliveryItem> deliveries) {

    ClaimHolder claim(String tenant, String claimKey, String recordId, Instant now) {
        ObjectDeliveryItem claim = claimItem(tenant, claimKey, recordId, now);
        try {
            deliveries.putItem(PutItemEnhancedRequest.builder(ObjectDeliveryItem.class).item(claim)
                    .conditionExpression(Expression.builder().expression("attribute_not_exists(PK) OR recordId = :me")
                            .putExpressionValue(":me", AttributeValue.fromS(recordId)).build())
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                    .build());
            return new ClaimHolder(recordId, now);
        } catch (ConditionalCheckFailedException claimedBefore) {
            ObjectDeliveryItem owner = claimedBefore.hasItem()
                    ? ObjectDeliveryItem.SCHEMA.mapToItem(claimedBefore.item())
                    : deliveries.getItem(r -> r.consistentRead(true).key(Key.builder()
                            .partitionValue(claim.getPk()).sortValue(claim.getSk()).build()));
            if (owner == null) {
                return claim(tenant, claimKey, recordId, now); // released in between
            }
            return new ClaimHolder(owner.getRecordId(),
                    owner.getClaimedAt() == null ? Instant.EPOCH : Instant.parse(owner.getClaimedAt()));
        }
    }

    boolean takeOver(String tenant, String claimKey, String recordId, String from, Instant now) {
        try {
            deliveries.putItem(PutItemEnhancedRequest.builder(ObjectDeliveryItem.class)
                    .item(claimItem(tenant, claimKey, recordId, now))
                    .conditionExpression(Expression.builder().expression("recordId = :from")
                            .putExpressionValue(":from", AttributeValue.fromS(from)).build())
                    .build());
            return true;
        } catch (ConditionalCheckFailedException changedMeanwhile) {
            return false;
        }
    }

    void release(String tenant, String claimKey, String recordId) {
        try {
            deliveries.deleteItem(DeleteItemEnhancedRequest.builder().key(Key.builder()
                            .partitionValue(TableKeys.tenantPartition(tenant)).sortValue(claimKey).build())
                    .conditionExpression(Expression.builder().expression("recordId = :me")
                            .putExpressionValue(":me", AttributeValue.fromS(recordId)).build())
                    .build());
        } catch (ConditionalCheckFailedException notMine) {
            // another record holds it: nothing of this one's to give up
        }
    }

    private static ObjectDeliveryItem claimItem(String tenant, String claimKey, String recordId, Instant now) {
        ObjectDeliveryItem claim = new ObjectDeliveryItem();
        claim.setPk(TableKeys.tenantPartition(tenant));
        claim.setSk(claimKey);
        claim.setType("CLAIM");
        claim.setRecordId(recordId);
        claim.setClaimedAt(now.toString());
        return claim;
    }
}
