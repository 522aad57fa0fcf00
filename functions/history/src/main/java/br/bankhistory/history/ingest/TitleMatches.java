package br.bankhistory.history.ingest;

import br.bankhistory.history.domain.FileKind;
import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.domain.RecordStatus;
import br.bankhistory.history.domain.TitleEvents;
import br.bankhistory.history.port.TitleIndex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The best answer for each title of a retorno, bucket by bucket of the {@link TitleIndex} (docs/remessa-lifecycle.md,
 * "Reconciliation"): the earliest earlier-applied retorno that reported the same event, or the remessa title it
 * answers (the most exact key, then a live remessa over a cancelled one, then the newest). Results are kept in
 * arrays by the title's position, a few dozen bytes per title.
 */
final class TitleMatches {

    /**
     * Remessas that never went to the bank: their titles answer nothing. A remessa waiting for its delivery, or
     * whose tries all failed, is not among them: a retorno answering it is the bank's word that the file reached
     * it (a try whose outcome was never known, a file also sent by hand), and it becomes processed by the bank.
     */
    private static final Set<RecordStatus> NOT_SENT = EnumSet.of(RecordStatus.REJECTED, RecordStatus.DUPLICATE,
            RecordStatus.POSSIBLE_DUPLICATE, RecordStatus.INCOMPLETE, RecordStatus.DISCARDED,
            RecordStatus.SUSPECT, RecordStatus.OTHER_BANK_FILE, RecordStatus.AWAITING_APPROVAL,
            RecordStatus.APPROVAL_REJECTED);

    private final IntegrationRecord retorno;
    private final FileKind remessaKind;
    private final long order;
    private final Function<String, Optional<IntegrationRecord>> record;
    /** The records results point at, by their index in this list (shared with the application). */
    private final List<String> recordIds;
    private final Map<String, Integer> recordIndex = new HashMap<>();
    /** The best match's key rank ({@code Byte.MAX_VALUE}: none), record, position and line, by title position. */
    final byte[] rank;
    final int[] matchRecord;
    final int[] matchSeq;
    final int[] matchLine;
    /** The earlier retorno that reported the same event (-1: none), its position and line. */
    final int[] repeatRecord;
    final int[] repeatSeq;
    final int[] repeatLine;
    /** Payments whose answer names a date or amount other than the remessa's. */
    final BitSet disagrees = new BitSet();
    /** The index key of the best match, for titles whose best match is a cancelled remessa's (few). */
    final Map<Integer, String> cancelledKeys = new HashMap<>();

    TitleMatches(IntegrationRecord retorno, FileKind remessaKind, long order, int count,
                 Function<String, Optional<IntegrationRecord>> record, List<String> recordIds) {
        this.retorno = retorno;
        this.remessaKind = remessaKind;
        this.order = order;
        this.record = record;
        this.recordIds = recordIds;
        rank = new byte[count + 1];
        Arrays.fill(rank, Byte.MAX_VALUE);
        matchRecord = new int[count + 1];
        matchSeq = new int[count + 1];
        matchLine = new int[count + 1];
        repeatRecord = new int[count + 1];
        Arrays.fill(repeatRecord, -1);
        repeatSeq = new int[count + 1];
        repeatLine = new int[count + 1];
    }

    /** One bucket: the retorno's keys against every entry of other records in it. */
    void match(List<OwnKeys.Key> mine, List<TitleIndex.Found> found) {
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
        Optional<IntegrationRecord> earlier = record.apply(f.recordId());
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
        Optional<IntegrationRecord> remessa = record.apply(f.recordId());
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
            boolean currentCancelled = record.apply(recordIds.get(matchRecord[seq])).map(r -> r.status()
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

    private int indexOf(String id) {
        return recordIndex.computeIfAbsent(id, key -> {
            recordIds.add(key);
            return recordIds.size() - 1;
        });
    }
}
