package br.bankhistory.history.handler;

import br.bankhistory.cnab.write.Charge;
import br.bankhistory.cnab.write.CobrancaTitle;
import br.bankhistory.cnab.write.Instruction;
import br.bankhistory.cnab.write.Party;
import br.bankhistory.cnab.write.Payment;
import br.bankhistory.history.command.GenerateRemittance;
import br.bankhistory.history.command.GenerateRemittance.LayoutKind;
import br.bankhistory.history.command.RequestErrors;
import br.bankhistory.history.command.GenerateRemittance.ServiceKind;
import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The body of {@code POST /remittances} (docs/openapi.yaml, {@code RemittanceRequest}) as a
 * {@link GenerateRemittance.Request}. Every problem is named by its JSON path ({@code titles[3].dueDate}) and
 * gathered over the whole body, so one answer lists them (the first few, all counted). Unknown properties are
 * refused, as the document's {@code additionalProperties: false} says.
 */
final class RemittanceRequests {

    private static final Set<String> TOP = Set.of("service", "layout", "bankCode", "sendAutomatically", "header",
            "titles", "payments", "allowResend");
    private static final Set<String> INSTRUCTION = Set.of("service", "layout", "bankCode", "header", "title",
            "payment");
    private static final Set<String> HEADER = Set.of("companyName", "companyDocument", "agency", "agencyDigit",
            "account", "accountDigit", "agreement", "wallet", "sequenceNumber", "generatedAt", "layoutFields");
    private static final Set<String> TITLE = Set.of("instruction", "ourNumber", "yourNumber", "dueDate",
            "amountCents", "issueDate", "payer", "interest", "fine", "discount", "layoutFields");
    private static final Set<String> PARTY = Set.of("name", "document", "address", "district", "zip", "city", "state");
    private static final Set<String> CHARGE = Set.of("code", "date", "value");
    private static final Set<String> TRANSFER = Set.of("kind", "yourNumber", "payee", "bankCode", "agency",
            "agencyDigit", "account", "accountDigit", "paymentDate", "amountCents", "layoutFields");
    private static final Set<String> BOLETO = Set.of("kind", "yourNumber", "barcode", "beneficiaryName",
            "beneficiaryDocument", "dueDate", "documentAmountCents", "paymentDate", "amountCents", "layoutFields");

    private static final int MAX_TEXT = 200;
    private static final int MAX_LAYOUT_FIELDS = 50;
    private static final long MAX_SEQUENCE_NUMBER = 9_999_999;
    private static final Pattern BANK = Pattern.compile("\\d{3}");
    private static final Pattern LAYOUT_FIELD = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    private static final Pattern STATE = Pattern.compile("[A-Za-z]{2}");
    private static final Pattern CHARGE_CODE = Pattern.compile("[0-9A-Za-z]{1,2}");

    private final RequestErrors errors = new RequestErrors();

    private RemittanceRequests() {
    }

    static GenerateRemittance.Request parse(JsonNode body) {
        return new RemittanceRequests().request(body);
    }

    /**
     * The body of {@code POST /instructions} (docs/openapi.yaml, {@code InstructionRequest}): the account as
     * this request's header names it, with ONE title ({@code title}) or ONE payment ({@code payment}), each
     * parsed exactly as an element of {@code titles} or {@code payments}. The NSA and the generation time are
     * the scheduled run's, so the header takes neither.
     */
    static GenerateRemittance.Request parseInstruction(JsonNode body) {
        return new RemittanceRequests().instruction(body);
    }

    private GenerateRemittance.Request instruction(JsonNode body) {
        unknown(body, INSTRUCTION, "");
        ServiceKind service = choice(body.get("service"), "service", ServiceKind.class);
        LayoutKind layout = choice(body.get("layout"), "layout", LayoutKind.class);
        String bank = text(body.get("bankCode"), "bankCode", true, 3);
        if (bank != null && !bank.isEmpty() && !BANK.matcher(bank).matches()) {
            errors.add("bankCode: use o código FEBRABAN do banco, com 3 dígitos (ex.: 341).");
        }
        JsonNode headerNode = body.get("header");
        if (present(headerNode) && headerNode.isObject()) {
            for (String assigned : List.of("sequenceNumber", "generatedAt")) {
                if (headerNode.has(assigned)) {
                    errors.add("header." + assigned + ": a remessa programada atribui o NSA e a hora de geração; "
                            + "omita este campo.");
                }
            }
        }
        GenerateRemittance.Header header = header(headerNode);
        List<CobrancaTitle> titles = new ArrayList<>();
        List<Payment> payments = new ArrayList<>();
        if (service == ServiceKind.COBRANCA) {
            if (present(body.get("payment"))) {
                errors.add("payment: uma instrução de cobrança leva um título (title), não um pagamento.");
            }
            single(body.get("title"), "title", (node, path) -> titles.add(title(node, path)));
        } else if (service == ServiceKind.PAGAMENTO) {
            if (present(body.get("title"))) {
                errors.add("title: uma instrução de pagamento leva um pagamento (payment), não um título.");
            }
            single(body.get("payment"), "payment", (node, path) -> payments.add(payment(node, path)));
        }
        errors.throwIfAny();
        return new GenerateRemittance.Request(service, layout, bank, header, titles, payments, true, false);
    }

    private void single(JsonNode node, String path, ItemParser parser) {
        if (!present(node)) {
            errors.add(path + ": obrigatório, um objeto.");
        } else if (!node.isObject()) {
            errors.add(path + ": deve ser um objeto.");
        } else {
            parser.parse(node, path);
        }
    }

    private GenerateRemittance.Request request(JsonNode body) {
        unknown(body, TOP, "");
        ServiceKind service = choice(body.get("service"), "service", ServiceKind.class);
        LayoutKind layout = choice(body.get("layout"), "layout", LayoutKind.class);
        String bank = text(body.get("bankCode"), "bankCode", true, 3);
        if (bank != null && !bank.isEmpty() && !BANK.matcher(bank).matches()) {
            errors.add("bankCode: use o código FEBRABAN do banco, com 3 dígitos (ex.: 341).");
        }
        boolean automatic = flag(body, "sendAutomatically");
        boolean allowResend = flag(body, "allowResend");
        GenerateRemittance.Header header = header(body.get("header"));

        JsonNode titlesNode = body.get("titles");
        JsonNode paymentsNode = body.get("payments");
        List<CobrancaTitle> titles = new ArrayList<>();
        List<Payment> payments = new ArrayList<>();
        if (service == ServiceKind.COBRANCA) {
            if (present(paymentsNode)) {
                errors.add("payments: uma remessa de cobrança leva títulos (titles), não pagamentos.");
            }
            items(titlesNode, "titles", (node, path) -> titles.add(title(node, path)));
        } else if (service == ServiceKind.PAGAMENTO) {
            if (present(titlesNode)) {
                errors.add("titles: uma remessa de pagamento leva pagamentos (payments), não títulos.");
            }
            items(paymentsNode, "payments", (node, path) -> payments.add(payment(node, path)));
        }
        errors.throwIfAny();
        return new GenerateRemittance.Request(service, layout, bank, header, titles, payments, automatic,
                allowResend);
    }

    private boolean flag(JsonNode body, String name) {
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

    private interface ItemParser {
        void parse(JsonNode node, String path);
    }

    private void items(JsonNode node, String list, ItemParser parser) {
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

    private GenerateRemittance.Header header(JsonNode node) {
        if (!present(node) || !node.isObject()) {
            errors.add("header: obrigatório, um objeto com a empresa, a conta e o NSA.");
            return null;
        }
        unknown(node, HEADER, "header");
        String name = text(node.get("companyName"), "header.companyName", true, MAX_TEXT);
        String document = document(node.get("companyDocument"), "header.companyDocument", true);
        String agency = text(node.get("agency"), "header.agency", false, 20);
        String agencyDigit = text(node.get("agencyDigit"), "header.agencyDigit", false, 2);
        String account = text(node.get("account"), "header.account", false, 20);
        String accountDigit = text(node.get("accountDigit"), "header.accountDigit", false, 2);
        String agreement = text(node.get("agreement"), "header.agreement", false, 30);
        String wallet = text(node.get("wallet"), "header.wallet", false, 5);
        Long nsa = number(node.get("sequenceNumber"), "header.sequenceNumber", false, 1, MAX_SEQUENCE_NUMBER);
        Optional<Instant> generatedAt = Optional.empty();
        JsonNode at = node.get("generatedAt");
        if (present(at)) {
            try {
                if (!at.isTextual()) {
                    throw new DateTimeParseException("not a text", at.toString(), 0);
                }
                generatedAt = Optional.of(OffsetDateTime.parse(at.asText()).toInstant());
            } catch (DateTimeParseException e) {
                errors.add("header.generatedAt: use um instante ISO-8601 com fuso (ex.: 2026-11-20T13:15:00Z).");
            }
        }
        Map<String, String> layoutFields = layoutFields(node.get("layoutFields"), "header.layoutFields");
        return new GenerateRemittance.Header(name, document, agency, agencyDigit, account, accountDigit, agreement,
                wallet, nsa == null ? 0 : nsa, generatedAt, layoutFields);
    }

    private CobrancaTitle title(JsonNode node, String path) {
        unknown(node, TITLE, path);
        Instruction instruction = Instruction.ENTRY;
        if (present(node.get("instruction"))) {
            Instruction chosen = choice(node.get("instruction"), path + ".instruction", Instruction.class);
            instruction = chosen == null ? Instruction.ENTRY : chosen;
        }
        String ourNumber = text(node.get("ourNumber"), path + ".ourNumber", true, 40);
        String yourNumber = text(node.get("yourNumber"), path + ".yourNumber", true, 40);
        LocalDate due = date(node.get("dueDate"), path + ".dueDate", true);
        Long amount = number(node.get("amountCents"), path + ".amountCents", true, 1, Long.MAX_VALUE);
        LocalDate issued = date(node.get("issueDate"), path + ".issueDate", false);
        Party payer = party(node.get("payer"), path + ".payer", true);
        Charge interest = charge(node.get("interest"), path + ".interest");
        Charge fine = charge(node.get("fine"), path + ".fine");
        Charge discount = charge(node.get("discount"), path + ".discount");
        Map<String, String> layoutFields = layoutFields(node.get("layoutFields"), path + ".layoutFields");
        if (due == null || amount == null) {
            return null;
        }
        return new CobrancaTitle(instruction, ourNumber, yourNumber, due, amount, issued, payer, interest, fine,
                discount, layoutFields);
    }

    private Payment payment(JsonNode node, String path) {
        JsonNode kind = node.get("kind");
        String value = kind != null && kind.isTextual() ? kind.asText() : "";
        if (value.equals("TRANSFER")) {
            return transfer(node, path);
        }
        if (value.equals("BOLETO")) {
            return boleto(node, path);
        }
        errors.add(path + ".kind: use TRANSFER (crédito em conta, TED) ou BOLETO (pagamento de boleto).");
        return null;
    }

    private Payment transfer(JsonNode node, String path) {
        unknown(node, TRANSFER, path);
        String yourNumber = text(node.get("yourNumber"), path + ".yourNumber", true, 40);
        Party payee = party(node.get("payee"), path + ".payee", true);
        String bank = text(node.get("bankCode"), path + ".bankCode", true, 3);
        if (bank != null && !bank.isEmpty() && !BANK.matcher(bank).matches()) {
            errors.add(path + ".bankCode: use o código FEBRABAN do banco do favorecido, com 3 dígitos.");
        }
        String agency = text(node.get("agency"), path + ".agency", true, 20);
        String agencyDigit = text(node.get("agencyDigit"), path + ".agencyDigit", false, 2);
        String account = text(node.get("account"), path + ".account", true, 20);
        String accountDigit = text(node.get("accountDigit"), path + ".accountDigit", false, 2);
        LocalDate paymentDate = date(node.get("paymentDate"), path + ".paymentDate", true);
        Long amount = number(node.get("amountCents"), path + ".amountCents", true, 1, Long.MAX_VALUE);
        Map<String, String> layoutFields = layoutFields(node.get("layoutFields"), path + ".layoutFields");
        if (payee == null || paymentDate == null || amount == null) {
            return null;
        }
        return new Payment.Transfer(yourNumber, payee, bank, agency, agencyDigit, account, accountDigit, paymentDate,
                amount, layoutFields);
    }

    private Payment boleto(JsonNode node, String path) {
        unknown(node, BOLETO, path);
        String yourNumber = text(node.get("yourNumber"), path + ".yourNumber", true, 40);
        String barcode = text(node.get("barcode"), path + ".barcode", true, 60);
        if (barcode != null && !barcode.isEmpty() && !barcode.matches("\\d{44}")) {
            errors.add(path + ".barcode: use os 44 dígitos do código de barras (não a linha digitável de 47).");
        }
        String beneficiaryName = text(node.get("beneficiaryName"), path + ".beneficiaryName", true, MAX_TEXT);
        String beneficiaryDocument = document(node.get("beneficiaryDocument"), path + ".beneficiaryDocument", false);
        LocalDate due = date(node.get("dueDate"), path + ".dueDate", true);
        LocalDate paymentDate = date(node.get("paymentDate"), path + ".paymentDate", true);
        Long amount = number(node.get("amountCents"), path + ".amountCents", true, 1, Long.MAX_VALUE);
        Long documentAmount = number(node.get("documentAmountCents"), path + ".documentAmountCents", false, 1,
                Long.MAX_VALUE);
        Map<String, String> layoutFields = layoutFields(node.get("layoutFields"), path + ".layoutFields");
        if (barcode == null || paymentDate == null || amount == null) {
            return null;
        }
        return new Payment.Boleto(yourNumber, barcode, beneficiaryName, beneficiaryDocument, due,
                documentAmount == null ? amount : documentAmount, paymentDate, amount, layoutFields);
    }

    private Party party(JsonNode node, String path, boolean required) {
        if (!present(node)) {
            if (required) {
                errors.add(path + ": obrigatório (nome e CPF/CNPJ, e o endereço quando o banco o pede).");
            }
            return null;
        }
        if (!node.isObject()) {
            errors.add(path + ": deve ser um objeto.");
            return null;
        }
        unknown(node, PARTY, path);
        String name = text(node.get("name"), path + ".name", true, MAX_TEXT);
        String document = document(node.get("document"), path + ".document", true);
        String address = text(node.get("address"), path + ".address", false, MAX_TEXT);
        String district = text(node.get("district"), path + ".district", false, MAX_TEXT);
        String zip = text(node.get("zip"), path + ".zip", false, 10);
        if (zip != null && !zip.isEmpty() && !zip.replaceAll("[.\\-\\s]", "").matches("\\d{8}")) {
            errors.add(path + ".zip: o CEP tem 8 dígitos (ex.: 01310-100).");
        }
        String city = text(node.get("city"), path + ".city", false, MAX_TEXT);
        String state = text(node.get("state"), path + ".state", false, 2);
        if (state != null && !state.isEmpty() && !STATE.matcher(state).matches()) {
            errors.add(path + ".state: use a sigla da UF, com 2 letras (ex.: SP).");
        }
        return new Party(name, document, address, district, zip, city, state == null ? null : state.toUpperCase());
    }

    private Charge charge(JsonNode node, String path) {
        if (!present(node)) {
            return null;
        }
        if (!node.isObject()) {
            errors.add(path + ": deve ser um objeto ({code, date, value}).");
            return null;
        }
        unknown(node, CHARGE, path);
        String code = text(node.get("code"), path + ".code", false, 2);
        if (code != null && !code.isEmpty() && !CHARGE_CODE.matcher(code).matches()) {
            errors.add(path + ".code: o código do banco tem 1 ou 2 letras ou dígitos.");
        }
        LocalDate date = date(node.get("date"), path + ".date", false);
        BigDecimal value = null;
        JsonNode v = node.get("value");
        boolean valueGiven = present(v);
        if (valueGiven) {
            if (!v.isNumber()) {
                errors.add(path + ".value: deve ser um número (reais ou percentual, conforme o código).");
            } else {
                value = new BigDecimal(v.asText());
                if (value.signum() < 0) {
                    errors.add(path + ".value: não pode ser negativo.");
                    value = null;
                }
            }
        }
        if ((code == null || code.isEmpty()) && !valueGiven && date == null) {
            errors.add(path + ": informe ao menos value (ou code) — ou omita o objeto.");
            return null;
        }
        return new Charge(code == null || code.isEmpty() ? null : code, date, value);
    }

    private Map<String, String> layoutFields(JsonNode node, String path) {
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

    // ---- values ----------------------------------------------------------------------------------

    private static boolean present(JsonNode node) {
        return node != null && !node.isNull();
    }

    private void unknown(JsonNode node, Set<String> allowed, String path) {
        node.fieldNames().forEachRemaining(name -> {
            if (!allowed.contains(name)) {
                errors.add((path.isEmpty() ? "" : path + ".") + name + ": campo desconhecido.");
            }
        });
    }

    /** A text, stripped; "" when optional and absent; null (and a problem) when required and absent or wrong. */
    private String text(JsonNode node, String path, boolean required, int maxLength) {
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
    private String document(JsonNode node, String path, boolean required) {
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

    private Long number(JsonNode node, String path, boolean required, long min, long max) {
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

    private LocalDate date(JsonNode node, String path, boolean required) {
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

    private <E extends Enum<E>> E choice(JsonNode node, String path, Class<E> type) {
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
}
