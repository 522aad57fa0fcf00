package br.bankhistory.history.notify;

import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.domain.Totals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A processed retorno's outcome, counted the way its email tells it: by category, the money that moved, what
 * was rejected, what the bank did on cancelled remessas' titles, what earlier retornos had already reported.
 */
final class Outcome {

    private static final Totals NONE = new Totals(0, 0, 0, 0);

    final Map<String, Totals> byCategory;
    final long rejected;
    final long repeated;
    final long cancelled;
    final Totals effected;
    final Totals scheduled;
    private final Nouns nouns;

    Outcome(IntegrationRecord record, RetornoHighlights highlights, Nouns nouns) {
        this.nouns = nouns;
        this.byCategory = record.byCategory() == null ? Map.of() : record.byCategory();
        this.rejected = Math.max(highlights.rejected().size(),
                count("ENTRY_REJECTED") + count("PAYMENT_REJECTED"));
        this.repeated = count("REPEATED");
        boolean cancelledFinding = record.findings() != null && record.findings().stream()
                .anyMatch(f -> f.code().equals("TITLE_OF_CANCELLED_REMESSA"));
        this.cancelled = Math.max(highlights.cancelled().size(), cancelledFinding ? 1 : 0);
        this.effected = totals("EFFECTED");
        this.scheduled = totals("SCHEDULED");
    }

    /** By importance: what went wrong with cancelled remessas, the money, the rejections, the rest. */
    List<String> subjectParts() {
        List<String> parts = new ArrayList<>();
        if (cancelled > 0) {
            parts.add(nouns.count(cancelled) + " de remessa cancelada");
        }
        if (nouns.entries()) {
            Totals credits = totals("CREDIT");
            Totals debits = totals("DEBIT");
            add(parts, credits.count(), "crédito", "créditos", credits.amountCents());
            add(parts, debits.count(), "débito", "débitos", debits.amountCents());
        } else if (nouns.payments()) {
            add(parts, effected.count(), "pagamento efetivado", "pagamentos efetivados", effectedCents());
            add(parts, scheduled.count(), "pagamento agendado", "pagamentos agendados", scheduled.amountCents());
            add(parts, rejected, "rejeitado", "rejeitados", null);
        } else {
            Totals paid = totals("PAID");
            add(parts, paid.count(), "pago", "pagos", paid.paidCents() != 0 ? paid.paidCents() : paid.amountCents());
            add(parts, rejected, "rejeitado", "rejeitados", null);
            add(parts, count("ENTRY_CONFIRMED"), "entrada confirmada", "entradas confirmadas", null);
            add(parts, count("WRITTEN_OFF"), "baixado", "baixados", null);
            add(parts, count("PROTESTED"), "protestado", "protestados", null);
            add(parts, count("CHANGED"), "alterado", "alterados", null);
        }
        add(parts, count("OTHER"), "outra ocorrência", "outras ocorrências", null);
        add(parts, repeated, "já informado", "já informados", null);
        if (parts.isEmpty()) {
            parts.add("nenhum " + nouns.singular());
        }
        return parts;
    }

    /** An effected payment's amount: valor efetivado when the bank returns it, the amount asked for otherwise. */
    long effectedCents() {
        return effected.paidCents() != 0 ? effected.paidCents() : effected.amountCents();
    }

    /** Whether someone must act: the heading is shown as an alert. */
    boolean alarming() {
        return cancelled > 0 || rejected > 0;
    }

    private static void add(List<String> parts, long n, String singular, String plural, Long cents) {
        if (n > 0) {
            parts.add(PtBr.items(n, singular, plural) + (cents == null ? "" : " " + PtBr.money(cents)));
        }
    }

    private long count(String category) {
        return totals(category).count();
    }

    private Totals totals(String category) {
        Totals t = byCategory.get(category);
        return t == null ? NONE : t;
    }
}
