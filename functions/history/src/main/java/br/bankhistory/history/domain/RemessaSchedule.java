package br.bankhistory.history.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * When a tenant's scheduled remessas are generated (docs/remessa-lifecycle.md, "Pending instructions and
 * scheduled remessas"): days of the week and a time in America/Sao_Paulo, for every account, or for one bank
 * account in particular. A slot is one day's time: it is due from that time to the end of that day, and runs once.
 *
 * @param days     ISO days of the week, 1 (Monday) to 7 (Sunday), in rising order
 * @param time     a quarter hour (the schedule fires every 15 minutes)
 * @param accounts the accounts with their own days and time
 */
public record RemessaSchedule(List<Integer> days, LocalTime time, List<AccountTimes> accounts) {

    public static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");
    /** Weekdays at 16:30, when a tenant set nothing. */
    public static final RemessaSchedule DEFAULT = new RemessaSchedule(List.of(1, 2, 3, 4, 5), LocalTime.of(16, 30),
            List.of());
    private static final DateTimeFormatter SLOT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    /** One bank account (or convênio) with its own days and time. */
    public record AccountTimes(String bankCode, String agency, String account, String agreement, List<Integer> days,
                               LocalTime time) {

        public AccountTimes {
            days = List.copyOf(days);
        }

        /** The account as the scheduled run groups instructions (bank, agency and account, or the convênio). */
        public String accountKey() {
            return Accounts.sequenceKey(bankCode, agency, account, agreement, "REMESSA");
        }
    }

    public RemessaSchedule {
        days = List.copyOf(days);
        accounts = List.copyOf(accounts);
    }

    /**
     * The slot of the account that is due at {@code at} ({@code 2026-11-23T16:30}, São Paulo), if the day is one of
     * its days and its time has come; empty otherwise.
     *
     * @param accountKey as {@link AccountTimes#accountKey()}: bank/agency/account/REMESSA
     */
    public Optional<String> dueSlot(String accountKey, Instant at) {
        List<Integer> whichDays = days;
        LocalTime when = time;
        for (AccountTimes a : accounts) {
            if (a.accountKey().equals(accountKey)) {
                whichDays = a.days();
                when = a.time();
            }
        }
        ZonedDateTime local = at.atZone(ZONE);
        DayOfWeek day = local.getDayOfWeek();
        if (!whichDays.contains(day.getValue()) || local.toLocalTime().isBefore(when)) {
            return Optional.empty();
        }
        return Optional.of(SLOT.format(local.toLocalDate().atTime(when)));
    }
}
