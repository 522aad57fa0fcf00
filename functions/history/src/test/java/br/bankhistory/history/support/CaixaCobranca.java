package br.bankhistory.history.support;

import br.bankhistory.history.Services;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static br.bankhistory.history.support.Api.json;

/**
 * Caixa cobrança files of many numbered titles for tenant acme, the title-index tests share: a remessa
 * generated through {@code POST /remittances} and recorded, and the bank's synthetic retorno liquidating them.
 */
public final class CaixaCobranca {

    private CaixaCobranca() {
    }

    /** The nosso número of title {@code i}: 14 and 15 digits. */
    public static String number(int i) {
        return String.format("14%015d", i);
    }

    /** The nosso números of titles {@code from} to {@code to}, both included. */
    public static List<String> numbers(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(CaixaCobranca::number).toList();
    }

    /** A Caixa cobrança remessa of these titles, generated through POST /remittances and recorded. Its id. */
    public static String remessa(Services services, List<String> ourNumbers) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("service", "COBRANCA").put("layout", "CNAB240").put("bankCode", "104");
        body.putObject("header").put("companyName", "Padaria Pão de Açúcar Ltda")
                .put("companyDocument", "12.345.678/0001-90").put("agency", "01234").put("agencyDigit", "5")
                .put("agreement", "123456").put("generatedAt", "2026-11-23T13:10:00Z");
        ArrayNode titles = body.putArray("titles");
        for (String ourNumber : ourNumbers) {
            ObjectNode title = titles.addObject().put("ourNumber", ourNumber).put("yourNumber", "NF")
                    .put("dueDate", "2026-12-10").put("amountCents", 8000).put("issueDate", "2026-11-23");
            title.putObject("payer").put("name", "Pagador").put("document", "12345678909")
                    .put("address", "Rua São Bento 12").put("district", "Centro").put("zip", "01010-000")
                    .put("city", "São Paulo").put("state", "SP");
        }
        JsonNode answer = json(Api.user(services, "acme", "ana", "Ana Souza").call("api-create-remittance.json",
                Events.header("idempotency-key", null).andThen(Events.body(body.toString()))), 202);
        return Api.deliver(services, "s3-put-outbound.json", answer.get("key").asText(), "2026-11-24T12:00:00.000Z");
    }

    /** The bank's retorno liquidating these titles, put under {@code inbound/acme/} and recorded at {@code at}. */
    public static String retorno(Services services, String name, List<String> ourNumbers, int nsa, String at) {
        HistoryEnvironment.put(services, "inbound/acme/" + name, SyntheticRetorno.caixa(ourNumbers, h -> h, nsa),
                Map.of());
        return Api.deliver(services, "s3-put-inbound.json", "inbound/acme/" + name, at);
    }
}
