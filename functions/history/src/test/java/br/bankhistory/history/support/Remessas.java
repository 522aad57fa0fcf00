package br.bankhistory.history.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Bodies of {@code POST /remittances} and {@code PUT /settings/approvals} the approval and delivery tests share. */
public final class Remessas {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Remessas() {
    }

    /** bia, caio, dora and eva approve; pagamento up to R$ 1.000,00 needs none, up to R$ 10.000,00 one, above two. */
    public static ObjectNode approvalRules(String cobranca) {
        try {
            return (ObjectNode) JSON.readTree("{\"approvers\": ["
                    + "{\"userId\": \"bia\", \"name\": \"Beatriz Lima\", \"email\": \"bia@acme.com.br\"},"
                    + "{\"userId\": \"caio\", \"name\": \"Caio Prado\", \"email\": \"caio@acme.com.br\"},"
                    + "{\"userId\": \"dora\", \"name\": \"Dora Reis\", \"email\": \"dora@acme.com.br\"},"
                    + "{\"userId\": \"eva\", \"email\": \"eva@acme.com.br\"}],"
                    + "\"pagamento\": [{\"upToCents\": 100000, \"approvals\": 0}, {\"upToCents\": 1000000, "
                    + "\"approvals\": 1}, {\"upToCents\": null, \"approvals\": 2}], \"cobranca\": " + cobranca + "}");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Bradesco pagamento 240 of two TEDs whose total is {@code cents}. */
    public static ObjectNode pagamento(long cents) {
        ObjectNode body = JSON.createObjectNode();
        body.put("service", "PAGAMENTO").put("layout", "CNAB240").put("bankCode", "237");
        body.putObject("header").put("companyName", "Indústria Ômega S.A.").put("companyDocument", "11.222.333/0001-81")
                .put("agency", "1234").put("agencyDigit", "0").put("account", "567890").put("accountDigit", "1")
                .put("agreement", "000123").put("generatedAt", "2026-11-23T13:10:00Z");
        ArrayNode payments = body.putArray("payments");
        payments.add(ted("AP-" + cents + "-1", cents / 2));
        payments.add(ted("AP-" + cents + "-2", cents - cents / 2));
        return body;
    }

    private static ObjectNode ted(String yourNumber, long cents) {
        ObjectNode ted = JSON.createObjectNode().put("kind", "TRANSFER").put("yourNumber", yourNumber);
        ted.putObject("payee").put("name", "Fornecedor Alfa Ltda").put("document", "33.444.555/0001-66")
                .put("address", "Av. Paulista 1000").put("district", "Bela Vista").put("zip", "01310-100")
                .put("city", "São Paulo").put("state", "SP");
        ted.put("bankCode", "341").put("agency", "4321").put("agencyDigit", "9").put("account", "12345")
                .put("accountDigit", "6").put("paymentDate", "2026-11-25").put("amountCents", cents);
        return ted;
    }
}
