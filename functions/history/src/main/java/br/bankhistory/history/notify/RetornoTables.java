package br.bankhistory.history.notify;

import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.domain.Totals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The detail tables of a retorno email: the items by occurrence category with their totals, and the
 * rejected items with their reasons.
 */
final class RetornoTables {

    private RetornoTables() {
    }

    static void byCategory(EmailBody body, IntegrationRecord record, Nouns nouns) {
        Map<String, Totals> byCategory = record.byCategory() == null ? Map.of() : record.byCategory();
        List<Map.Entry<String, Totals>> entries = byCategory.entrySet().stream()
                .filter(e -> e.getValue() != null && e.getValue().count() != 0)
                .sorted(Comparator.comparingInt((Map.Entry<String, Totals> e) -> PtBr.categoryOrder(e.getKey()))
                        .thenComparing(Map.Entry::getKey))
                .toList();
        if (entries.isEmpty()) {
            body.paragraph("O arquivo não tem " + nouns.plural() + ".");
            return;
        }
        boolean paid = entries.stream().anyMatch(e -> e.getValue().paidCents() != 0);
        boolean fees = entries.stream().anyMatch(e -> e.getValue().feeCents() != 0);
        List<String> headers = new ArrayList<>(List.of("Ocorrência", "Quantidade", "Valor"));
        if (paid) {
            headers.add("Valor pago");
        }
        if (fees) {
            headers.add("Tarifas");
        }
        List<List<String>> rows = new ArrayList<>();
        Totals sum = new Totals(0, 0, 0, 0);
        for (Map.Entry<String, Totals> e : entries) {
            Totals t = e.getValue();
            rows.add(row(PtBr.category(e.getKey()), t, paid, fees));
            sum = sum.plus(t);
        }
        boolean[] numeric = new boolean[headers.size()];
        Arrays.fill(numeric, true);
        numeric[0] = false;
        body.table(headers, rows, numeric, row("Total", sum, paid, fees));
        if (sum.count() != record.itemCount()) {
            body.note("Um " + nouns.singular() + " pode aparecer em mais de uma ocorrência (por exemplo, entrada "
                    + "confirmada e tarifa); o arquivo tem " + nouns.count(record.itemCount()) + ".");
        }
    }

    private static List<String> row(String label, Totals t, boolean paid, boolean fees) {
        List<String> row = new ArrayList<>(List.of(label, PtBr.count(t.count()), PtBr.money(t.amountCents())));
        if (paid) {
            row.add(PtBr.money(t.paidCents()));
        }
        if (fees) {
            row.add(PtBr.money(t.feeCents()));
        }
        return row;
    }

    static void rejected(EmailBody body, List<RejectedItemLine> lines, long total, Nouns nouns) {
        List<RejectedItemLine> shown = lines.subList(0, Math.min(lines.size(), AdminEmailComposer.MAX_REJECTED_LINES));
        if (!shown.isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            for (RejectedItemLine line : shown) {
                String reasons = line.reasons().isEmpty() ? "-" : String.join("; ", line.reasons());
                rows.add(nouns.payments()
                        ? List.of(RecordWords.orDash(line.yourNumber()), PtBr.money(line.amountCents()),
                        line.date() == null ? "-" : PtBr.date(line.date()), RecordWords.orDash(line.payer()),
                        RecordWords.orDash(line.ourNumber()), RecordWords.orDash(line.occurrence()), reasons)
                        : List.of(RecordWords.orDash(line.ourNumber()), RecordWords.orDash(line.payer()),
                        RecordWords.orDash(line.occurrence()), reasons));
            }
            if (nouns.payments()) {
                body.table(List.of("Seu número", "Valor", "Data do pagamento", nouns.counterpart(), "Nosso número",
                        "Ocorrência", "Motivos"), rows, new boolean[] {false, true, false, false, false, false, false},
                        null);
            } else {
                body.table(List.of("Nosso número", nouns.counterpart(), "Ocorrência", "Motivos"), rows,
                        new boolean[] {false, false, false, false}, null);
            }
        }
        long more = total - shown.size();
        if (shown.isEmpty()) {
            body.paragraph("Os motivos de cada " + nouns.singular() + " rejeitado estão no registro.");
        } else if (more > 0) {
            body.paragraph("E mais " + PtBr.items(more, nouns.singular() + " rejeitado", nouns.plural() + " rejeitados")
                    + "; veja a lista completa no registro.");
        }
    }
}
