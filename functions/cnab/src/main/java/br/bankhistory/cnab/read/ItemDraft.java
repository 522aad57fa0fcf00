package br.bankhistory.cnab.read;

import br.bankhistory.cnab.Amounts;
import br.bankhistory.cnab.Category;
import br.bankhistory.cnab.CodeText;
import br.bankhistory.cnab.Item;
import br.bankhistory.cnab.PaymentDetails;
import br.bankhistory.cnab.PaymentForm;
import br.bankhistory.cnab.Pix;
import br.bankhistory.cnab.StatementEntry;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

/** The item being assembled from its records (e.g. a T waiting for its U). One per reader, reused. */
final class ItemDraft {

    boolean active;
    /** The segment (or 400 record type) that opened the item, e.g. 'T', 'P', 'A', '1'. */
    char opener;
    /** Whether the mandatory complement (U after T, Q after P) was seen. */
    boolean complemented;
    long line;
    String segment;
    String ourNumber;
    String yourNumber;
    String occurrenceCode;
    String occurrenceText;
    Category category;
    List<String> reasons;
    LocalDate dueDate;
    long amountCents;
    long paidCents;
    long feeCents;
    long netCents;
    long interestCents;
    long fineCents;
    long discountCents;
    long rebateCents;
    long iofCents;
    long otherCreditsCents;
    long otherDebitsCents;
    LocalDate occurrenceDate;
    LocalDate creditDate;
    String counterpartName;
    String counterpartDocument;
    /** Undecoded codes read from the records, decoded when the item completes. */
    String rawReasons;
    String rawOccurrences;
    /** Pagamento: the details (null for other items), filled from the payment's segments. */
    boolean payment;
    String formCode;
    String payeeBank;
    String payeeAgency;
    String payeeAccount;
    String barcode;
    String authentication;
    List<CodeText> paymentOccurrences;
    /** Pix of a boleto híbrido (empty strings when none). */
    String pixTxid;
    String pixKeyType;
    String pixKey;
    String pixEmv;
    /** Extrato entry (null for other items). */
    StatementEntry entry;
    /** The item holds a record cut short at the end of a truncated file. */
    boolean partial;

    void start(char openingSegment, long lineNumber) {
        active = true;
        opener = openingSegment;
        complemented = false;
        line = lineNumber;
        segment = SmallStrings.of(openingSegment);
        ourNumber = "";
        yourNumber = "";
        occurrenceCode = "";
        occurrenceText = "";
        category = Category.OTHER;
        reasons = List.of();
        dueDate = null;
        amountCents = 0;
        paidCents = 0;
        feeCents = 0;
        netCents = 0;
        interestCents = 0;
        fineCents = 0;
        discountCents = 0;
        rebateCents = 0;
        iofCents = 0;
        otherCreditsCents = 0;
        otherDebitsCents = 0;
        occurrenceDate = null;
        creditDate = null;
        counterpartName = "";
        counterpartDocument = "";
        rawReasons = "";
        rawOccurrences = "";
        payment = false;
        formCode = "";
        payeeBank = "";
        payeeAgency = "";
        payeeAccount = "";
        barcode = "";
        authentication = "";
        paymentOccurrences = List.of();
        pixTxid = "";
        pixKeyType = "";
        pixKey = "";
        pixEmv = "";
        entry = null;
        partial = false;
    }

    Amounts amounts() {
        return new Amounts(amountCents, paidCents, netCents, feeCents, interestCents, fineCents, discountCents,
                rebateCents, iofCents, otherCreditsCents, otherDebitsCents);
    }

    /**
     * The finished item to the totals (or, cut, to the findings as a partial item) and to the sink when there is
     * one.
     *
     * @return whether it counts: false for a cut record
     */
    boolean emit(Findings findings, Totals totals, Consumer<Item> sink) {
        boolean counts = !partial;
        if (counts) {
            totals.add(this);
        } else {
            findings.partialItem(line);
        }
        if (sink != null) {
            sink.accept(toItem());
        }
        return counts;
    }

    /** The forma de pagamento of the last code seen: every payment of a lote has the lote's code. */
    private String lastFormCode;
    private PaymentForm lastForm;

    private PaymentForm form() {
        if (formCode != lastFormCode) {
            lastForm = PaymentForm.ofCode(formCode);
            lastFormCode = formCode;
        }
        return lastForm;
    }

    Item toItem() {
        PaymentDetails details = payment
                ? new PaymentDetails(form(), formCode, yourNumber, ourNumber, dueDate, amountCents,
                        occurrenceDate, paidCents, counterpartDocument, payeeBank, payeeAgency, payeeAccount,
                        authentication, barcode, interestCents, fineCents, discountCents, rebateCents,
                        paymentOccurrences)
                : null;
        Pix pix = pixTxid.isEmpty() && pixKey.isEmpty() && pixEmv.isEmpty() ? null
                : new Pix(pixTxid, pixKeyType, pixKey, pixEmv);
        return new Item((int) Math.min(line, Integer.MAX_VALUE), segment, ourNumber, yourNumber, occurrenceCode,
                occurrenceText, category, reasons, dueDate, amountCents, paidCents, feeCents, occurrenceDate,
                creditDate, counterpartName, counterpartDocument, amounts(), details, pix, entry, partial);
    }
}
