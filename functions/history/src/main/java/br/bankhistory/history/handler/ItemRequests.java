package br.bankhistory.history.handler;

import br.bankhistory.cnab.write.Charge;
import br.bankhistory.cnab.write.CobrancaTitle;
import br.bankhistory.cnab.write.Instruction;
import br.bankhistory.cnab.write.Party;
import br.bankhistory.cnab.write.Payment;
import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static br.bankhistory.history.handler.BodyReader.MAX_TEXT;

/**
 * One title ({@code CobrancaTitle}) or one payment ({@code Payment}: a transfer or a boleto) of a remessa or
 * instruction request (docs/openapi.yaml), with its payer or payee and its charges, read through the body's
 * {@link BodyReader} so its problems join the others.
 */
final class ItemRequests {

    private static final Set<String> TITLE = Set.of("instruction", "ourNumber", "yourNumber", "dueDate",
            "amountCents", "issueDate", "payer", "interest", "fine", "discount", "layoutFields");
    private static final Set<String> PARTY = Set.of("name", "document", "address", "district", "zip", "city", "state");
    private static final Set<String> CHARGE = Set.of("code", "date", "value");
    private static final Set<String> TRANSFER = Set.of("kind", "yourNumber", "payee", "bankCode", "agency",
            "agencyDigit", "account", "accountDigit", "paymentDate", "amountCents", "layoutFields");
    private static final Set<String> BOLETO = Set.of("kind", "yourNumber", "barcode", "beneficiaryName",
            "beneficiaryDocument", "dueDate", "documentAmountCents", "paymentDate", "amountCents", "layoutFields");
    private static final Pattern STATE = Pattern.compile("[A-Za-z]{2}");
    private static final Pattern CHARGE_CODE = Pattern.compile("[0-9A-Za-z]{1,2}");

    private final BodyReader in;

    ItemRequests(BodyReader in) {
        this.in = in;
    }

    CobrancaTitle title(JsonNode node, String path) {
        in.unknown(node, TITLE, path);
        Instruction instruction = Instruction.ENTRY;
        if (BodyReader.present(node.get("instruction"))) {
            Instruction chosen = in.choice(node.get("instruction"), path + ".instruction", Instruction.class);
            instruction = chosen == null ? Instruction.ENTRY : chosen;
        }
        String ourNumber = in.text(node.get("ourNumber"), path + ".ourNumber", true, 40);
        String yourNumber = in.text(node.get("yourNumber"), path + ".yourNumber", true, 40);
        LocalDate due = in.date(node.get("dueDate"), path + ".dueDate", true);
        Long amount = in.number(node.get("amountCents"), path + ".amountCents", true, 1, Long.MAX_VALUE);
        LocalDate issued = in.date(node.get("issueDate"), path + ".issueDate", false);
        Party payer = party(node.get("payer"), path + ".payer", true);
        Charge interest = charge(node.get("interest"), path + ".interest");
        Charge fine = charge(node.get("fine"), path + ".fine");
        Charge discount = charge(node.get("discount"), path + ".discount");
        Map<String, String> layoutFields = in.layoutFields(node.get("layoutFields"), path + ".layoutFields");
        if (due == null || amount == null) {
            return null;
        }
        return new CobrancaTitle(instruction, ourNumber, yourNumber, due, amount, issued, payer, interest, fine,
                discount, layoutFields);
    }

    Payment payment(JsonNode node, String path) {
        JsonNode kind = node.get("kind");
        String value = kind != null && kind.isTextual() ? kind.asText() : "";
        if (value.equals("TRANSFER")) {
            return transfer(node, path);
        }
        if (value.equals("BOLETO")) {
            return boleto(node, path);
        }
        in.problem(path + ".kind: use TRANSFER (crédito em conta, TED) ou BOLETO (pagamento de boleto).");
        return null;
    }

    private Payment transfer(JsonNode node, String path) {
        in.unknown(node, TRANSFER, path);
        String yourNumber = in.text(node.get("yourNumber"), path + ".yourNumber", true, 40);
        Party payee = party(node.get("payee"), path + ".payee", true);
        String bank = in.bankCode(node.get("bankCode"), path + ".bankCode",
                "use o código FEBRABAN do banco do favorecido, com 3 dígitos.");
        String agency = in.text(node.get("agency"), path + ".agency", true, 20);
        String agencyDigit = in.text(node.get("agencyDigit"), path + ".agencyDigit", false, 2);
        String account = in.text(node.get("account"), path + ".account", true, 20);
        String accountDigit = in.text(node.get("accountDigit"), path + ".accountDigit", false, 2);
        LocalDate paymentDate = in.date(node.get("paymentDate"), path + ".paymentDate", true);
        Long amount = in.number(node.get("amountCents"), path + ".amountCents", true, 1, Long.MAX_VALUE);
        Map<String, String> layoutFields = in.layoutFields(node.get("layoutFields"), path + ".layoutFields");
        if (payee == null || paymentDate == null || amount == null) {
            return null;
        }
        return new Payment.Transfer(yourNumber, payee, bank, agency, agencyDigit, account, accountDigit, paymentDate,
                amount, layoutFields);
    }

    private Payment boleto(JsonNode node, String path) {
        in.unknown(node, BOLETO, path);
        String yourNumber = in.text(node.get("yourNumber"), path + ".yourNumber", true, 40);
        String barcode = in.text(node.get("barcode"), path + ".barcode", true, 60);
        if (barcode != null && !barcode.isEmpty() && !barcode.matches("\\d{44}")) {
            in.problem(path + ".barcode: use os 44 dígitos do código de barras (não a linha digitável de 47).");
        }
        String beneficiaryName = in.text(node.get("beneficiaryName"), path + ".beneficiaryName", true, MAX_TEXT);
        String beneficiaryDocument = in.document(node.get("beneficiaryDocument"), path + ".beneficiaryDocument", false);
        LocalDate due = in.date(node.get("dueDate"), path + ".dueDate", true);
        LocalDate paymentDate = in.date(node.get("paymentDate"), path + ".paymentDate", true);
        Long amount = in.number(node.get("amountCents"), path + ".amountCents", true, 1, Long.MAX_VALUE);
        Long documentAmount = in.number(node.get("documentAmountCents"), path + ".documentAmountCents", false, 1,
                Long.MAX_VALUE);
        Map<String, String> layoutFields = in.layoutFields(node.get("layoutFields"), path + ".layoutFields");
        if (barcode == null || paymentDate == null || amount == null) {
            return null;
        }
        return new Payment.Boleto(yourNumber, barcode, beneficiaryName, beneficiaryDocument, due,
                documentAmount == null ? amount : documentAmount, paymentDate, amount, layoutFields);
    }

    private Party party(JsonNode node, String path, boolean required) {
        if (!BodyReader.present(node)) {
            if (required) {
                in.problem(path + ": obrigatório (nome e CPF/CNPJ, e o endereço quando o banco o pede).");
            }
            return null;
        }
        if (!node.isObject()) {
            in.problem(path + ": deve ser um objeto.");
            return null;
        }
        in.unknown(node, PARTY, path);
        String name = in.text(node.get("name"), path + ".name", true, MAX_TEXT);
        String document = in.document(node.get("document"), path + ".document", true);
        String address = in.text(node.get("address"), path + ".address", false, MAX_TEXT);
        String district = in.text(node.get("district"), path + ".district", false, MAX_TEXT);
        String zip = in.text(node.get("zip"), path + ".zip", false, 10);
        if (zip != null && !zip.isEmpty() && !zip.replaceAll("[.\\-\\s]", "").matches("\\d{8}")) {
            in.problem(path + ".zip: o CEP tem 8 dígitos (ex.: 01310-100).");
        }
        String city = in.text(node.get("city"), path + ".city", false, MAX_TEXT);
        String state = in.text(node.get("state"), path + ".state", false, 2);
        if (state != null && !state.isEmpty() && !STATE.matcher(state).matches()) {
            in.problem(path + ".state: use a sigla da UF, com 2 letras (ex.: SP).");
        }
        return new Party(name, document, address, district, zip, city, state == null ? null : state.toUpperCase());
    }

    private Charge charge(JsonNode node, String path) {
        if (!BodyReader.present(node)) {
            return null;
        }
        if (!node.isObject()) {
            in.problem(path + ": deve ser um objeto ({code, date, value}).");
            return null;
        }
        in.unknown(node, CHARGE, path);
        String code = in.text(node.get("code"), path + ".code", false, 2);
        if (code != null && !code.isEmpty() && !CHARGE_CODE.matcher(code).matches()) {
            in.problem(path + ".code: o código do banco tem 1 ou 2 letras ou dígitos.");
        }
        LocalDate date = in.date(node.get("date"), path + ".date", false);
        BigDecimal value = null;
        JsonNode v = node.get("value");
        boolean valueGiven = BodyReader.present(v);
        if (valueGiven) {
            if (!v.isNumber()) {
                in.problem(path + ".value: deve ser um número (reais ou percentual, conforme o código).");
            } else {
                value = new BigDecimal(v.asText());
                if (value.signum() < 0) {
                    in.problem(path + ".value: não pode ser negativo.");
                    value = null;
                }
            }
        }
        if ((code == null || code.isEmpty()) && !valueGiven && date == null) {
            in.problem(path + ": informe ao menos value (ou code) — ou omita o objeto.");
            return null;
        }
        return new Charge(code == null || code.isEmpty() ? null : code, date, value);
    }
}
