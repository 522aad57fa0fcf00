package br.bankhistory.history.ingest;

import br.bankhistory.cnab.Category;
import br.bankhistory.cnab.Severity;
import br.bankhistory.history.domain.FileKind;
import br.bankhistory.history.domain.FileNames;
import br.bankhistory.history.domain.Identity;
import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.domain.Reconciliation;
import br.bankhistory.history.domain.RecordStatus;
import br.bankhistory.history.domain.RetryLaterException;
import br.bankhistory.history.domain.StatusChange;
import br.bankhistory.history.domain.StoredFinding;
import br.bankhistory.history.domain.StoredItem;
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
import java.util.Arrays;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

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
    /**
     * Remessas that never went to the bank: their titles answer nothing. A remessa waiting for its delivery, or
     * whose tries all failed, is not among them: a retorno answering it is the bank's word that the file reached
     * it (a try whose outcome was never known, a file also sent by hand), and it becomes processed by the bank.
     */
    private static final Set<RecordStatus> NOT_SENT = EnumSet.of(RecordStatus.REJECTED, RecordStatus.DUPLICATE,
            RecordStatus.POSSIBLE_DUPLICATE, RecordStatus.INCOMPLETE, RecordStatus.DISCARDED,
            RecordStatus.SUSPECT, RecordStatus.OTHER_BANK_FILE, RecordStatus.AWAITING_APPROVAL,
            RecordStatus.APPROVAL_REJECTED);
    /** The remessas a retorno's answer moves to PROCESSED_BY_BANK. */
    private static final Set<RecordStatus> ANSWERABLE = EnumSet.of(RecordStatus.GENERATED, RecordStatus.SENT,
            RecordStatus.APPROVED, RecordStatus.READY_TO_SEND, RecordStatus.DELIVERY_FAILED);
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
        private final Map<String, Integer> recordIndex = new HashMap<>();
        private int count;
        private byte[] rank;
        private int[] matchRecord;
        private int[] matchSeq;
        private int[] matchLine;
        private int[] repeatRecord;
        private int[] repeatSeq;
        private int[] repeatLine;
        /** What the links need of each title, kept from the first read: its line, category and whether it is cut. */
        private int[] lines = new int[ItemStore.CHUNK];
        private byte[] categories = new byte[ItemStore.CHUNK];
        private final BitSet partial = new BitSet();
        private final BitSet seen = new BitSet();
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
            forEachItem(retorno.id(), item -> {
                count = Math.max(count, item.seq());
                kept(item);
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
            rank = new byte[count + 1];
            Arrays.fill(rank, Byte.MAX_VALUE);
            matchRecord = new int[count + 1];
            matchSeq = new int[count + 1];
            matchLine = new int[count + 1];
            repeatRecord = filled(count + 1);
            repeatSeq = new int[count + 1];
            repeatLine = new int[count + 1];

            // 2. bucket by bucket: match, and join the index
            try (TitleIndex.Writer writer = index.writer(tenant, retorno.id(), retorno.bankCode(),
                    retorno.kind().name(), order)) {
                for (int bucket = 0; bucket < TitleIndex.BUCKETS; bucket++) {
                    List<OwnKeys.Key> mine = own.bucket(bucket);
                    if (mine.isEmpty()) {
                        continue;
                    }
                    match(mine, index.bucket(tenant, bucket));
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
            Answers answers = new Answers();
            long repeated = 0;
            Map<Integer, Reconciliation> links = new TreeMap<>();
            for (int seq = 1; seq <= count; seq++) {
                if (!seen.get(seq)) {
                    continue; // no title there (a record of the former layout may lack some)
                } else if (partial.get(seq)) {
                    links.put(seq, Reconciliation.partial());
                } else if (repeatRecord[seq] >= 0) {
                    IntegrationRecord first = record(recordIds.get(repeatRecord[seq])).orElseThrow();
                    links.put(seq, new Reconciliation(Reconciliation.Status.REPEATED, first.id(), first.fileName(),
                            repeatSeq[seq], repeatLine[seq], ""));
                    repeated++;
                } else if (rank[seq] != Byte.MAX_VALUE) {
                    IntegrationRecord remessa = record(recordIds.get(matchRecord[seq])).orElseThrow();
                    links.put(seq, new Reconciliation(Reconciliation.Status.MATCHED, remessa.id(), remessa.fileName(),
                            matchSeq[seq], matchLine[seq], ""));
                    Category category = Category.values()[categories[seq]];
                    answers.add(matchRecord[seq], matchSeq[seq], seq, lines[seq], category.name());
                    if (remessa.status() == RecordStatus.CANCELLED && ACTED_ON.contains(category.name())) {
                        actedOnCancelled.add(new Answered(seq, remessa, matchLine[seq], cancelledKeys.get(seq)));
                    }
                    if (disagrees.get(seq)) {
                        disagreeing.add(new Answered(seq, remessa, matchLine[seq], ""));
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
            if (repeated > 0) {
                countRepeatedApart(totals(), repeated);
            }
            if (!actedOnCancelled.isEmpty()) {
                reportActedOnCancelled();
            }
            if (!disagreeing.isEmpty()) {
                reportDisagreeing();
            }
            LOG.info("apply.done", Map.of("tenant", tenant, "recordId", retorno.id(), "titles", count,
                    "matched", answers.total, "repeated", repeated, "remessas", answers.byRemessa.size(),
                    "order", order));
        }

        /** One bucket: the retorno's keys against every entry of other records in it. */
        private void match(List<OwnKeys.Key> mine, List<TitleIndex.Found> found) {
            Map<String, List<TitleIndex.Found>> byKey = new HashMap<>();
            for (TitleIndex.Found f : found) {
                if (!f.recordId().equals(retorno.id()) && f.bankCode().equals(retorno.bankCode())) {
                    byKey.computeIfAbsent(f.entry().key(), k -> new ArrayList<>()).add(f);
                }
            }
            for (OwnKeys.Key k : mine) {
                for (TitleIndex.Found f : byKey.getOrDefault(k.key(), List.of())) {
                    if (k.event() != 0 && f.kind().equals(retorno.kind().name()) && f.order() > 0
                            && f.order() < order && f.entry().eventHash() == k.event()) {
                        repeated(k, f);
                    } else if (f.kind().equals(remessaKind.name())) {
                        candidate(k, f);
                    }
                }
            }
        }

        /** An earlier-applied retorno reported the same event: the earliest one is named. */
        private void repeated(OwnKeys.Key k, TitleIndex.Found f) {
            Optional<IntegrationRecord> earlier = record(f.recordId());
            if (earlier.isEmpty() || earlier.get().status() != RecordStatus.PROCESSED) {
                return;
            }
            int current = repeatRecord[k.seq()];
            if (current < 0 || f.recordId().compareTo(recordIds.get(current)) < 0) {
                repeatRecord[k.seq()] = indexOf(f.recordId());
                repeatSeq[k.seq()] = f.entry().seq();
                repeatLine[k.seq()] = f.entry().line();
            }
        }

        /**
         * A remessa title the retorno's title may answer: received before the retorno and sent (not rejected);
         * the most exact key wins, then a live remessa over a cancelled one, then the newest.
         */
        private void candidate(OwnKeys.Key k, TitleIndex.Found f) {
            if (f.recordId().compareTo(retorno.id()) > 0) {
                return; // record ids sort by receipt time: a remessa received after the retorno did not send it
            }
            Optional<IntegrationRecord> remessa = record(f.recordId());
            if (remessa.isEmpty() || NOT_SENT.contains(remessa.get().status())) {
                return;
            }
            if (TitleEvents.isYourNumberKey(k.key()) && k.check() != f.entry().eventHash()) {
                return; // seu número alone is not enough: the due date and the amount must be the title's
            }
            int seq = k.seq();
            boolean better;
            if (k.rank() != rank[seq]) {
                better = k.rank() < rank[seq];
            } else {
                // the same key: a live remessa before a cancelled one, then the newest
                boolean cancelled = remessa.get().status() == RecordStatus.CANCELLED;
                boolean currentCancelled = record(recordIds.get(matchRecord[seq])).map(r -> r.status()
                        == RecordStatus.CANCELLED).orElse(true);
                better = cancelled != currentCancelled ? !cancelled
                        : f.recordId().compareTo(recordIds.get(matchRecord[seq])) > 0;
            }
            if (better) {
                // a payment's answer echoes the date and amount asked for: another one is flagged, not unmatched
                disagrees.set(seq, k.check() != 0 && f.entry().eventHash() != 0 && k.check() != f.entry().eventHash());
                rank[seq] = (byte) k.rank();
                matchRecord[seq] = indexOf(f.recordId());
                matchSeq[seq] = f.entry().seq();
                matchLine[seq] = f.entry().line();
                if (remessa.get().status() == RecordStatus.CANCELLED) {
                    cancelledKeys.put(seq, f.entry().key());
                } else {
                    cancelledKeys.remove(seq);
                }
            }
        }

        /** A title the retorno answers that needs telling (by its position), with where its remessa has it. */
        private record Answered(int seq, IntegrationRecord remessa, int remessaLine, String key) {
        }

        private final List<Answered> actedOnCancelled = new ArrayList<>();
        /** Payments whose answer names a date or amount other than the remessa's. */
        private final BitSet disagrees = new BitSet();
        private final List<Answered> disagreeing = new ArrayList<>();
        /** The index key of the best match, for titles whose best match is a cancelled remessa's (few). */
        private final Map<Integer, String> cancelledKeys = new HashMap<>();

        /**
         * The bank acted on titles of remessas the company cancelled: an error on the record (the email shows it
         * first), and each title is pinned to its remessa, so it is no longer offered for a new one (it would
         * be billed twice).
         */
        private void reportActedOnCancelled() {
            for (Answered a : actedOnCancelled) {
                titles.settle(tenant, a.remessa(), a.key(), retorno.id());
            }
            StoredFinding finding = new StoredFinding(Severity.ERROR.name(), lines[actedOnCancelled.get(0).seq()], 0,
                    "TITLE_OF_CANCELLED_REMESSA", "",
                    actedOnCancelled.size() + " título(s) de remessas canceladas tiveram movimento no banco: "
                            + listed(actedOnCancelled, "remessa cancelada") + ". "
                            + (TitleEvents.payments(retorno.kind())
                            ? "O banco agendou ou pagou mesmo com a remessa cancelada: confira com o banco antes de "
                            + "pagar de novo."
                            : "O boleto continua registrado no banco: não o inclua numa nova remessa, e confira o "
                            + "cancelamento com o banco."),
                    actedOnCancelled.size() + " title(s) of cancelled remessas were acted on by the bank.");
            records.addFinding(tenant, retorno.id(), finding);
        }

        /** Payments answered with a date or an amount other than the ones sent: the finance team checks them. */
        private void reportDisagreeing() {
            StoredFinding finding = new StoredFinding(Severity.WARNING.name(), lines[disagreeing.get(0).seq()], 0,
                    "PAYMENT_DIFFERS_FROM_REMESSA", "",
                    disagreeing.size() + " pagamento(s) respondidos com data ou valor diferentes dos enviados: "
                            + listed(disagreeing, "remessa") + ". Confira o valor efetivado antes de dar baixa.",
                    disagreeing.size() + " payment(s) answered with a date or amount other than the remessa's.");
            records.addFinding(tenant, retorno.id(), finding);
        }

        /** The first ten titles, each with its number, what happened, and where its remessa has it. */
        private String listed(List<Answered> titles, String remessaWord) {
            List<String> shown = new ArrayList<>();
            List<Answered> first = titles.subList(0, Math.min(10, titles.size()));
            Map<Integer, StoredItem> read = itemsAt(first.stream().map(Answered::seq).toList());
            for (Answered a : first) {
                StoredItem title = read.get(a.seq());
                String number = TitleEvents.payments(retorno.kind()) ? "seu número " + title.yourNumber().strip()
                        : title.ourNumber().strip();
                shown.add(number + " (" + title.occurrenceText() + ", " + remessaWord + " "
                        + FileNames.display(a.remessa().fileName()) + ", linha " + a.remessaLine() + ")");
            }
            return String.join("; ", shown) + (titles.size() > shown.size() ? " e mais " + (titles.size()
                    - shown.size()) : "");
        }

        /** The titles at these positions, as the file gave them (their chunks read once each). */
        private Map<Integer, StoredItem> itemsAt(List<Integer> seqs) {
            Map<Integer, StoredItem> found = new HashMap<>();
            seqs.stream().map(ItemStore::chunkOf).distinct().forEach(chunk -> {
                for (StoredItem item : items.itemsOfChunk(tenant, retorno.id(), chunk)) {
                    if (seqs.contains(item.seq())) {
                        found.put(item.seq(), item);
                    }
                }
            });
            return found;
        }

        /**
         * The retorno's totals by category with its repeated events counted apart, under REPEATED (cut records not
         * counted, as the engine's totals do not count them). Only a retorno with repeated events needs them: its
         * chunks are read again for the amounts, which the first read does not keep.
         */
        private Map<String, Totals> totals() {
            Map<String, Totals> totals = new LinkedHashMap<>();
            forEachItem(retorno.id(), item -> {
                if (item.item().partial()) {
                    return;
                }
                String category = repeatRecord[item.seq()] >= 0 ? "REPEATED" : item.category();
                totals.merge(category, new Totals(1, item.amountCents(), item.paidCents(), item.feeCents()),
                        (a, b) -> new Totals(a.count() + b.count(), a.amountCents() + b.amountCents(),
                                a.paidCents() + b.paidCents(), a.feeCents() + b.feeCents()));
            });
            return totals;
        }

        /** What the links need of one title, kept as the retorno is first read. */
        private void kept(StoredItem item) {
            int seq = item.seq();
            if (seq >= lines.length) {
                int size = Math.max(seq + 1, lines.length * 2);
                lines = Arrays.copyOf(lines, size);
                categories = Arrays.copyOf(categories, size);
            }
            lines[seq] = item.line();
            categories[seq] = (byte) item.item().category().ordinal();
            partial.set(seq, item.item().partial());
            seen.set(seq);
        }

        /** Repeated events move out of their categories into REPEATED, with a finding that says how many. */
        private void countRepeatedApart(Map<String, Totals> totals, long repeated) {
            StoredFinding finding = new StoredFinding(Severity.WARNING.name(), 0, 0, "EVENTS_REPEATED", "",
                    repeated + " ocorrência(s) deste retorno já tinham sido informadas por retornos anteriores (mesmo "
                            + "título, ocorrência, data e valor): estão marcadas \"já informado\", contadas à parte e "
                            + "não foram aplicadas de novo.",
                    repeated + " event(s) of this retorno were reported by earlier retornos: counted apart, not "
                            + "applied again.");
            records.revise(tenant, retorno.id(), r -> {
                IntegrationRecord withTotals = r.withTotals(totals);
                return r.findings().stream().anyMatch(f -> f.code().equals("EVENTS_REPEATED")) ? withTotals
                        : withTotals.withFindings(List.of(finding));
            });
        }

        private Optional<IntegrationRecord> record(String id) {
            return cache.computeIfAbsent(id, key -> records.find(tenant, key));
        }

        private int indexOf(String id) {
            return recordIndex.computeIfAbsent(id, key -> {
                recordIds.add(key);
                return recordIds.size() - 1;
            });
        }

        /** The record's items as the file gave them, chunk by chunk (without links: those are what this writes). */
        private void forEachItem(String recordId, Consumer<StoredItem> each) {
            for (int chunk = 0; ; chunk++) {
                List<StoredItem> page = items.itemsOfChunk(tenant, recordId, chunk);
                page.forEach(each);
                if (page.size() < ItemStore.CHUNK) {
                    return;
                }
            }
        }

        /** The remessa side: per remessa and chunk, the titles answered, written once all are known. */
        private final class Answers {
            private final Map<Integer, Map<Integer, List<int[]>>> byRemessa = new TreeMap<>();
            private final Map<Integer, Map<String, Long>> counts = new TreeMap<>();
            private long total;

            void add(int remessa, int remessaSeq, int retornoSeq, int retornoLine, String category) {
                byRemessa.computeIfAbsent(remessa, r -> new TreeMap<>())
                        .computeIfAbsent(ItemStore.chunkOf(remessaSeq), c -> new ArrayList<>())
                        .add(new int[] {remessaSeq, retornoSeq, retornoLine, Category.valueOf(category).ordinal()});
                counts.computeIfAbsent(remessa, r -> new TreeMap<>()).merge(category, 1L, Long::sum);
                total++;
            }

            void write() {
                byRemessa.forEach((remessa, chunks) -> {
                    String remessaId = recordIds.get(remessa);
                    chunks.forEach((chunk, rows) -> {
                        Map<Integer, Reconciliation> bySeq = new TreeMap<>();
                        for (int[] row : rows) {
                            bySeq.put(row[0], new Reconciliation(Reconciliation.Status.ANSWERED, retorno.id(),
                                    retorno.fileName(), row[1], row[2], Category.values()[row[3]].name()));
                            record(remessaId).ifPresent(r -> settling.add(r, row[0], row[1]));
                        }
                        items.putAnswers(tenant, remessaId, chunk, retorno.id(), bySeq);
                    });
                    record(remessaId).ifPresent(r -> markProcessed(r, counts.get(remessa)));
                });
            }
        }

        /** A remessa the bank answered (one of ANSWERABLE) becomes processed by the bank, once. */
        private void markProcessed(IntegrationRecord remessa, Map<String, Long> answered) {
            RecordStatus status = remessa.status();
            if (!ANSWERABLE.contains(status)) {
                return;
            }
            StringBuilder reason = new StringBuilder("Respondida pelo retorno " + FileNames.display(retorno.fileName())
                    + ":");
            answered.forEach((category, n) -> reason.append(' ').append(category).append('=').append(n));
            records.changeStatus(tenant, remessa.id(), new StatusChange(clock.instant(), status,
                    RecordStatus.PROCESSED_BY_BANK, "", Identity.INTEGRATION_USER_NAME, reason.toString()));
        }
    }

    private static int[] filled(int size) {
        int[] array = new int[size];
        Arrays.fill(array, -1);
        return array;
    }
}
