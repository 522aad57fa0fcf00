package br.bankhistory.history.handler;

import br.bankhistory.history.domain.Identity;
import br.bankhistory.history.domain.InstructionEvents;
import br.bankhistory.history.domain.PendingInstruction;
import br.bankhistory.history.query.ListInstructions;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The JSON of a pending instruction (docs/openapi.yaml, {@code Instruction}). */
final class InstructionViews {

    private InstructionViews() {
    }

    static Map<String, Object> instruction(PendingInstruction i, Optional<String> recordId, Identity caller,
                                           ObjectMapper json) {
        JsonNode body = read(i.body(), json);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", i.id());
        view.put("status", i.status().name());
        view.put("service", body.path("service").asText());
        view.put("layout", body.path("layout").asText());
        view.put("bankCode", body.path("bankCode").asText());
        view.put("header", body.get("header"));
        view.put("title", body.get("title"));
        view.put("payment", body.get("payment"));
        view.put("createdAt", i.createdAt().toString());
        view.put("createdByUserId", i.createdByUserId());
        view.put("createdByUserName", i.createdByUserName());
        view.put("cancellable", i.cancellable() && (caller.admin() || caller.userId().equals(i.createdByUserId())));
        view.put("carriedBy", i.carrier().map(c -> {
            Map<String, Object> carrier = new LinkedHashMap<>();
            carrier.put("recordId", recordId.orElse(null));
            carrier.put("fileName", c.fileName());
            carrier.put("key", c.key());
            carrier.put("at", c.at().toString());
            return carrier;
        }).orElse(null));
        view.put("settlement", i.settlement().map(InstructionEvents::settlement).orElse(null));
        view.put("answers", i.answers().stream().map(InstructionEvents::settlement).toList());
        view.put("cancellation", i.cancellation().map(c -> {
            Map<String, Object> cancelled = new LinkedHashMap<>();
            cancelled.put("at", c.at().toString());
            cancelled.put("byUserId", c.byUserId());
            cancelled.put("byUserName", c.byUserName());
            cancelled.put("reason", c.reason());
            return cancelled;
        }).orElse(null));
        return view;
    }

    static Map<String, Object> page(ListInstructions.Page page, Identity caller, ObjectMapper json) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", page.instructions().stream()
                .map(l -> instruction(l.instruction(), l.recordId(), caller, json)).toList());
        body.put("nextCursor", page.nextCursor().orElse(null));
        return body;
    }

    private static JsonNode read(String body, ObjectMapper json) {
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored instruction is not JSON", e);
        }
    }
}
