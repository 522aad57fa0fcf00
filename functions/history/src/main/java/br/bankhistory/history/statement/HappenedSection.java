package br.bankhistory.history.statement;

import br.bankhistory.cnab.Category;
import br.bankhistory.history.domain.FileKind;
import br.bankhistory.history.domain.FileNames;
import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.domain.RecordStatus;
import br.bankhistory.history.domain.StatusChange;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static br.bankhistory.history.statement.StatementStyle.BASELINE;
import static br.bankhistory.history.statement.StatementStyle.BODY_SIZE;
import static br.bankhistory.history.statement.StatementStyle.INK;
import static br.bankhistory.history.statement.StatementStyle.LEFT;
import static br.bankhistory.history.statement.StatementStyle.RED;
import static br.bankhistory.history.statement.StatementStyle.ROW_H;
import static br.bankhistory.history.statement.StatementStyle.WIDTH;

/**
 * "O que aconteceu": the file's story in sentences (a pagamento retorno says whether it is an aceite, payments
 * scheduled with BD, or a confirmação, payments effected with 00; a retorno says how its titles reconciled; a
 * remessa how the bank answered it; a cancelled remessa who cancelled it, when and why), then its status
 * history.
 */
final class HappenedSection {

    private static final int HISTORY_SHOWN = 12;

    private final Canvas c;
    private final PDStructureElement parent;
    private final IntegrationRecord record;
    private final List<StatusChange> history;
    private final StatementTally tally;
    private final FileKind kind;

    HappenedSection(Canvas canvas, PDStructureElement parent, IntegrationRecord record, List<StatusChange> history,
                    StatementTally tally) {
        this.c = canvas;
        this.parent = parent;
        this.record = record;
        this.history = history == null ? List.of() : history;
        this.tally = tally;
        this.kind = record.kind() == null ? FileKind.OTHER : record.kind();
    }

    void draw() throws IOException {
        List<String[]> lines = sentences();
        if (!lines.isEmpty()) {
            if (!c.fits(StatementStyle.SECTION_H + lines.size() * 11f)) {
                c.newPage();
            }
            Table.heading(c, parent, "O que aconteceu");
            for (String[] line : lines) {
                PDStructureElement p = c.tags.add(parent, "P");
                boolean strong = "!".equals(line[0]);
                FontFace face = strong ? c.bold : c.regular;
                List<String> wrapped = WordWrap.lines(face, face.clean(line[1]), BODY_SIZE, WIDTH, 3);
                if (!c.fits(wrapped.size() * 11f)) {
                    c.newPage();
                }
                float top = c.y;
                c.marked(p, k -> {
                    for (int i = 0; i < wrapped.size(); i++) {
                        k.text(face, BODY_SIZE, strong ? RED : INK, LEFT, top - 9f - i * 11f, wrapped.get(i), WIDTH);
                    }
                });
                c.y -= wrapped.size() * 11f;
            }
            c.y -= 8f;
        }
        if (!history.isEmpty()) {
            statusHistory();
        }
    }

    /** Each sentence with its emphasis ("!" red and bold, "" plain). */
    List<String[]> sentences() {
        List<String[]> out = new ArrayList<>();
        cancelled().ifPresent(s -> out.add(new String[] {"!", s}));
        switch (kind) {
            case RETORNO_PAGAMENTO -> pagamento(out);
            case RETORNO_COBRANCA -> out.add(plain(cobranca()));
            case REMESSA_COBRANCA, REMESSA_PAGAMENTO -> out.add(plain(remessa()));
            case OTHER -> { }
        }
        if (kind == FileKind.RETORNO_COBRANCA || kind == FileKind.RETORNO_PAGAMENTO) {
            reconciliation(out);
        }
        credits(out);
        if (tally.rejected.count > 0) {
            out.add(new String[] {"!", PtBrFormat.count(tally.rejected.count) + " " + noun(tally.rejected.count)
                    + " rejeitado(s) pelo banco: veja os motivos abaixo."});
        }
        return out;
    }

    private java.util.Optional<String> cancelled() {
        if (record.status() != RecordStatus.CANCELLED) {
            return java.util.Optional.empty();
        }
        for (int i = history.size() - 1; i >= 0; i--) {
            StatusChange s = history.get(i);
            if (s.to() == RecordStatus.CANCELLED) {
                String who = s.byUserName() == null || s.byUserName().isBlank() ? s.byUserId() : s.byUserName();
                return java.util.Optional.of("Remessa cancelada em " + PtBrFormat.dateTime(s.at())
                        + (who == null || who.isBlank() ? "" : " por " + who.strip())
                        + (s.reason() == null || s.reason().isBlank() ? "." : ". Motivo: " + s.reason().strip()));
            }
        }
        return java.util.Optional.of("Remessa cancelada.");
    }

    private void pagamento(List<String[]> out) {
        long scheduled = tally.count(Category.SCHEDULED);
        long effected = tally.count(Category.EFFECTED);
        StatementTally.Sum eff = tally.byOutcome.get(Category.EFFECTED.name());
        StatementTally.Sum sch = tally.byOutcome.get(Category.SCHEDULED.name());
        if (scheduled > 0 && effected == 0) {
            out.add(plain("Arquivo de aceite: " + PtBrFormat.count(scheduled) + " pagamento(s) agendado(s) pelo banco "
                    + "(ocorrência BD), " + PtBrFormat.money(sch.amounts.titleCents()) + "; ainda não efetivado(s)."));
        } else if (effected > 0 && scheduled == 0) {
            out.add(plain("Arquivo de confirmação: " + PtBrFormat.count(effected) + " pagamento(s) efetivado(s) "
                    + "(ocorrência 00), " + PtBrFormat.money(eff.effectiveCents) + " efetivados."));
        } else if (effected > 0) {
            out.add(plain("Aceite e confirmação: " + PtBrFormat.count(scheduled) + " pagamento(s) agendado(s) "
                    + "(ocorrência BD) e " + PtBrFormat.count(effected) + " efetivado(s) (ocorrência 00), "
                    + PtBrFormat.money(eff.effectiveCents) + " efetivados."));
        } else {
            out.add(plain("Nenhum pagamento agendado nem efetivado neste retorno."));
        }
    }

    private String cobranca() {
        StringBuilder s = new StringBuilder(PtBrFormat.count(tally.total.count) + " " + noun(tally.total.count)
                + " neste retorno");
        long paid = tally.count(Category.PAID);
        if (paid > 0) {
            StatementTally.Sum p = tally.byOutcome.get(Category.PAID.name());
            s.append(": ").append(PtBrFormat.count(paid)).append(" liquidado(s), ")
                    .append(PtBrFormat.money(p.amounts.paidCents())).append(" pagos e ")
                    .append(PtBrFormat.money(p.amounts.netCreditedCents())).append(" líquidos creditados");
        }
        return s.append('.').toString();
    }

    private String remessa() {
        long total = tally.total.count;
        if (tally.answered == 0) {
            return PtBrFormat.count(total) + " " + noun(total) + " nesta remessa; nenhum respondido pelo banco ainda.";
        }
        return PtBrFormat.count(tally.answered) + " de " + PtBrFormat.count(total) + " " + noun(total)
                + " respondido(s) pelo banco: " + names(tally.linkedFiles) + ".";
    }

    private void reconciliation(List<String[]> out) {
        if (tally.matched + tally.notFound.count + tally.repeated.count == 0) {
            out.add(plain("Conciliação com as remessas ainda não feita."));
            return;
        }
        StringBuilder s = new StringBuilder("Conciliação: ");
        s.append(PtBrFormat.count(tally.matched)).append(" localizado(s) nas remessas");
        if (!tally.linkedFiles.isEmpty()) {
            s.append(' ').append(names(tally.linkedFiles));
        }
        s.append("; ").append(PtBrFormat.count(tally.notFound.count)).append(" não localizado(s) em nenhuma remessa; ")
                .append(PtBrFormat.count(tally.repeated.count))
                .append(" já informado(s) por retornos anteriores (não aplicados de novo).");
        out.add(new String[] {tally.notFound.count > 0 ? "!" : "", s.toString()});
    }

    /** The cobrança credits: on an extrato, how many matched retornos; on a retorno, the entries that credited it. */
    private void credits(List<String[]> out) {
        long total = tally.creditsMatched + tally.creditsNotFound;
        if (kind == FileKind.EXTRATO && total > 0) {
            out.add(new String[] {tally.creditsNotFound > 0 ? "!" : "", "Créditos de cobrança conciliados com retornos: "
                    + PtBrFormat.count(tally.creditsMatched) + " de " + PtBrFormat.count(total)
                    + (tally.creditsNotFound > 0 ? "; " + PtBrFormat.count(tally.creditsNotFound)
                    + " sem retorno de mesma data e valor." : ".")});
        }
        if (kind == FileKind.RETORNO_COBRANCA && !tally.creditedIn.isEmpty()) {
            List<String> parts = new ArrayList<>();
            tally.creditedIn.forEach((date, link) -> link.with().forEach(e -> parts.add(PtBrFormat.date(date) + " ("
                    + PtBrFormat.money(link.amountCents()) + ") no extrato " + FileNames.display(e.fileName())
                    + ", lançamento " + e.seq() + " de " + PtBrFormat.money(e.amountCents()))));
            out.add(plain("Crédito conferido no extrato bancário: " + String.join("; ", parts) + "."));
        }
    }

    private String noun(long n) {
        boolean payments = kind == FileKind.RETORNO_PAGAMENTO || kind == FileKind.REMESSA_PAGAMENTO;
        return payments ? (n == 1 ? "pagamento" : "pagamentos") : (n == 1 ? "título" : "títulos");
    }

    private static String names(Map<String, Long> files) {
        StringBuilder out = new StringBuilder();
        files.forEach((name, n) -> out.append(out.length() == 0 ? "" : ", ").append(FileNames.display(name))
                .append(" (").append(PtBrFormat.count(n)).append(')'));
        return out.toString();
    }

    private static String[] plain(String s) {
        return new String[] {"", s};
    }

    // ---- status history ----

    private void statusHistory() throws IOException {
        Column[] cols = ItemTable.columns(new String[] {"Data e hora", "De", "Para", "Por", "Motivo"},
                new float[] {80f, 110f, 110f, 130f});
        Table table = Table.start(c, parent, "Histórico da situação", cols, ROW_H, BODY_SIZE - 0.5f);
        List<StatusChange> shown = history.size() > HISTORY_SHOWN
                ? history.subList(history.size() - HISTORY_SHOWN, history.size()) : history;
        for (StatusChange s : shown) {
            String who = s.byUserName() == null || s.byUserName().isBlank() ? s.byUserId() : s.byUserName();
            String[] v = {PtBrFormat.dateTime(s.at()), s.from() == null ? PtBrFormat.EMPTY : PtBrFormat.status(s.from()),
                    PtBrFormat.status(s.to()), who == null ? "" : who, s.reason() == null ? "" : s.reason()};
            boolean cancel = s.to() == RecordStatus.CANCELLED;
            table.row(ROW_H, x -> {
                float base = x.y - ROW_H + BASELINE;
                x.beginText(cancel ? x.bold : x.regular, BODY_SIZE, cancel ? RED : INK);
                for (int i = 0; i < v.length; i++) {
                    CellText.left(x, cancel ? x.bold : x.regular, cols[i], base, v[i]);
                }
                x.endText();
            });
        }
        c.y -= 10f;
    }
}
