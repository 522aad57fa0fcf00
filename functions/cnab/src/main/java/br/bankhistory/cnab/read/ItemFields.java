package br.bankhistory.cnab.read;

import br.bankhistory.cnab.layout.FieldSpec;
import br.bankhistory.cnab.layout.RecordLayout;

/**
 * Which fields of one record type feed which part of an {@link br.bankhistory.cnab.Item}, resolved once
 * from the layout by the field names the layout files share (a field the record lacks is null). A record
 * fills only what the item does not have yet, so a complement (U, Q, B, J-52) never overwrites its opener.
 */
record ItemFields(FieldSpec ourNumber, FieldSpec yourNumber, FieldSpec dueDate, FieldSpec amount, FieldSpec paid,
                  FieldSpec fee, FieldSpec occurrenceDate, FieldSpec creditDate, FieldSpec counterpartName,
                  FieldSpec counterpartDocument) {

    static ItemFields of(RecordLayout layout) {
        return new ItemFields(
                first(layout, "our_number"),
                first(layout, "document_number", "your_number"),
                first(layout, "due_date", "scheduled_date"),
                first(layout, "amount"),
                first(layout, "paid_amount", "effective_amount"),
                first(layout, "fee"),
                first(layout, "occurred_on", "effective_date", "payment_date"),
                first(layout, "credited_on"),
                first(layout, "payer_name", "payee_name", "beneficiary_name", "utility_name", "taxpayer_name"),
                first(layout, "payer_document", "payee_document", "beneficiary_document"));
    }

    /** Only the counterpart's name and document, from the named fields (e.g. J-52's beneficiário). */
    static ItemFields counterpartOnly(RecordLayout layout, String nameField, String documentField) {
        return new ItemFields(null, null, null, null, null, null, null, null, first(layout, nameField),
                first(layout, documentField));
    }

    private static FieldSpec first(RecordLayout layout, String... names) {
        for (String name : names) {
            var found = layout.find(name);
            if (found.isPresent()) {
                return found.get();
            }
        }
        return null;
    }

    /**
     * Copies the record's values into the item. Without {@code withText} (nobody will see the item, only
     * the totals) the text fields are skipped: they cannot produce findings, the numbers and dates can.
     */
    void fill(RecordCursor record, ItemDraft item, boolean withText) {
        if (withText && ourNumber != null && item.ourNumber.isEmpty()) {
            item.ourNumber = record.text(ourNumber);
        }
        if (withText && yourNumber != null && item.yourNumber.isEmpty()) {
            item.yourNumber = record.text(yourNumber);
        }
        if (dueDate != null && item.dueDate == null) {
            item.dueDate = record.date(dueDate);
        }
        if (amount != null && item.amountCents == 0) {
            item.amountCents = record.number(amount);
        }
        if (paid != null && item.paidCents == 0) {
            item.paidCents = record.number(paid);
        }
        if (fee != null && item.feeCents == 0) {
            item.feeCents = record.number(fee);
        }
        if (occurrenceDate != null && item.occurrenceDate == null) {
            item.occurrenceDate = record.date(occurrenceDate);
        }
        if (creditDate != null && item.creditDate == null) {
            item.creditDate = record.date(creditDate);
        }
        if (!withText) {
            return;
        }
        if (counterpartName != null && item.counterpartName.isEmpty()) {
            item.counterpartName = record.text(counterpartName);
        }
        if (counterpartDocument != null && item.counterpartDocument.isEmpty()) {
            item.counterpartDocument = record.text(counterpartDocument);
        }
    }
}
