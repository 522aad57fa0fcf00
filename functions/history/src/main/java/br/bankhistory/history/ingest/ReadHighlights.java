package br.bankhistory.history.ingest;

import br.bankhistory.cnab.PaymentDetails;
import br.bankhistory.history.domain.FileNames;
import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.domain.Reconciliation;
import br.bankhistory.history.domain.RecordStatus;
import br.bankhistory.history.domain.StoredItem;
import br.bankhistory.history.domain.TitleEvents;
import br.bankhistory.history.notify.AdminEmailComposer;
import br.bankhistory.history.notify.RejectedItemLine;
import br.bankhistory.history.notify.RetornoHighlights;
import br.bankhistory.history.port.ItemReader;
import br.bankhistory.history.port.RecordStore;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a processed retorno's email says first, read from its items once {@link ApplyRetorno} linked them: the
 * rejected ones (a payment's with its amount, date and seu número), the titles of cancelled remessas the bank
 * acted on, the titles no remessa sent. Bounded: the first {@value #MAX_ITEMS_SCANNED} items of a huge file.
 */
final class ReadHighlights {

    static final int MAX_ITEMS_SCANNED = 5_000;
    private static final Set<String> REJECTED = Set.of("ENTRY_REJECTED", "PAYMENT_REJECTED");
    private static final int PAGE = 500;
    private static final int MAX_LISTED = 50;

    private final ItemReader items;
    private final RecordStore records;

    ReadHighlights(ItemReader items, RecordStore records) {
        this.items = items;
        this.records = records;
    }

    RetornoHighlights read(IntegrationRecord record) {
        boolean payments = TitleEvents.payments(record.kind());
        Map<String, Optional<IntegrationRecord>> remessas = new HashMap<>();
        List<RejectedItemLine> rejected = new ArrayList<>();
        List<RetornoHighlights.CancelledRemessaTitle> cancelled = new ArrayList<>();
        List<String> notFound = new ArrayList<>();
        long notFoundCount = 0;
        int after = 0;
        int scanned = 0;
        boolean complete = false;
        while (scanned < MAX_ITEMS_SCANNED) {
            ItemReader.ItemPage page = items.page(record.tenant(), record.id(), after, PAGE);
            for (StoredItem item : page.items()) {
                String number = payments ? item.yourNumber() : item.ourNumber();
                if (REJECTED.contains(item.category()) && rejected.size() < AdminEmailComposer.MAX_REJECTED_LINES) {
                    rejected.add(rejectedLine(item));
                }
                Reconciliation link = item.reconciliation();
                if (link == null) {
                    continue;
                }
                if (link.status() == Reconciliation.Status.NOT_FOUND) {
                    notFoundCount++;
                    if (notFound.size() < MAX_LISTED) {
                        notFound.add(number);
                    }
                } else if (link.status() == Reconciliation.Status.MATCHED
                        && ApplyRetorno.ACTED_ON.contains(item.category()) && cancelled.size() < MAX_LISTED) {
                    Optional<IntegrationRecord> remessa = remessas.computeIfAbsent(link.recordId(),
                            id -> records.find(record.tenant(), id));
                    if (remessa.isPresent() && remessa.get().status() == RecordStatus.CANCELLED) {
                        cancelled.add(new RetornoHighlights.CancelledRemessaTitle(number, item.category(),
                                FileNames.display(remessa.get().fileName()), item.amountCents()));
                    }
                }
            }
            scanned += page.items().size();
            if (page.lastSeq().isEmpty()) {
                complete = true;
                break;
            }
            after = page.lastSeq().get();
        }
        return new RetornoHighlights(rejected, cancelled, notFound, notFoundCount, complete);
    }

    /** A rejected title, or a payment with the amount and date asked for and the company's number. */
    private static RejectedItemLine rejectedLine(StoredItem item) {
        PaymentDetails payment = item.payment();
        String yourNumber = payment != null && payment.companyNumber() != null && !payment.companyNumber().isBlank() ? payment.companyNumber()
                : item.yourNumber();
        long amount = payment != null && payment.scheduledCents() != 0 ? payment.scheduledCents() : item.amountCents();
        LocalDate date = payment != null && payment.scheduledDate() != null ? payment.scheduledDate() : item.dueDate();
        return new RejectedItemLine(item.ourNumber(), yourNumber, item.counterpartName(),
                item.occurrenceCode() + " - " + item.occurrenceText(), item.reasons(), amount, date);
    }
}
