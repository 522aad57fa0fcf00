package br.bankhistory.history.handler;

import br.bankhistory.cnab.write.CobrancaTitle;
import br.bankhistory.cnab.write.Payment;
import br.bankhistory.history.command.GenerateRemittance;
import br.bankhistory.history.command.GenerateRemittance.LayoutKind;
import br.bankhistory.history.command.GenerateRemittance.ServiceKind;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

    private static final String BANK_CODE = "use o código FEBRABAN do banco, com 3 dígitos (ex.: 341).";
    private static final long MAX_SEQUENCE_NUMBER = 9_999_999;

    private final BodyReader in = new BodyReader();
    private final ItemRequests items = new ItemRequests(in);

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
        in.unknown(body, INSTRUCTION, "");
        ServiceKind service = in.choice(body.get("service"), "service", ServiceKind.class);
        LayoutKind layout = in.choice(body.get("layout"), "layout", LayoutKind.class);
        String bank = in.bankCode(body.get("bankCode"), "bankCode", BANK_CODE);
        JsonNode headerNode = body.get("header");
        if (BodyReader.present(headerNode) && headerNode.isObject()) {
            for (String assigned : List.of("sequenceNumber", "generatedAt")) {
                if (headerNode.has(assigned)) {
                    in.problem("header." + assigned + ": a remessa programada atribui o NSA e a hora de geração; "
                            + "omita este campo.");
                }
            }
        }
        GenerateRemittance.Header header = header(headerNode);
        List<CobrancaTitle> titles = new ArrayList<>();
        List<Payment> payments = new ArrayList<>();
        if (service == ServiceKind.COBRANCA) {
            if (BodyReader.present(body.get("payment"))) {
                in.problem("payment: uma instrução de cobrança leva um título (title), não um pagamento.");
            }
            in.single(body.get("title"), "title", (node, path) -> titles.add(items.title(node, path)));
        } else if (service == ServiceKind.PAGAMENTO) {
            if (BodyReader.present(body.get("title"))) {
                in.problem("title: uma instrução de pagamento leva um pagamento (payment), não um título.");
            }
            in.single(body.get("payment"), "payment", (node, path) -> payments.add(items.payment(node, path)));
        }
        in.throwIfAny();
        return new GenerateRemittance.Request(service, layout, bank, header, titles, payments, true, false);
    }


    private GenerateRemittance.Request request(JsonNode body) {
        in.unknown(body, TOP, "");
        ServiceKind service = in.choice(body.get("service"), "service", ServiceKind.class);
        LayoutKind layout = in.choice(body.get("layout"), "layout", LayoutKind.class);
        String bank = in.bankCode(body.get("bankCode"), "bankCode", BANK_CODE);
        boolean automatic = in.flag(body, "sendAutomatically");
        boolean allowResend = in.flag(body, "allowResend");
        GenerateRemittance.Header header = header(body.get("header"));

        JsonNode titlesNode = body.get("titles");
        JsonNode paymentsNode = body.get("payments");
        List<CobrancaTitle> titles = new ArrayList<>();
        List<Payment> payments = new ArrayList<>();
        if (service == ServiceKind.COBRANCA) {
            if (BodyReader.present(paymentsNode)) {
                in.problem("payments: uma remessa de cobrança leva títulos (titles), não pagamentos.");
            }
            in.items(titlesNode, "titles", (node, path) -> titles.add(items.title(node, path)));
        } else if (service == ServiceKind.PAGAMENTO) {
            if (BodyReader.present(titlesNode)) {
                in.problem("titles: uma remessa de pagamento leva pagamentos (payments), não títulos.");
            }
            in.items(paymentsNode, "payments", (node, path) -> payments.add(items.payment(node, path)));
        }
        in.throwIfAny();
        return new GenerateRemittance.Request(service, layout, bank, header, titles, payments, automatic,
                allowResend);
    }




    private GenerateRemittance.Header header(JsonNode node) {
        if (!BodyReader.present(node) || !node.isObject()) {
            in.problem("header: obrigatório, um objeto com a empresa, a conta e o NSA.");
            return null;
        }
        in.unknown(node, HEADER, "header");
        String name = in.text(node.get("companyName"), "header.companyName", true, BodyReader.MAX_TEXT);
        String document = in.document(node.get("companyDocument"), "header.companyDocument", true);
        String agency = in.text(node.get("agency"), "header.agency", false, 20);
        String agencyDigit = in.text(node.get("agencyDigit"), "header.agencyDigit", false, 2);
        String account = in.text(node.get("account"), "header.account", false, 20);
        String accountDigit = in.text(node.get("accountDigit"), "header.accountDigit", false, 2);
        String agreement = in.text(node.get("agreement"), "header.agreement", false, 30);
        String wallet = in.text(node.get("wallet"), "header.wallet", false, 5);
        Long nsa = in.number(node.get("sequenceNumber"), "header.sequenceNumber", false, 1, MAX_SEQUENCE_NUMBER);
        Optional<Instant> generatedAt = in.instant(node.get("generatedAt"), "header.generatedAt",
                "use um instante ISO-8601 com fuso (ex.: 2026-11-20T13:15:00Z).");
        Map<String, String> layoutFields = in.layoutFields(node.get("layoutFields"), "header.layoutFields");
        return new GenerateRemittance.Header(name, document, agency, agencyDigit, account, accountDigit, agreement,
                wallet, nsa == null ? 0 : nsa, generatedAt, layoutFields);
    }








    // ---- values ----------------------------------------------------------------------------------







}
