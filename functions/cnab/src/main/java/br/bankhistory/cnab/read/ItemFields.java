package br.bankhistory.cnab.read;

import br.bankhistory.cnab.layout.FieldSpec;
import br.bankhistory.cnab.layout.RecordLayout;

/**
 * Which fields of one record type feed which part of an {@link br.bankhistory.cnab.Item}, resolved once
 * from the layout by the field names the layout files share (a field the record lacks is null). A record
 * fills only what the item does not have yet, so a complement (U, Q, B, J-52) never overwrites its opener.
 *
 * <p>Amounts by meaning: {@code amount} (valor do título / do pagamento), {@code paid_amount} or
 * {@code effective_amount} (valor pago), {@code net_amount} (líquido creditado), {@code fee},
 * {@code interest} or {@code charges} (juros/mora/encargos), {@code fine}, {@code discount}, {@code rebate},
 * {@code iof}, {@code other_credits}, {@code other_expenses}. Pagamento: {@code payee_bank},
 * {@code payee_agency}(+{@code _digit}), {@code payee_account}(+{@code _digit}), {@code barcode},
 * {@code authentication}. Pix: {@code pix_txid}, {@code pix_key_type}, {@code pix_key}, {@code pix_emv}.
 */
record ItemFields(FieldSpec ourNumber, FieldSpec yourNumber, FieldSpec dueDate, FieldSpec amount, FieldSpec paid,
                  FieldSpec fee, FieldSpec occurrenceDate, FieldSpec creditDate, FieldSpec counterpartName,
                  FieldSpec counterpartDocument, FieldSpec[] money, FieldSpec[] text) {

    /** Order of {@link #money}: the ItemDraft amounts other than title, paid and fee. */
    private static final String[][] MONEY = {{"net_amount"}, {"interest", "charges"}, {"fine"}, {"discount"},
            {"rebate"}, {"iof"}, {"other_credits"}, {"other_expenses"}};
    /** Order of {@link #text}. */
    private static final String[] TEXT = {"payee_bank", "payee_agency", "payee_agency_digit", "payee_account",
            "payee_account_digit", "barcode", "authentication", "pix_txid", "pix_key_type", "pix_key", "pix_emv"};

    static ItemFields of(RecordLayout layout) {
        FieldSpec[] money = new FieldSpec[MONEY.length];
        for (int i = 0; i < MONEY.length; i++) {
            money[i] = first(layout, MONEY[i]);
        }
        FieldSpec[] text = new FieldSpec[TEXT.length];
        for (int i = 0; i < TEXT.length; i++) {
            text[i] = first(layout, TEXT[i]);
        }
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
                first(layout, "payer_document", "payee_document", "beneficiary_document"),
                money, text);
    }

    /** Only the counterpart's name and document, from the named fields (e.g. J-52's beneficiário). */
    static ItemFields counterpartOnly(RecordLayout layout, String nameField, String documentField) {
        return new ItemFields(null, null, null, null, null, null, null, null, first(layout, nameField),
                first(layout, documentField), new FieldSpec[MONEY.length], new FieldSpec[TEXT.length]);
    }

    /** Whether the record has a paid column of its own (else a bank may print only the net credited). */
    boolean hasPaid() {
        return paid != null;
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
        fillMoney(record, item);
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
        fillText(record, item);
    }

    private void fillMoney(RecordCursor record, ItemDraft item) {
        if (money[0] != null && item.netCents == 0) {
            item.netCents = record.number(money[0]);
        }
        if (money[1] != null && item.interestCents == 0) {
            item.interestCents = record.number(money[1]);
        }
        if (money[2] != null && item.fineCents == 0) {
            item.fineCents = record.number(money[2]);
        }
        if (money[3] != null && item.discountCents == 0) {
            item.discountCents = record.number(money[3]);
        }
        if (money[4] != null && item.rebateCents == 0) {
            item.rebateCents = record.number(money[4]);
        }
        if (money[5] != null && item.iofCents == 0) {
            item.iofCents = record.number(money[5]);
        }
        if (money[6] != null && item.otherCreditsCents == 0) {
            item.otherCreditsCents = record.number(money[6]);
        }
        if (money[7] != null && item.otherDebitsCents == 0) {
            item.otherDebitsCents = record.number(money[7]);
        }
    }

    private void fillText(RecordCursor record, ItemDraft item) {
        if (text[0] != null && item.payeeBank.isEmpty()) {
            item.payeeBank = record.text(text[0]);
        }
        if (text[1] != null && item.payeeAgency.isEmpty()) {
            item.payeeAgency = record.joined(text[1], text[2]);
        }
        if (text[3] != null && item.payeeAccount.isEmpty()) {
            item.payeeAccount = record.joined(text[3], text[4]);
        }
        if (text[5] != null && item.barcode.isEmpty()) {
            item.barcode = record.text(text[5]);
        }
        if (text[6] != null && item.authentication.isEmpty()) {
            item.authentication = record.text(text[6]);
        }
        if (text[7] != null && item.pixTxid.isEmpty()) {
            item.pixTxid = record.text(text[7]);
        }
        if (text[8] != null && item.pixKeyType.isEmpty()) {
            item.pixKeyType = record.text(text[8]);
        }
        if (text[9] != null && item.pixKey.isEmpty()) {
            item.pixKey = record.text(text[9]);
        }
        if (text[10] != null && item.pixEmv.isEmpty()) {
            item.pixEmv = record.text(text[10]);
        }
    }
}
