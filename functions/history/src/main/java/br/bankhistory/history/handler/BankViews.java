package br.bankhistory.history.handler;

import br.bankhistory.history.command.AccountSettings;
import br.bankhistory.history.domain.BankAccount;
import br.bankhistory.history.query.ListBanks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shapes of banks (docs/openapi.yaml): the catalogue's banks and the tenant's registered accounts. */
final class BankViews {

    private BankViews() {
    }

    /** A bank of the catalogue (GET /banks). */
    static Map<String, Object> bank(ListBanks.Bank bank) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("code", bank.code());
        v.put("name", bank.name());
        v.put("described", bank.described());
        v.put("reads", bank.reads().stream().map(k -> kind(k, true)).toList());
        v.put("writes", bank.writes().stream().map(k -> kind(k, false)).toList());
        v.put("pix", bank.pix().stream().map(Enum::name).toList());
        v.put("instructions", bank.instructions().stream().map(i -> Map.of("layout", i.layout().name(),
                "instruction", i.instruction().name(), "code", i.code())).toList());
        return v;
    }

    private static Map<String, Object> kind(ListBanks.Kind kind, boolean withDirection) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("layout", kind.layout().name());
        v.put("service", kind.service().name());
        if (withDirection) {
            v.put("direction", kind.direction().name());
        }
        return v;
    }

    static List<Map<String, Object>> accounts(List<AccountSettings.Registered> accounts) {
        return accounts.stream().map(r -> {
            BankAccount a = r.account();
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("bankCode", a.bankCode());
            v.put("agency", a.agency());
            v.put("account", a.account());
            v.put("agreement", a.agreement());
            v.put("companyDocument", a.companyDocument());
            v.put("transferConnectorId", a.transferConnectorId().isEmpty() ? null : a.transferConnectorId());
            v.put("remoteDirectory", a.remoteDirectory().isEmpty() ? null : a.remoteDirectory());
            v.put("nextSequenceNumber", r.nextSequenceNumber());
            return v;
        }).toList();
    }
}
