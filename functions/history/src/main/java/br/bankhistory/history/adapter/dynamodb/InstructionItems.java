package br.bankhistory.history.adapter.dynamodb;

import br.bankhistory.history.config.PlainJson;
import br.bankhistory.history.domain.PendingInstruction;
import br.bankhistory.history.domain.PendingInstruction.Cancellation;
import br.bankhistory.history.domain.PendingInstruction.Carrier;
import br.bankhistory.history.domain.PendingInstruction.Claim;
import br.bankhistory.history.domain.PendingInstruction.Status;
import br.bankhistory.history.domain.Settlement;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static br.bankhistory.history.config.PlainJson.elementsOf;
import static br.bankhistory.history.config.PlainJson.fieldsOf;
import static br.bankhistory.history.config.PlainJson.longOf;
import static br.bankhistory.history.config.PlainJson.textOf;

/**
 * An instruction's item ({@code T#{tenant}} / {@code INS#{id}}) read back, and its bank answers kept as one JSON
 * attribute ({@code answersJson}, at most {@link PendingInstruction#MAX_ANSWERS} small objects), counted in
 * {@code answerCount} for the conditional write of the next one.
 */
final class InstructionItems {

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
        List<Map<String, Object>> all = new ArrayList<>();
        for (Settlement a : answers) {
            Map<String, Object> n = new LinkedHashMap<>();
            n.put("outcome", a.outcome().name());
            n.put("code", a.occurrenceCode());
            n.put("description", a.occurrenceDescription());
            n.put("reasons", a.reasons().stream().map(r -> {
                Map<String, Object> reason = new LinkedHashMap<>();
                reason.put("code", r.code());
                reason.put("description", r.description());
                return reason;
            }).toList());
            n.put("retornoId", a.retornoId());
            n.put("at", a.at().toString());
            a.amountCents().ifPresent(cents -> n.put("amountCents", cents));
            a.paidOn().ifPresent(day -> n.put("paidOn", day.toString()));
            n.put("order", a.order());
            n.put("position", a.position());
            n.put("meaning", a.meaning());
            all.add(n);
        }
        return PlainJson.write(all);
    }

    private List<Settlement> answers(String text) {
        List<Settlement> answers = new ArrayList<>();
        for (Object element : PlainJson.list(text)) {
            Map<?, ?> n = fieldsOf(element);
            List<Settlement.Reason> reasons = new ArrayList<>();
            elementsOf(n.get("reasons")).forEach(reason -> {
                Map<?, ?> r = fieldsOf(reason);
                reasons.add(new Settlement.Reason(textOf(r.get("code")), textOf(r.get("description"))));
            });
            answers.add(new Settlement(Settlement.Outcome.valueOf(textOf(n.get("outcome"))), textOf(n.get("code")),
                    textOf(n.get("description")), reasons, textOf(n.get("retornoId")),
                    Instant.parse(textOf(n.get("at"))),
                    n.containsKey("amountCents") ? OptionalLong.of(longOf(n.get("amountCents"))) : OptionalLong.empty(),
                    n.containsKey("paidOn") ? Optional.of(LocalDate.parse(textOf(n.get("paidOn")))) : Optional.empty(),
                    longOf(n.get("order")), (int) longOf(n.get("position")), textOf(n.get("meaning"))));
        }
        return answers;
    }

    static Optional<String> text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.s() == null ? Optional.empty() : Optional.of(value.s());
    }
}
