package br.bankhistory.history.domain;

import br.bankhistory.cnab.Amounts;
import br.bankhistory.cnab.Item;
import br.bankhistory.cnab.PaymentDetails;
import br.bankhistory.cnab.Pix;
import br.bankhistory.cnab.StatementEntry;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One title or payment of a recorded file, as the history keeps it: the engine's item whole (every amount by
 * its meaning, a payment's details, a boleto's Pix, a statement entry), with its file's id, name and position,
 * and how reconciliations linked it.
 *
 * @param seq            the item's position in its file, from 1
 * @param reconciliation how it links to another file now (a retorno's match; a remessa title's latest
 *                       answer), or null before any reconciliation
 * @param answers        a remessa title's answers, every retorno that answered it, oldest first; empty
 *                       otherwise
 * @param credit         a cobrança credit's link between an extrato entry and retornos (docs/remessa-lifecycle.md),
 *                       or null
 */
public record StoredItem(String recordId, int seq, String fileName, Item item, Reconciliation reconciliation,
                         List<Reconciliation> answers, CreditLink credit) {

    public StoredItem {
        Objects.requireNonNull(item, "item");
        answers = answers == null ? List.of() : List.copyOf(answers);
    }

    public StoredItem(String recordId, int seq, String fileName, Item item, Reconciliation reconciliation,
                      List<Reconciliation> answers) {
        this(recordId, seq, fileName, item, reconciliation, answers, null);
    }

    public static StoredItem of(String recordId, String fileName, int seq, Item item) {
        return new StoredItem(recordId, seq, fileName, item, null, List.of());
    }

    /** The same item with its links as a reconciliation left them. */
    public StoredItem linked(Reconciliation now, List<Reconciliation> history) {
        return new StoredItem(recordId, seq, fileName, item, now, history, credit);
    }

    /** The same item with its cobrança credit's link. */
    public StoredItem withCredit(CreditLink link) {
        return new StoredItem(recordId, seq, fileName, item, reconciliation, answers, link);
    }

    public int line() {
        return item.line();
    }

    public String segment() {
        return item.segment();
    }

    public String ourNumber() {
        return item.ourNumber();
    }

    public String yourNumber() {
        return item.yourNumber();
    }

    public String occurrenceCode() {
        return item.occurrenceCode();
    }

    public String occurrenceText() {
        return item.occurrenceText();
    }

    /** The normalised outcome, by name ({@link br.bankhistory.cnab.Category}). */
    public String category() {
        return item.category().name();
    }

    public List<String> reasons() {
        return item.reasons();
    }

    public LocalDate dueDate() {
        return item.dueDate();
    }

    public long amountCents() {
        return item.amountCents();
    }

    public long paidCents() {
        return item.paidCents();
    }

    public long feeCents() {
        return item.feeCents();
    }

    public LocalDate occurrenceDate() {
        return item.occurrenceDate();
    }

    public LocalDate creditDate() {
        return item.creditDate();
    }

    public String counterpartName() {
        return item.counterpartName();
    }

    public String counterpartDocument() {
        return item.counterpartDocument();
    }

    /** Every amount by its meaning (never null). */
    public Amounts amounts() {
        return item.amounts();
    }

    /** A payment's details, or null for a title. */
    public PaymentDetails payment() {
        return item.payment();
    }

    /** A boleto's Pix, or null. */
    public Pix pix() {
        return item.pix();
    }

    /** A bank statement's entry, or null. */
    public StatementEntry entry() {
        return item.entry();
    }
}
