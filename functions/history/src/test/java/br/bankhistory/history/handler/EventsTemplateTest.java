package br.bankhistory.history.handler;

import br.bankhistory.history.adapter.dynamodb.OutboxItem;
import br.bankhistory.history.adapter.eventbridge.EventBridgePublisher;
import br.bankhistory.history.domain.EventTypes;
import br.bankhistory.history.support.CloudFormationTemplate;
import br.bankhistory.history.support.RepositoryFiles;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox's wiring in template.yaml agrees with the code: the stream, the mapping's filter on the items the
 * code writes, partial batch failures, the publisher's least-privilege policy, the example rule's event types
 * and a schema in docs/events/ for each type the code publishes.
 */
class EventsTemplateTest {

    private static final JsonNode TEMPLATE = CloudFormationTemplate.read("template.yaml");
    private static final JsonNode RESOURCES = TEMPLATE.path("Resources");

    @Test
    void the_table_streams_new_images_to_a_mapping_that_lets_only_outbox_inserts_through() {
        assertThat(RESOURCES.path("HistoryTable").path("Properties").path("StreamSpecification")
                .path("StreamViewType").asText()).isEqualTo("NEW_IMAGE");
        JsonNode mapping = RESOURCES.path("OutboxStreamMapping").path("Properties");
        JsonNode filter = CloudFormationTemplate.json(mapping.path("FilterCriteria").path("Filters").get(0)
                .path("Pattern").asText());
        assertThat(filter.path("eventName").get(0).asText()).isEqualTo("INSERT");
        assertThat(filter.path("dynamodb").path("NewImage").path("type").path("S").get(0).asText())
                .isEqualTo(OutboxItem.TYPE);
        assertThat(mapping.path("FunctionResponseTypes").get(0).asText()).isEqualTo("ReportBatchItemFailures");
        assertThat(mapping.path("BisectBatchOnFunctionError").asBoolean()).isTrue();
        assertThat(mapping.path("DestinationConfig").path("OnFailure").path("Destination").toString())
                .contains("EventsDeadLetterQueue");
        assertThat(RESOURCES.path("OutboxPublisherFunction").path("Properties").path("Handler").asText())
                .isEqualTo(OutboxPublisherHandler.class.getName() + "::handleRequest");
    }

    @Test
    void the_publisher_may_read_the_stream_put_on_the_bus_and_dead_letter_nothing_else() {
        JsonNode function = RESOURCES.path("OutboxPublisherFunction").path("Properties");
        List<String> grants = new ArrayList<>();
        function.path("Policies").forEach(policy -> policy.path("Statement").forEach(statement ->
                statement.path("Action").forEach(action -> grants.add(action.asText() + " on "
                        + statement.path("Resource")))));
        function.path("Policies").forEach(policy -> policy.path("Statement").forEach(statement -> {
            if (statement.path("Action").isTextual()) {
                grants.add(statement.path("Action").asText() + " on " + statement.path("Resource"));
            }
        }));
        assertThat(grants).containsExactlyInAnyOrder(
                "dynamodb:DescribeStream on {\"Fn::GetAtt\":[\"HistoryTable\",\"StreamArn\"]}",
                "dynamodb:GetRecords on {\"Fn::GetAtt\":[\"HistoryTable\",\"StreamArn\"]}",
                "dynamodb:GetShardIterator on {\"Fn::GetAtt\":[\"HistoryTable\",\"StreamArn\"]}",
                "dynamodb:ListStreams on {\"Fn::GetAtt\":[\"HistoryTable\",\"StreamArn\"]}",
                "events:PutEvents on {\"Fn::GetAtt\":[\"HistoryEventBus\",\"Arn\"]}",
                "sqs:SendMessage on {\"Fn::GetAtt\":[\"EventsDeadLetterQueue\",\"Arn\"]}");
        assertThat(function.path("Environment").path("Variables").path("EVENT_BUS_NAME").path("Ref").asText())
                .isEqualTo("HistoryEventBus");
    }

    @Test
    void the_example_rule_forwards_every_published_type_and_each_has_its_schema() throws Exception {
        Set<String> published = new TreeSet<>();
        for (var field : EventTypes.class.getFields()) {
            published.add((String) field.get(null));
        }
        JsonNode pattern = RESOURCES.path("ErpWebhookRule").path("Properties").path("EventPattern");
        Set<String> forwarded = new TreeSet<>();
        pattern.path("detail-type").forEach(t -> forwarded.add(t.asText()));
        assertThat(forwarded).isEqualTo(published);
        assertThat(pattern.path("source").get(0).asText()).isEqualTo(EventBridgePublisher.SOURCE);
        Set<String> schemas = new TreeSet<>();
        for (File f : RepositoryFiles.of("docs/events").toFile().listFiles((d, n) -> n.endsWith(".schema.json"))) {
            schemas.add(f.getName().replace(".schema.json", ""));
        }
        assertThat(schemas).containsAll(published);
        JsonNode connection = RESOURCES.path("ErpWebhookConnection").path("Properties");
        assertThat(connection.path("AuthorizationType").asText()).isEqualTo("API_KEY");
    }
}
