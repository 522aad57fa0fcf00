package br.bankhistory.history.handler;

import br.bankhistory.history.domain.InvalidRequestException;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The parts of a JSON body a settings route reads, each refused with 400 naming where it is. */
final class JsonFields {

    private JsonFields() {
    }

    static List<JsonNode> array(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new InvalidRequestException(field + ": deve ser uma lista.");
        }
        List<JsonNode> out = new ArrayList<>();
        node.forEach(out::add);
        return out;
    }

    static void object(JsonNode node, String at, Set<String> allowed) {
        if (!node.isObject()) {
            throw new InvalidRequestException(at + ": deve ser um objeto.");
        }
        ApiRequest.onlyFields(node, at, allowed);
    }

    static String text(JsonNode node, String at, String field, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new InvalidRequestException(at + "." + field + ": obrigatório.");
            }
            return "";
        }
        if (!value.isTextual()) {
            throw new InvalidRequestException(at + "." + field + ": deve ser um texto.");
        }
        return value.asText();
    }
}
