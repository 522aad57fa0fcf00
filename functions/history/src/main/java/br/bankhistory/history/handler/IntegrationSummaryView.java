package br.bankhistory.history.handler;

import br.bankhistory.history.domain.IntegrationRecord;

import java.util.Map;

/** One row of the history list, as the API returns it. Times are UTC ISO-8601. */
record IntegrationSummaryView(String id, String receivedAt, String generatedOn, String fileName, String kind,
                              String kindLabel, String direction, String service, String layout, String bankCode,
                              String bankName, String agency, String account, String agreement,
                              long sequenceNumber, long itemCount, long totalAmountCents, long totalPaidCents,
                              String status, String origin, String userName, Map<String, Long> findingCounts) {

    static IntegrationSummaryView of(IntegrationRecord r) {
        return new IntegrationSummaryView(r.id(), r.receivedAt().toString(),
                r.generatedOn() == null ? null : r.generatedOn().toString(), r.fileName(), r.kind().name(),
                r.kind().label(), r.direction(), r.service(), r.layout(), r.bankCode(), r.bankName(), r.agency(),
                r.account(), r.agreement(), r.sequenceNumber(), r.itemCount(), r.totalAmountCents(),
                r.totalPaidCents(), r.status().name(), r.origin().name(), r.userName(), r.findingCounts());
    }
}
