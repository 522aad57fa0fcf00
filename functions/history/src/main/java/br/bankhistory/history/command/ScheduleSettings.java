package br.bankhistory.history.command;

import br.bankhistory.history.domain.Identity;
import br.bankhistory.history.domain.InvalidRequestException;
import br.bankhistory.history.domain.RemessaSchedule;
import br.bankhistory.history.port.SettingsStore;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * When the tenant's scheduled remessas run (docs/remessa-lifecycle.md, "Pending instructions and scheduled
 * remessas"): read and replaced by admins only; a schedule that could not run is refused with 400 naming its
 * field, and nothing is saved.
 */
public final class ScheduleSettings {

    private static final String ADMINS_ONLY = "Somente administradores podem ver ou alterar o horário das remessas "
            + "programadas.";

    public static final int MAX_ACCOUNTS = 100;
    /** A quarter hour: the schedule fires every 15 minutes, so any other minute would run late. */
    private static final Pattern TIME = Pattern.compile("([01]\\d|2[0-3]):(00|15|30|45)");
    private static final Pattern BANK = Pattern.compile("\\d{3}");

    /** Days and time as the request gives them. */
    public record Times(List<Integer> days, String time) {
    }

    public record AccountRequest(String bankCode, String agency, String account, String agreement, Times times) {
    }

    /** @param timeZone null, or the one zone the schedule keeps (America/Sao_Paulo) */
    public record Request(String timeZone, Times times, List<AccountRequest> accounts) {
    }

    private final SettingsStore settings;

    public ScheduleSettings(SettingsStore settings) {
        this.settings = settings;
    }

    public RemessaSchedule schedule(Identity caller) {
        caller.requireAdmin(ADMINS_ONLY);
        return settings.remessaSchedule(caller.tenant());
    }

    public RemessaSchedule replace(Identity caller, Request request) {
        caller.requireAdmin(ADMINS_ONLY);
        if (request.timeZone() != null && !request.timeZone().equals(RemessaSchedule.ZONE.getId())) {
            throw invalid("timeZone", "o horário da remessa programada é sempre o de Brasília ("
                    + RemessaSchedule.ZONE.getId() + "); recebido " + request.timeZone() + ".");
        }
        List<Integer> days = days("days", request.times().days());
        LocalTime time = time("time", request.times().time());
        if (request.accounts().size() > MAX_ACCOUNTS) {
            throw invalid("accounts", "no máximo " + MAX_ACCOUNTS + " contas.");
        }
        List<RemessaSchedule.AccountTimes> accounts = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < request.accounts().size(); i++) {
            AccountRequest a = request.accounts().get(i);
            String at = "accounts[" + i + "]";
            if (a.bankCode() == null || !BANK.matcher(a.bankCode()).matches()) {
                throw invalid(at + ".bankCode", "o código do banco, 3 dígitos (341).");
            }
            String agency = digits(a.agency());
            String account = digits(a.account());
            String agreement = digits(a.agreement());
            if (account.isEmpty() && agreement.isEmpty()) {
                throw invalid(at + ".account", "informe a conta (com a agência) ou o convênio (agreement).");
            }
            if (!account.isEmpty() && agency.isEmpty()) {
                throw invalid(at + ".agency", "obrigatória com a conta.");
            }
            RemessaSchedule.AccountTimes times = new RemessaSchedule.AccountTimes(a.bankCode(), agency, account,
                    agreement, days(at + ".days", a.times().days()), time(at + ".time", a.times().time()));
            if (!seen.add(times.accountKey())) {
                throw invalid(at, "a conta " + times.accountKey().replace("/REMESSA", "") + " já está na lista.");
            }
            accounts.add(times);
        }
        RemessaSchedule schedule = new RemessaSchedule(days, time, accounts);
        settings.saveRemessaSchedule(caller.tenant(), schedule, caller.userId());
        return schedule;
    }

    private static List<Integer> days(String field, List<Integer> days) {
        if (days == null || days.isEmpty()) {
            throw invalid(field, "informe ao menos um dia da semana, de 1 (segunda-feira) a 7 (domingo).");
        }
        Set<Integer> sorted = new TreeSet<>();
        for (int i = 0; i < days.size(); i++) {
            int day = days.get(i);
            if (day < 1 || day > 7) {
                throw invalid(field + "[" + i + "]", "de 1 (segunda-feira) a 7 (domingo); recebido " + day + ".");
            }
            if (!sorted.add(day)) {
                throw invalid(field + "[" + i + "]", "o dia " + day + " já está na lista.");
            }
        }
        return List.copyOf(sorted);
    }

    private static LocalTime time(String field, String time) {
        if (time == null || !TIME.matcher(time).matches()) {
            throw invalid(field, "informe a hora como HH:mm, em quartos de hora (:00, :15, :30 ou :45), no horário "
                    + "de Brasília" + (time == null ? "." : "; recebido " + time + "."));
        }
        return LocalTime.parse(time);
    }

    private static String digits(String value) {
        return value == null ? "" : value.replaceAll("[^0-9]", "");
    }

    private static InvalidRequestException invalid(String field, String message) {
        return new InvalidRequestException(field + ": " + message);
    }

}
