package br.bankhistory.history.ingest;

import br.bankhistory.cnab.Category;
import br.bankhistory.history.domain.FileKind;
import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.domain.Reconciliation;
import br.bankhistory.history.domain.RecordStatus;
import br.bankhistory.history.domain.RetryLaterException;
import br.bankhistory.history.domain.TitleEvents;
import br.bankhistory.history.domain.Totals;
import br.bankhistory.history.log.JsonLog;
import br.bankhistory.history.port.ItemStore;
import br.bankhistory.history.port.Leases;
import br.bankhistory.history.port.RecordStore;
import br.bankhistory.history.port.TitleIndex;
import br.bankhistory.history.titles.TitleRegistry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

/**
 * Applies a processed retorno to the history (docs/remessa-lifecycle.md, "Reconciliation"), whatever its size:
 * each title event an earlier retorno already reported is marked "já informado" and not applied again; every
 * other title is linked to the remessa title that sent it (both ways) or marked "não localizado"; each remessa
 * answered moves to "processada pelo banco"; the pending instructions answered are settled
 * ({@link SettleInstructions}); the retorno's titles join the title index.
 *
 * <p>Retornos of one bank of a tenant apply one at a time (a lease), each with an order of application taken
 * once, so "earlier" means applied before, and a repeated application (a retry, a follow-up) reaches the same
 * result. The work goes bucket by bucket of the {@link TitleIndex}: the retorno's keys are spread into 1,024
 * compact buffers, each bucket is read once and matched, and the results are kept in arrays by position, so
 * memory is a few dozen bytes per title and the reads do not depend on how many titles share a bucket's
 * history.
 */
public final class ApplyRetorno {

    /** Longer than a FollowUp or Ingest invocation can run: a holder that died frees it by then. */
    static final Duration LEASE = Duration.ofMinutes(16);
    /** What a retorno says of a cancelled remessa's title that makes it an error: the bank acted on it. */
    static final Set<String> ACTED_ON = Set.of("PAID", "WRITTEN_OFF", "ENTRY_CONFIRMED", "PROTESTED",
            "EFFECTED", "SCHEDULED", "CHANGED");
    private static final JsonLog LOG = JsonLog.of(ApplyRetorno.class);

    private final RecordStore records;
    private final ItemStore items;
    private final TitleIndex index;
    private final Leases leases;
    private final TitleRegistry titles;
    private final SettleInstructions settle;
    private final Clock clock;

    public ApplyRetorno(RecordStore records, ItemStore items, TitleIndex index, Leases leases, TitleRegistry titles,
                        SettleInstructions settle, Clock clock) {
        this.records = records;
        this.items = items;
        this.index = index;
        this.leases = leases;
        this.titles = titles;
        this.settle = settle;
        this.clock = clock;
    }

    public void apply(IntegrationRecord retorno) {
        FileKind remessaKind = retorno.kind() == null ? null : retorno.kind().remessaAnswered();
        if (remessaKind == null || retorno.status() != RecordStatus.PROCESSED) {
            return;
        }
        String lease = "apply#" + retorno.bankCode();
        Instant now = clock.instant();
        if (!leases.acquire(retorno.tenant(), lease, retorno.id(), now, now.plus(LEASE))) {
            throw new RetryLaterException("another retorno of bank " + retorno.bankCode() + " of tenant "
                    + retorno.tenant() + " is being applied; " + retorno.id() + " is applied after it");
        }
        try {
            new Application(retorno, remessaKind).run();
        } finally {
            leases.release(retorno.tenant(), lease, retorno.id());
        }
    }

    /** One application of one retorno. */
    private final class Application {

        private final IntegrationRecord retorno;
        private final FileKind remessaKind;
        private final String tenant;
        private final long order;
        private final OwnKeys own = new OwnKeys();
        private final Map<String, Optional<IntegrationRecord>> cache = new HashMap<>();
        /** The records results point at, by their index in this list. */
        private final List<String> recordIds = new ArrayList<>();
        private int count;
        /** What the links need of each title, kept from the first read. */
        private final KeptTitles kept = new KeptTitles();
        private final SettleInstructions.Batch settling;

        Application(IntegrationRecord retorno, FileKind remessaKind) {
            this.retorno = retorno;
            this.remessaKind = remessaKind;
            this.tenant = retorno.tenant();
            OptionalLong applied = index.order(tenant, retorno.id());
            this.order = applied.isPresent() ? applied.getAsLong() : index.nextOrder(tenant);
            this.settling = settle.batch(retorno, order);
        }

        void run() {
            // 1. the retorno's keys, spread by bucket
            items.forEachItem(tenant, retorno.id(), item -> {
                count = Math.max(count, item.seq());
                kept.keep(item);
                if (item.item().partial()) {
                    return; // a cut record: nothing it says is applied
                }
                String exact = TitleEvents.key(retorno.kind(), item);
                long event = exact.isEmpty() ? 0 : TitleEvents.eventHash(retorno.bankCode(), exact, item);
                List<TitleEvents.KeyAndCheck> keys = TitleEvents.candidates(retorno.kind(), item, retorno.agreement());
                for (int r = 0; r < keys.size(); r++) {
                    String key = keys.get(r).key();
                    own.add(key, item.seq(), item.line(), r, r == 0 && key.equals(exact) ? event : 0,
                            keys.get(r).check());
                }
            });
            TitleMatches matches = new TitleMatches(retorno, remessaKind, order, count, this::record, recordIds);

            // 2. bucket by bucket: match, and join the index
            try (TitleIndex.Writer writer = index.writer(tenant, retorno.id(), retorno.bankCode(),
                    retorno.kind().name(), order)) {
                for (int bucket = 0; bucket < TitleIndex.BUCKETS; bucket++) {
                    List<OwnKeys.Key> mine = own.bucket(bucket);
                    if (mine.isEmpty()) {
                        continue;
                    }
                    matches.match(mine, index.bucket(tenant, bucket));
                    List<TitleIndex.Entry> entries = new ArrayList<>();
                    for (OwnKeys.Key k : mine) {
                        if (k.rank() == 0 && !TitleEvents.isYourNumberKey(k.key())) {
                            entries.add(new TitleIndex.Entry(k.key(), k.seq(), k.line(), k.event()));
                        }
                    }
                    if (!entries.isEmpty()) {
                        writer.add(bucket, entries);
                    }
                }
            }

            // 3. links on both sides (from what the first read kept: the chunks are not read again), remessas answered
            RemessaAnswers answers = new RemessaAnswers(records, items, clock, retorno, settling, recordIds,
                    this::record);
            long repeated = 0;
            Map<Integer, Reconciliation> links = new TreeMap<>();
            for (int seq = 1; seq <= count; seq++) {
                if (!kept.seen(seq)) {
                    continue; // no title there (a record of the former layout may lack some)
                } else if (kept.partial(seq)) {
                    links.put(seq, Reconciliation.partial());
                } else if (matches.repeatRecord[seq] >= 0) {
                    IntegrationRecord first = record(recordIds.get(matches.repeatRecord[seq])).orElseThrow();
                    links.put(seq, new Reconciliation(Reconciliation.Status.REPEATED, first.id(), first.fileName(),
                            matches.repeatSeq[seq], matches.repeatLine[seq], ""));
                    repeated++;
                } else if (matches.rank[seq] != Byte.MAX_VALUE) {
                    IntegrationRecord remessa = record(recordIds.get(matches.matchRecord[seq])).orElseThrow();
                    links.put(seq, new Reconciliation(Reconciliation.Status.MATCHED, remessa.id(), remessa.fileName(),
                            matches.matchSeq[seq], matches.matchLine[seq], ""));
                    Category category = kept.category(seq);
                    answers.add(matches.matchRecord[seq], matches.matchSeq[seq], seq, kept.line(seq), category.name());
                    if (remessa.status() == RecordStatus.CANCELLED && ACTED_ON.contains(category.name())) {
                        actedOnCancelled.add(new RetornoFindings.Answered(seq, remessa, matches.matchLine[seq],
                                matches.cancelledKeys.get(seq)));
                    }
                    if (matches.disagrees.get(seq)) {
                        disagreeing.add(new RetornoFindings.Answered(seq, remessa, matches.matchLine[seq], ""));
                    }
                } else {
                    links.put(seq, Reconciliation.notFound());
                }
                boolean chunkEnds = seq == count || ItemStore.chunkOf(seq + 1) != ItemStore.chunkOf(seq);
                if (chunkEnds && !links.isEmpty()) {
                    items.putLinks(tenant, retorno.id(), ItemStore.chunkOf(seq), links);
                    links.clear();
                }
            }
            answers.write();
            settling.run();
            RetornoFindings findings = new RetornoFindings(records, items, titles, retorno);
            if (repeated > 0) {
                findings.repeatedApart(totals(matches), repeated);
            }
            if (!actedOnCancelled.isEmpty()) {
                findings.actedOnCancelled(actedOnCancelled, kept.line(actedOnCancelled.get(0).seq()));
            }
            if (!disagreeing.isEmpty()) {
                findings.disagreeing(disagreeing, kept.line(disagreeing.get(0).seq()));
            }
            LOG.info("apply.done", Map.of("tenant", tenant, "recordId", retorno.id(), "titles", count,
                    "matched", answers.total(), "repeated", repeated, "remessas", answers.remessas(),
                    "order", order));
        }

        private final List<RetornoFindings.Answered> actedOnCancelled = new ArrayList<>();
        private final List<RetornoFindings.Answered> disagreeing = new ArrayList<>();
        /**
         * The retorno's totals by category with its repeated events counted apart, under REPEATED (cut records not
         * counted, as the engine's totals do not count them). Only a retorno with repeated events needs them: its
         * chunks are read again for the amounts, which the first read does not keep.
         */
        private Map<String, Totals> totals(TitleMatches matches) {
            Map<String, Totals> totals = new LinkedHashMap<>();
            items.forEachItem(tenant, retorno.id(), item -> {
                if (item.item().partial()) {
                    return;
                }
                String category = matches.repeatRecord[item.seq()] >= 0 ? "REPEATED" : item.category();
                totals.merge(category, new Totals(1, item.amountCents(), item.paidCents(), item.feeCents()),
                        Totals::plus);
            });
            return totals;
        }

        private Optional<IntegrationRecord> record(String id) {
            return cache.computeIfAbsent(id, key -> records.find(tenant, key));
        }

    }
}
