package br.bankhistory.history.handler;

import br.bankhistory.history.command.GenerateRemittance;
import br.bankhistory.history.command.RequestErrors;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The typed values of a request body (texts, documents, numbers, dates, choices, lists), each checked against
 * the bounds docs/openapi.yaml gives it; every problem is named by its JSON path and gathered into one
 * {@link RequestErrors} for the whole body.
 */
final class BodyReader {

    static final int MAX_TEXT = 200;
    private static final int MAX_LAYOUT_FIELDS = 50;
    private static final Pattern BANK = Pattern.compile("\\d{3}");
    private static final Pattern LAYOUT_FIELD = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    private final RequestErrors errors = new RequestErrors();

    /** Records a problem the schema's own rules cannot say (named by its path). */
    void problem(String message) {
        errors.add(message);
    }

    void throwIfAny() {
        errors.throwIfAny();
    }

    /** A FEBRABAN bank code (3 digits), required; {@code refusal} says what it is when it is not. */
    String bankCode(JsonNode node, String path, String refusal) {
        String bank = text(node, path, true, 3);
        if (bank != null && !bank.isEmpty() && !BANK.matcher(bank).matches()) {
            errors.add(path + ": " + refusal);
        }
        return bank;
    }

    /** An ISO-8601 instant with its offset, optional. */
    Optional<Instant> instant(JsonNode node, String path, String refusal) {
        if (!present(node)) {
            return Optional.empty();
        }
        try {
            if (node.isTextual()) {
                return Optional.of(OffsetDateTime.parse(node.asText()).toInstant());
            }
        } catch (DateTimeParseException e) {
            // below
        }
        errors.add(path + ": " + refusal);
        return Optional.empty();
    }

    static boolean present(JsonNode node) {
        return node != null && !node.isNull();
    }

    void unknown(JsonNode node, Set<String> allowed, String path) {
        node.fieldNames().forEachRemaining(name -> {
            if (!allowed.contains(name)) {
                errors.add((path.isEmpty() ? "" : path + ".") + name + ": campo desconhecido.");
            }
        });
    }

    /** A text, stripped; "" when optional and absent; null (and a problem) when required and absent or wrong. */
    String text(JsonNode node, String path, boolean required, int maxLength) {
        if (!present(node)) {
            if (required) {
                errors.add(path + ": obrigatório.");
                return null;
            }
            return "";
        }
        if (!node.isTextual()) {
            errors.add(path + ": deve ser um texto.");
            return null;
        }
        String value = node.asText().strip();
        if (required && value.isEmpty()) {
            errors.add(path + ": obrigatório (não pode ficar em branco).");
            return null;
        }
        if (value.length() > maxLength) {
            errors.add(path + ": tem " + value.length() + " caracteres; o máximo é " + maxLength + ".");
            return null;
        }
        return value;
    }

    /** A CPF (11 digits) or CNPJ (14 digits); punctuation is allowed and dropped. */
    String document(JsonNode node, String path, boolean required) {
        String value = text(node, path, required, 20);
        if (value == null || value.isEmpty()) {
            return value;
        }
        String digits = value.replaceAll("[.\\-/\\s]", "");
        if (!digits.matches("\\d{11}|\\d{14}")) {
            errors.add(path + ": informe um CPF (11 dígitos) ou CNPJ (14 dígitos).");
            return null;
        }
        return digits;
    }

    Long number(JsonNode node, String path, boolean required, long min, long max) {
        if (!present(node)) {
            if (required) {
                errors.add(path + ": obrigatório.");
            }
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            errors.add(path + ": deve ser um número inteiro" + (path.endsWith("Cents") ? " de centavos." : "."));
            return null;
        }
        long value = node.asLong();
        if (value < min || value > max) {
            errors.add(path + ": deve estar entre " + min + " e " + max + ".");
            return null;
        }
        return value;
    }

    LocalDate date(JsonNode node, String path, boolean required) {
        if (!present(node)) {
            if (required) {
                errors.add(path + ": obrigatório (AAAA-MM-DD).");
            }
            return null;
        }
        try {
            if (node.isTextual()) {
                return LocalDate.parse(node.asText());
            }
        } catch (DateTimeParseException e) {
            // below
        }
        errors.add(path + ": data inválida; use AAAA-MM-DD (ex.: 2026-12-10).");
        return null;
    }

    <E extends Enum<E>> E choice(JsonNode node, String path, Class<E> type) {
        List<String> names = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
        if (!present(node)) {
            errors.add(path + ": obrigatório (" + String.join(", ", names) + ").");
            return null;
        }
        if (node.isTextual() && names.contains(node.asText())) {
            return Enum.valueOf(type, node.asText());
        }
        errors.add(path + ": use " + String.join(", ", names) + ".");
        return null;
    }

    boolean flag(JsonNode body, String name) {
        JsonNode flag = body.get(name);
        if (flag == null || flag.isNull()) {
            return false;
        }
        if (!flag.isBoolean()) {
            errors.add(name + ": deve ser true ou false.");
            return false;
        }
        return flag.asBoolean();
    }

    interface ItemParser {
        void parse(JsonNode node, String path);
    }

    void items(JsonNode node, String list, ItemParser parser) {
        if (!present(node)) {
            errors.add(list + ": obrigatório, com ao menos um item.");
            return;
        }
        if (!node.isArray()) {
            errors.add(list + ": deve ser uma lista.");
            return;
        }
        if (node.size() > GenerateRemittance.MAX_ITEMS) {
            throw GenerateRemittance.tooMany(list, node.size());
        }
        if (node.isEmpty()) {
            errors.add(list + ": informe ao menos um item.");
        }
        for (int i = 0; i < node.size(); i++) {
            String path = list + "[" + i + "]";
            if (!node.get(i).isObject()) {
                errors.add(path + ": deve ser um objeto.");
                continue;
            }
            parser.parse(node.get(i), path);
        }
    }

    void single(JsonNode node, String path, ItemParser parser) {
        if (!present(node)) {
            errors.add(path + ": obrigatório, um objeto.");
        } else if (!node.isObject()) {
            errors.add(path + ": deve ser um objeto.");
        } else {
            parser.parse(node, path);
        }
    }

    Map<String, String> layoutFields(JsonNode node, String path) {
        if (!present(node)) {
            return Map.of();
        }
        if (!node.isObject()) {
            errors.add(path + ": deve ser um objeto {campo do leiaute: valor}.");
            return Map.of();
        }
        if (node.size() > MAX_LAYOUT_FIELDS) {
            errors.add(path + ": no máximo " + MAX_LAYOUT_FIELDS + " campos.");
            return Map.of();
        }
        Map<String, String> values = new LinkedHashMap<>();
        node.fields().forEachRemaining(field -> {
            String name = field.getKey();
            if (!LAYOUT_FIELD.matcher(name).matches()) {
                errors.add(path + "." + name + ": nome de campo do leiaute inválido (minúsculas, dígitos e _).");
            } else if (!field.getValue().isTextual()) {
                errors.add(path + "." + name + ": o valor deve ser um texto.");
            } else if (field.getValue().asText().length() > MAX_TEXT) {
                errors.add(path + "." + name + ": mais de " + MAX_TEXT + " caracteres.");
            } else {
                values.put(name, field.getValue().asText());
            }
        });
        return values;
    }
}
