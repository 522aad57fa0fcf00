package br.bankhistory.history.handler;

import br.bankhistory.history.adapter.eventbridge.EventBridgePublisher;
import br.bankhistory.history.adapter.transfer.TransferFamilyChannel;
import br.bankhistory.history.delivery.DeliveryRule;
import br.bankhistory.history.support.CloudFormationTemplate;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Delivery's wiring in template.yaml agrees with the code: the bus rule routes the events {@link DeliveryRule}
 * matches to the delivery queue, the Delivery and TransferResult functions run the handlers the code has, with only
 * the grants their path uses, the Transfer Family results of this stack's bucket reach their function, and the last
 * failed try is alarmed on the metric the code writes.
 */
class DeliveryTemplateTest {

    private static final JsonNode RESOURCES = CloudFormationTemplate.read("template.yaml").path("Resources");

    @Test
    void the_bus_rule_routes_what_the_code_s_rule_matches_to_the_delivery_queue() {
        JsonNode rule = RESOURCES.path("DeliveryRule").path("Properties");
        JsonNode pattern = rule.path("EventPattern");
        assertThat(texts(pattern.path("source"))).containsExactly(EventBridgePublisher.SOURCE);
        assertThat(texts(pattern.path("detail-type"))).containsExactlyElementsOf(DeliveryRule.TYPES);
        assertThat(texts(pattern.path("detail").path("data").path("status")))
                .containsExactlyElementsOf(DeliveryRule.STATUSES);
        assertThat(rule.path("EventBusName").path("Ref").asText()).isEqualTo("HistoryEventBus");
        assertThat(rule.path("Targets").get(0).path("Arn").toString()).contains("DeliveryQueue");
        JsonNode queue = RESOURCES.path("DeliveryQueue").path("Properties");
        assertThat(queue.path("RedrivePolicy").path("deadLetterTargetArn").toString()).contains("DeliveryDeadLetterQueue");
    }

    @Test
    void the_functions_run_the_code_s_handlers_with_only_the_grants_their_path_uses() {
        JsonNode delivery = RESOURCES.path("DeliveryFunction").path("Properties");
        assertThat(delivery.path("Handler").asText()).isEqualTo(DeliveryHandler.class.getName() + "::handleRequest");
        assertThat(delivery.path("Events").path("Deliveries").path("Properties").path("FunctionResponseTypes").get(0)
                .asText()).isEqualTo("ReportBatchItemFailures");
        assertThat(delivery.path("Environment").path("Variables").path("DELIVERY_QUEUE_URL").path("Ref").asText())
                .isEqualTo("DeliveryQueue");
        assertThat(grants(delivery)).containsExactlyInAnyOrder("dynamodb:GetItem", "dynamodb:PutItem",
                "dynamodb:Query", "dynamodb:ConditionCheckItem", "sqs:ChangeMessageVisibility",
                "transfer:StartFileTransfer", "transfer:StartDirectoryListing", "s3:GetObject", "s3:PutObject",
                "s3:DeleteObject", "s3:ListBucket");
        assertThat(delivery.path("Policies").toString()).contains(TransferFamilyChannel.CHECKS + "*")
                .contains(":connector/*").doesNotContain("\"Resource\":\"*\"");

        JsonNode result = RESOURCES.path("TransferResultFunction").path("Properties");
        assertThat(result.path("Handler").asText()).isEqualTo(TransferResultHandler.class.getName() + "::handleRequest");
        assertThat(grants(result)).containsExactlyInAnyOrder("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query",
                "dynamodb:ConditionCheckItem");
        JsonNode pattern = result.path("Events").path("TransferResults").path("Properties").path("Pattern");
        assertThat(texts(pattern.path("source"))).containsExactly("aws.transfer");
        assertThat(texts(pattern.path("detail-type"))).containsExactly("SFTP Connector File Send Completed",
                "SFTP Connector File Send Failed");
        assertThat(pattern.path("detail").path("local-file-location").path("bucket").toString()).contains("-files-");
    }

    @Test
    void the_connectors_role_reads_remessas_and_writes_listings_only_and_the_last_failed_try_is_alarmed() {
        String role = RESOURCES.path("TransferConnectorRole").path("Properties").path("Policies").toString();
        assertThat(role).contains("/outbound/*").contains("/" + TransferFamilyChannel.CHECKS + "*")
                .contains("secret:bank-history-${EnvironmentName}/sftp/*").doesNotContain("s3:*");
        JsonNode alarm = RESOURCES.path("DeliveryFailedAlarm").path("Properties");
        assertThat(alarm.path("Namespace").asText()).isEqualTo(br.bankhistory.history.log.Metrics.NAMESPACE);
        assertThat(alarm.path("MetricName").asText()).isEqualTo("DeliveryFailed");
        assertThat(alarm.path("AlarmActions").toString()).contains("AlarmTopic");
    }

    private static List<String> grants(JsonNode function) {
        List<String> actions = new ArrayList<>();
        function.path("Policies").forEach(policy -> policy.path("Statement").forEach(statement -> {
            JsonNode action = statement.path("Action");
            if (action.isTextual()) {
                actions.add(action.asText());
            } else {
                action.forEach(a -> actions.add(a.asText()));
            }
        }));
        return actions;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
