package br.bankhistory.history.ingest;

import br.bankhistory.history.domain.CreditDay;
import br.bankhistory.history.domain.CreditLink;
import br.bankhistory.history.domain.CreditMatching;
import br.bankhistory.history.domain.FileKind;
import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.domain.RecordCredits;
import br.bankhistory.history.domain.RecordStatus;
import br.bankhistory.history.domain.RetryLaterException;
import br.bankhistory.history.log.JsonLog;
import br.bankhistory.history.port.CreditBook;
import br.bankhistory.history.port.ItemStore;
import br.bankhistory.history.port.Leases;
import br.bankhistory.history.port.RecordStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Matches an extrato's cobrança credits to the retornos whose credited totals they are, by tenant, bank, date
 * and amount (docs/remessa-lifecycle.md, "Cobrança credits in the extrato"), whichever file arrived first: the
 * file's credits of each date are put in that date's {@link CreditDay} (its part replaced whole), the day is
 * matched again by {@link CreditMatching}, and every file of the day gets its links of the date. An extrato's
 * entries no retorno accounts for are a warning on it, kept up to date as retornos arrive. A file no longer
 * processed (a reprocessing) leaves its days. The bank's files match one at a time (a lease), so each day is
 * read and written by one at a time; repeating it changes nothing.
 */
public final class MatchCredits {

    static final Duration LEASE = ApplyRetorno.LEASE;
    static final String NOT_MATCHED = "COBRANCA_CREDIT_NOT_MATCHED";
    private static final JsonLog LOG = JsonLog.of(MatchCredits.class);

    private final RecordStore records;
    private final ItemStore items;
    private final CreditBook book;
    private final Leases leases;
    private final Clock clock;

    public MatchCredits(RecordStore records, ItemStore items, CreditBook book, Leases leases, Clock clock) {
        this.records = records;
        this.items = items;
        this.book = book;
        this.leases = leases;
        this.clock = clock;
    }

    public void match(IntegrationRecord record) {
        if (record.kind() != FileKind.EXTRATO && record.kind() != FileKind.RETORNO_COBRANCA) {
            return;
        }
        String tenant = record.tenant();
        String lease = "credits#" + record.bankCode();
        Instant now = clock.instant();
        if (!leases.acquire(tenant, lease, record.id(), now, now.plus(LEASE))) {
            throw new RetryLaterException("the credits of bank " + record.bankCode() + " of tenant " + tenant
                    + " are being matched; " + record.id() + " is matched after them");
        }
        try {
            run(record);
        } finally {
            leases.release(tenant, lease, record.id());
        }
    }

    private void run(IntegrationRecord record) {
        String tenant = record.tenant();
        Map<LocalDate, List<CreditDay.Credit>> mine = record.status() == RecordStatus.PROCESSED ? creditsOf(record)
                : Map.of();
        RecordCredits own = book.credits(tenant, record.id());
        Set<LocalDate> days = new TreeSet<>(own.days());
        days.addAll(mine.keySet());
        Map<String, RecordCredits> sides = new HashMap<>();
        sides.put(record.id(), own.withDays(mine.keySet()));
        Set<String> extratos = new TreeSet<>();
        if (record.kind() == FileKind.EXTRATO) {
            extratos.add(record.id());
        }
        for (LocalDate date : days) {
            List<CreditDay.Credit> given = mine.getOrDefault(date, List.of());
            boolean extrato = record.kind() == FileKind.EXTRATO;
            CreditDay day = book.day(tenant, record.bankCode(), date)
                    .replacing(record.id(), extrato ? List.of() : given, extrato ? given : List.of());
            book.putDay(tenant, day);
            Map<String, Map<String, CreditLink>> links = linksOf(day);
            day.entries().forEach(e -> extratos.add(e.recordId()));
            Set<String> touched = new TreeSet<>(links.keySet());
            touched.add(record.id());
            day.retornos().forEach(r -> touched.add(r.recordId()));
            for (String id : touched) {
                RecordCredits side = sides.computeIfAbsent(id, k -> book.credits(tenant, k));
                sides.put(id, side.withDay(date, links.getOrDefault(id, Map.of())));
            }
        }
        sides.values().forEach(side -> book.putCredits(tenant, side));
        extratos.forEach(id -> warnUnmatched(tenant, id, sides.get(id)));
        RecordCredits after = sides.get(record.id());
        LOG.info("credits.matched", Map.of("tenant", tenant, "recordId", record.id(), "days", days.size(),
                "matched", after.count(CreditLink.Status.MATCHED) + after.count(CreditLink.Status.CREDITED),
                "notFound", after.count(CreditLink.Status.NOT_FOUND)));
    }

    /** The day's links by file: each entry (matched or not) and each retorno it credits. */
    private static Map<String, Map<String, CreditLink>> linksOf(CreditDay day) {
        Map<String, Map<String, CreditLink>> out = new HashMap<>();
        CreditMatching.match(day).forEach((entry, retornos) -> {
            List<CreditLink.Party> with = retornos.stream().map(r -> new CreditLink.Party(r.recordId(), r.fileName(),
                    0, 0, r.amountCents())).toList();
            out.computeIfAbsent(entry.recordId(), k -> new TreeMap<>()).put(RecordCredits.entryKey(entry.seq()),
                    new CreditLink(with.isEmpty() ? CreditLink.Status.NOT_FOUND : CreditLink.Status.MATCHED,
                            day.date(), entry.amountCents(), with));
            CreditLink.Party by = new CreditLink.Party(entry.recordId(), entry.fileName(), entry.seq(), entry.line(),
                    entry.amountCents());
            for (CreditDay.Credit r : retornos) {
                out.computeIfAbsent(r.recordId(), k -> new TreeMap<>()).put(RecordCredits.dateKey(day.date()),
                        new CreditLink(CreditLink.Status.CREDITED, day.date(), r.amountCents(), List.of(by)));
            }
        });
        return out;
    }

    /** A file's credits by date: an extrato's cobrança entries, a retorno's net credited total per credit date. */
    private Map<LocalDate, List<CreditDay.Credit>> creditsOf(IntegrationRecord record) {
        String account = CreditDay.accountOf(record);
        Map<LocalDate, List<CreditDay.Credit>> entries = new TreeMap<>();
        Map<LocalDate, Long> totals = new TreeMap<>();
        items.forEachLinkedItem(record.tenant(), record.id(), item -> {
            if (record.kind() == FileKind.EXTRATO && CreditDay.cobranca(item.entry())) {
                entries.computeIfAbsent(item.entry().date(), d -> new ArrayList<>())
                        .add(new CreditDay.Credit(record.id(), record.fileName(), item.seq(), item.line(), account,
                                item.entry().amountCents()));
            } else if (record.kind() == FileKind.RETORNO_COBRANCA && RecordCredits.credited(item)) {
                totals.merge(item.creditDate(), item.amounts().netCreditedCents(), Long::sum);
            }
        });
        totals.forEach((date, cents) -> {
            if (cents > 0) {
                entries.put(date, List.of(new CreditDay.Credit(record.id(), record.fileName(), 0, 0, account, cents)));
            }
        });
        return entries;
    }

    /** The extrato's warning of its cobrança credits no retorno accounts for, replaced (or removed) each time. */
    private void warnUnmatched(String tenant, String extratoId, RecordCredits side) {
        List<CreditLink> unmatched = side == null ? List.of() : side.of(CreditLink.Status.NOT_FOUND);
        records.revise(tenant, extratoId, r -> r.withFindingReplaced(NOT_MATCHED,
                unmatched.isEmpty() ? null : CreditFindings.notMatched(unmatched)));
    }
}
