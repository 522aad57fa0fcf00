package br.bankhistory.history.adapter.dynamodb;

import br.bankhistory.history.domain.PendingInstruction;
import br.bankhistory.history.domain.PendingInstruction.Cancellation;
import br.bankhistory.history.domain.PendingInstruction.Carrier;
import br.bankhistory.history.domain.PendingInstruction.Claim;
import br.bankhistory.history.domain.PendingInstruction.Status;
import br.bankhistory.history.domain.Settlement;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An instruction's item ({@code T#{tenant}} / {@code INS#{id}}) read back, and its bank answers kept as one JSON
 * attribute ({@code answersJson}, at most {@link PendingInstruction#MAX_ANSWERS} small objects), counted in
 * {@code answerCount} for the conditional write of the next one.
 */
final class InstructionItems {

    private final ObjectMapper json;

    InstructionItems(ObjectMapper json) {
        this.json = json;
    }

    PendingInstruction instruction(String tenant, Map<String, AttributeValue> item) {
        Optional<Carrier> carrier = text(item, "carriedKey").map(key -> new Carrier(key,
                text(item, "carriedFileName").orElse(""), Instant.parse(text(item, "carriedAt").orElseThrow())));
        Optional<Cancellation> cancellation = text(item, "cancelledAt").map(at -> new Cancellation(Instant.parse(at),
                text(item, "cancelledById").orElse(""), text(item, "cancelledByName").orElse(""),
                text(item, "cancelReason").orElse("")));
        Optional<Claim> claim = text(item, "claimedBy").map(run -> new Claim(run,
                text(item, "claimedAt").map(Instant::parse).orElse(Instant.EPOCH)));
        return new PendingInstruction(item.get("id").s(), tenant, Status.valueOf(item.get("status").s()),
                item.get("groupKey").s(), item.get("body").s(), Instant.parse(item.get("createdAt").s()),
                text(item, "createdById").orElse(""), text(item, "createdByName").orElse(""),
                claim, carrier, cancellation, text(item, "answersJson").map(this::answers).orElse(List.of()));
    }

    String write(List<Settlement> answers) {
        ArrayNode all = json.createArrayNode();
        for (Settlement a : answers) {
            ObjectNode n = all.addObject();
            n.put("outcome", a.outcome().name());
            n.put("code", a.occurrenceCode());
            n.put("description", a.occurrenceDescription());
            ArrayNode reasons = n.putArray("reasons");
            a.reasons().forEach(r -> reasons.addObject().put("code", r.code()).put("description", r.description()));
            n.put("retornoId", a.retornoId());
            n.put("at", a.at().toString());
            a.amountCents().ifPresent(cents -> n.put("amountCents", cents));
            a.paidOn().ifPresent(day -> n.put("paidOn", day.toString()));
            n.put("order", a.order());
            n.put("position", a.position());
            n.put("meaning", a.meaning());
        }
        return all.toString();
    }

    private List<Settlement> answers(String text) {
        JsonNode all;
        try {
            all = json.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("an instruction's answers are not JSON", e);
        }
        List<Settlement> answers = new ArrayList<>();
        for (JsonNode n : all) {
            List<Settlement.Reason> reasons = new ArrayList<>();
            n.path("reasons").forEach(r -> reasons.add(new Settlement.Reason(r.path("code").asText(),
                    r.path("description").asText())));
            answers.add(new Settlement(Settlement.Outcome.valueOf(n.path("outcome").asText()), n.path("code").asText(),
                    n.path("description").asText(), reasons, n.path("retornoId").asText(),
                    Instant.parse(n.path("at").asText()),
                    n.has("amountCents") ? OptionalLong.of(n.get("amountCents").asLong()) : OptionalLong.empty(),
                    n.has("paidOn") ? Optional.of(LocalDate.parse(n.get("paidOn").asText())) : Optional.empty(),
                    n.path("order").asLong(), n.path("position").asInt(), n.path("meaning").asText()));
        }
        return answers;
    }

    static Optional<String> text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.s() == null ? Optional.empty() : Optional.of(value.s());
    }
}
