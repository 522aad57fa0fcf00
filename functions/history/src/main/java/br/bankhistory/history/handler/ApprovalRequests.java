package br.bankhistory.history.handler;

import br.bankhistory.history.domain.ApprovalRules;
import br.bankhistory.history.domain.InvalidRequestException;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The body of {@code PUT /settings/approvals} and the JSON of the rules (docs/openapi.yaml, ApprovalSettings). */
final class ApprovalRequests {

    private static final Set<String> FIELDS = Set.of("approvers", "pagamento", "cobranca");
    private static final Set<String> APPROVER = Set.of("userId", "name", "email");
    private static final Set<String> TIER = Set.of("upToCents", "approvals");

    private ApprovalRequests() {
    }

    static ApprovalRules parse(JsonNode body) {
        ApiRequest.onlyFields(body, "", FIELDS);
        List<ApprovalRules.Approver> approvers = new ArrayList<>();
        int[] i = {0};
        JsonFields.array(body, "approvers").forEach(a -> {
            String at = "approvers[" + i[0]++ + "]";
            JsonFields.object(a, at, APPROVER);
            approvers.add(new ApprovalRules.Approver(JsonFields.text(a, at, "userId", true),
                    JsonFields.text(a, at, "name", false), JsonFields.text(a, at, "email", true)));
        });
        return new ApprovalRules(approvers, tiers(body, "pagamento"), tiers(body, "cobranca"));
    }

    private static List<ApprovalRules.Tier> tiers(JsonNode body, String field) {
        List<ApprovalRules.Tier> tiers = new ArrayList<>();
        int[] i = {0};
        JsonFields.array(body, field).forEach(t -> {
            String at = field + "[" + i[0]++ + "]";
            JsonFields.object(t, at, TIER);
            JsonNode upTo = t.get("upToCents");
            if (upTo != null && !upTo.isNull() && !(upTo.isIntegralNumber() && upTo.canConvertToLong())) {
                throw new InvalidRequestException(at + ".upToCents: deve ser um número inteiro de centavos.");
            }
            JsonNode approvals = t.get("approvals");
            if (approvals == null || !approvals.isIntegralNumber() || !approvals.canConvertToInt()) {
                throw new InvalidRequestException(at + ".approvals: obrigatório, um número inteiro de aprovações.");
            }
            tiers.add(new ApprovalRules.Tier(upTo == null || upTo.isNull() ? null : upTo.asLong(), approvals.asInt()));
        });
        return tiers;
    }

    static Map<String, Object> view(ApprovalRules rules) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("approvers", rules.approvers().stream().map(a -> Map.of("userId", a.userId(), "name", a.name(),
                "email", a.email())).toList());
        v.put("pagamento", rules.pagamento().stream().map(ApprovalRequests::tier).toList());
        v.put("cobranca", rules.cobranca().stream().map(ApprovalRequests::tier).toList());
        return v;
    }

    private static Map<String, Object> tier(ApprovalRules.Tier t) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("upToCents", t.upToCents());
        v.put("approvals", t.approvals());
        return v;
    }
}
