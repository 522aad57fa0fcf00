package br.bankhistory.history.statement;

import br.bankhistory.cnab.Amounts;
import br.bankhistory.cnab.Category;
import br.bankhistory.cnab.Item;
import br.bankhistory.cnab.PaymentDetails;
import br.bankhistory.history.domain.CreditLink;
import br.bankhistory.history.domain.Reconciliation;
import br.bankhistory.history.domain.StoredItem;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the statement's first page says, gathered in one pass over the items before they are drawn: sums by
 * outcome (every amount by its meaning), the net credited by credit date, how the titles reconciled, and the
 * exceptions a finance team looks for first (rejected, not found in any remessa, repeated), each list kept to
 * {@link #LISTED} items with its full count. Items read from a record cut short are counted apart, as the
 * record's totals do; repeated events are counted apart under {@code REPEATED}, as reconciliation does.
 */
final class StatementTally {

    /** Items kept per exception list; the count says how many there were. */
    static final int LISTED = 100;
    /** Credit dates kept; the others are summed together. */
    static final int CREDIT_DATES = 31;

    /** Count and sums of one outcome. */
    static final class Sum {
        long count;
        Amounts amounts = Amounts.ZERO;
        long effectiveCents;

        void add(Item item) {
            count++;
            amounts = amounts.plus(item.amounts());
            PaymentDetails p = item.payment();
            if (p != null) {
                effectiveCents += p.effectiveCents();
            }
        }

        void add(Sum other) {
            count += other.count;
            amounts = amounts.plus(other.amounts);
            effectiveCents += other.effectiveCents;
        }
    }

    /** An exception list: the first {@link #LISTED} items and how many there were. */
    static final class Listed {
        final List<StoredItem> items = new ArrayList<>();
        long count;

        void add(StoredItem item) {
            count++;
            if (items.size() < LISTED) {
                items.add(item);
            }
        }
    }

    final Map<String, Sum> byOutcome = new LinkedHashMap<>();
    final Sum total = new Sum();
    final TreeMap<LocalDate, Sum> byCreditDate = new TreeMap<>();
    final Sum otherCreditDates = new Sum();
    final Listed rejected = new Listed();
    final Listed notFound = new Listed();
    final Listed repeated = new Listed();
    /** The remessas that sent the titles (retorno) or the retornos that answered them (remessa), with counts. */
    final Map<String, Long> linkedFiles = new LinkedHashMap<>();
    /** An extrato's cobrança credits matched to retornos, and not. */
    long creditsMatched;
    long creditsNotFound;
    /** A retorno's credit dates with the extrato entry each is credited in. */
    final TreeMap<LocalDate, CreditLink> creditedIn = new TreeMap<>();
    long matched;
    long answered;
    long partial;
    long items;

    static StatementTally of(Iterable<StoredItem> items) {
        StatementTally t = new StatementTally();
        for (StoredItem i : items) {
            if (i != null) {
                t.add(i);
            }
        }
        return t;
    }

    private void add(StoredItem stored) {
        Item item = stored.item();
        items++;
        CreditLink credit = stored.credit();
        if (credit != null) {
            if (credit.status() == CreditLink.Status.CREDITED) {
                creditedIn.putIfAbsent(credit.date(), credit);
            } else if (credit.status() == CreditLink.Status.MATCHED) {
                creditsMatched++;
            } else {
                creditsNotFound++;
            }
        }
        Reconciliation link = stored.reconciliation();
        Reconciliation.Status status = link == null ? null : link.status();
        if (item.partial() || status == Reconciliation.Status.PARTIAL) {
            partial++;
            return;
        }
        if (status == Reconciliation.Status.REPEATED) {
            repeated.add(stored);
            byOutcome.computeIfAbsent("REPEATED", k -> new Sum()).add(item);
            total.add(item);
            return;
        }
        byOutcome.computeIfAbsent(item.category().name(), k -> new Sum()).add(item);
        total.add(item);
        if (item.category() == Category.ENTRY_REJECTED || item.category() == Category.PAYMENT_REJECTED) {
            rejected.add(stored);
        }
        if (status == Reconciliation.Status.NOT_FOUND) {
            notFound.add(stored);
        } else if (status == Reconciliation.Status.MATCHED || status == Reconciliation.Status.ANSWERED) {
            if (status == Reconciliation.Status.MATCHED) {
                matched++;
            } else {
                answered++;
            }
            if (linkedFiles.size() < 20 || linkedFiles.containsKey(link.fileName())) {
                linkedFiles.merge(link.fileName(), 1L, Long::sum);
            }
        }
        if (item.creditDate() != null && item.amounts().netCreditedCents() != 0) {
            Sum s = byCreditDate.get(item.creditDate());
            if (s == null && byCreditDate.size() >= CREDIT_DATES) {
                otherCreditDates.add(item);
                return;
            }
            byCreditDate.computeIfAbsent(item.creditDate(), k -> new Sum()).add(item);
        }
    }

    long count(Category category) {
        Sum s = byOutcome.get(category.name());
        return s == null ? 0 : s.count;
    }

    /** Outcomes in {@link Category} order, then REPEATED and any other key. */
    List<Map.Entry<String, Sum>> ordered() {
        Map<String, Sum> ordered = new LinkedHashMap<>();
        for (Category c : Category.values()) {
            Sum s = byOutcome.get(c.name());
            if (s != null) {
                ordered.put(c.name(), s);
            }
        }
        byOutcome.forEach(ordered::putIfAbsent);
        return new ArrayList<>(ordered.entrySet());
    }
}
