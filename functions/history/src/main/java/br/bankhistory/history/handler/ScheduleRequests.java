package br.bankhistory.history.handler;

import br.bankhistory.history.command.ScheduleSettings;
import br.bankhistory.history.domain.InvalidRequestException;
import br.bankhistory.history.domain.RemessaSchedule;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The body of {@code PUT /settings/schedule} and the JSON of the schedule (docs/openapi.yaml, ScheduleSettings). */
final class ScheduleRequests {

    private static final Set<String> FIELDS = Set.of("timeZone", "days", "time", "accounts");
    private static final Set<String> ACCOUNT = Set.of("bankCode", "agency", "account", "agreement", "days", "time");

    private ScheduleRequests() {
    }

    static ScheduleSettings.Request parse(JsonNode body) {
        ApiRequest.onlyFields(body, "", FIELDS);
        List<ScheduleSettings.AccountRequest> accounts = new ArrayList<>();
        int[] i = {0};
        JsonFields.array(body, "accounts").forEach(a -> {
            String at = "accounts[" + i[0]++ + "]";
            JsonFields.object(a, at, ACCOUNT);
            accounts.add(new ScheduleSettings.AccountRequest(JsonFields.text(a, at, "bankCode", true),
                    JsonFields.text(a, at, "agency", false), JsonFields.text(a, at, "account", false),
                    JsonFields.text(a, at, "agreement", false), times(a, at + ".")));
        });
        JsonNode zone = body.get("timeZone");
        if (zone != null && !zone.isNull() && !zone.isTextual()) {
            throw new InvalidRequestException("timeZone: deve ser um texto (America/Sao_Paulo).");
        }
        return new ScheduleSettings.Request(zone == null || zone.isNull() ? null : zone.asText(), times(body, ""),
                accounts);
    }

    private static ScheduleSettings.Times times(JsonNode node, String at) {
        JsonNode days = node.get("days");
        if (days == null || !days.isArray()) {
            throw new InvalidRequestException(at + "days: obrigatório, uma lista de dias da semana de 1 (segunda-feira) "
                    + "a 7 (domingo).");
        }
        List<Integer> numbers = new ArrayList<>();
        for (int d = 0; d < days.size(); d++) {
            if (!days.get(d).isIntegralNumber() || !days.get(d).canConvertToInt()) {
                throw new InvalidRequestException(at + "days[" + d + "]: deve ser um número de 1 (segunda-feira) a 7 "
                        + "(domingo).");
            }
            numbers.add(days.get(d).asInt());
        }
        JsonNode time = node.get("time");
        if (time == null || !time.isTextual()) {
            throw new InvalidRequestException(at + "time: obrigatório, a hora como texto HH:mm (16:30).");
        }
        return new ScheduleSettings.Times(numbers, time.asText());
    }

    static Map<String, Object> view(RemessaSchedule schedule) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("timeZone", RemessaSchedule.ZONE.getId());
        v.put("days", schedule.days());
        v.put("time", schedule.time().toString());
        v.put("accounts", schedule.accounts().stream().map(a -> {
            Map<String, Object> account = new LinkedHashMap<>();
            account.put("bankCode", a.bankCode());
            account.put("agency", a.agency());
            account.put("account", a.account());
            account.put("agreement", a.agreement());
            account.put("days", a.days());
            account.put("time", a.time().toString());
            return account;
        }).toList());
        return v;
    }
}
