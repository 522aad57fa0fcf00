package br.bankhistory.history.notify;

import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.domain.StoredFinding;
import br.bankhistory.history.domain.Totals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The email of a processed retorno (cobrança or pagamento). The subject says the outcome by category, with
 * the amounts that move money ("Retorno Itaú 12/05: 48 pagos R$ 12.345,67 · 2 rejeitados"; a pagamento's says
 * whether its payments were scheduled, an "aceite" file, or effected, a "confirmação"). The body's first lines
 * say what needs someone: titles of cancelled remessas the bank acted on, the rejected ones (a payment's with
 * its amount, date and seu número), titles no remessa sent, events already reported; then the record's link,
 * then the details.
 */
final class RetornoEmail {

    /** Rejected items, cancelled remessas' titles and numbers not found, each, in the first lines. */
    static final int FIRST_LINES = 10;

    private final EmailLayout layout;

    RetornoEmail(EmailLayout layout) {
        this.layout = layout;
    }

    AdminEmail write(IntegrationRecord record, List<String> recipients, RetornoHighlights highlights,
                     FileBytes original, FileBytes statement) {
        Nouns nouns = Nouns.of(record.kind());
        RetornoHighlights seen = highlights == null ? RetornoHighlights.none() : highlights;
        Outcome outcome = new Outcome(record, seen, nouns);
        String fileName = EmailLayout.fileName(record);
        String subject = Subject.of(Subject.file(record), outcome.subjectParts(), fileName);
        Attachments attachments = layout.attachments(record, original, statement);

        EmailBody body = new EmailBody(subject).heading(EmailLayout.kindLabel(record) + " processado",
                outcome.alarming());
        firstLines(body, record, seen, outcome, nouns);
        body.link(EmailLayout.OPEN_RECORD, layout.recordLink(record.id()));

        body.section("Detalhes do arquivo");
        body.paragraph("O arquivo " + EmailLayout.quoted(fileName) + " chegou pela integração automática com o banco "
                + "e foi processado em " + PtBr.dateTime(record.receivedAt()) + " (horário de Brasília).");
        body.facts(EmailLayout.facts(record, nouns));
        body.section("Resumo por ocorrência");
        categoryTable(body, record, nouns);
        if (outcome.rejected > 0) {
            body.section(EmailLayout.capitalize(nouns.plural()) + " rejeitados (" + PtBr.count(outcome.rejected) + ")");
            rejectedTable(body, seen.rejected(), outcome.rejected, nouns);
        }
        if (EmailLayout.findingTotal(record) > 0) {
            body.section("Ocorrências na leitura do arquivo");
            EmailLayout.findings(body, record);
        }
        layout.closing(body, record, attachments);
        return layout.email(AdminEmail.Purpose.FILE_PROCESSED, record, recipients, subject, body, attachments);
    }

    // ---- first lines ------------------------------------------------------------------------------------

    private static void firstLines(EmailBody body, IntegrationRecord record, RetornoHighlights seen, Outcome outcome,
                                   Nouns nouns) {
        cancelled(body, record, seen, nouns);
        body.paragraph("Resumo: " + String.join(", ", outcome.subjectParts()) + ".");
        if (nouns.payments()) {
            paymentsMeaning(body, outcome);
        }
        if (outcome.rejected > 0) {
            rejectedLines(body, seen.rejected(), outcome.rejected, nouns);
        }
        for (StoredFinding f : EmailLayout.withCode(record, "PAYMENT_DIFFERS_FROM_REMESSA")) {
            body.paragraph("Atenção: " + EmailLayout.message(f));
        }
        if (seen.notFoundCount() > 0) {
            List<String> shown = seen.notFound().subList(0, Math.min(FIRST_LINES, seen.notFound().size()));
            long more = seen.notFoundCount() - shown.size();
            body.paragraph(nouns.count(seen.notFoundCount()) + " não " + (seen.notFoundCount() == 1 ? "foi localizado"
                    : "foram localizados") + " em nenhuma remessa" + (seen.complete() ? "" : " (entre os primeiros lidos)")
                    + ": " + String.join(", ", shown.stream()
                    .map(n -> (nouns.payments() ? "seu número " : "") + EmailLayout.orDash(n)).toList())
                    + (more > 0 ? " e mais " + PtBr.count(more) : "") + ".");
        }
        if (seen.cobrancaCredits() > 0) {
            body.paragraph("Créditos de cobrança conciliados com retornos: " + PtBr.count(seen.creditsMatched())
                    + " de " + PtBr.count(seen.cobrancaCredits()) + (seen.creditsMatched() < seen.cobrancaCredits()
                    ? " (os demais aguardam o retorno de mesma data e valor)." : "."));
        }
        if (outcome.repeated > 0) {
            body.paragraph(outcome.repeated == 1
                    ? "1 ocorrência já tinha sido informada por um retorno anterior (mesmo " + nouns.singular()
                    + ", ocorrência, data e valor): foi contada à parte e não foi aplicada de novo."
                    : PtBr.count(outcome.repeated) + " ocorrências já tinham sido informadas por retornos anteriores "
                    + "(mesmo " + nouns.singular() + ", ocorrência, data e valor): foram contadas à parte e não foram "
                    + "aplicadas de novo.");
        }
    }

    /** "Atenção: o título X de uma remessa cancelada (arquivo Y) foi pago." */
    private static void cancelled(EmailBody body, IntegrationRecord record, RetornoHighlights seen, Nouns nouns) {
        List<StoredFinding> findings = EmailLayout.withCode(record, "TITLE_OF_CANCELLED_REMESSA");
        if (seen.cancelled().isEmpty()) {
            findings.forEach(f -> body.paragraph("Atenção: " + EmailLayout.message(f)));
            return;
        }
        List<RetornoHighlights.CancelledRemessaTitle> shown =
                seen.cancelled().subList(0, Math.min(FIRST_LINES, seen.cancelled().size()));
        for (RetornoHighlights.CancelledRemessaTitle t : shown) {
            String what = nouns.payments() ? "o pagamento de seu número " + EmailLayout.orDash(t.number())
                    : "o título " + EmailLayout.orDash(t.number());
            body.paragraph("Atenção: " + what + " de uma remessa cancelada (arquivo "
                    + EmailLayout.orDash(t.remessaFile()) + ") " + done(t.category(), nouns) + ".");
        }
        if (seen.cancelled().size() > shown.size()) {
            body.paragraph("E mais " + nouns.count(seen.cancelled().size() - shown.size()) + " de remessas canceladas.");
        }
        body.paragraph(nouns.payments()
                ? "O banco agendou ou pagou mesmo com a remessa cancelada: confira com o banco antes de pagar de novo."
                : "O boleto continua registrado no banco: não o inclua numa nova remessa e confira o cancelamento com "
                + "o banco.");
    }

    private static String done(String category, Nouns nouns) {
        boolean title = !nouns.payments();
        return switch (category) {
            case "PAID" -> "foi pago";
            case "WRITTEN_OFF" -> "foi baixado";
            case "ENTRY_CONFIRMED" -> "teve a entrada confirmada pelo banco";
            case "PROTESTED" -> "foi protestado";
            case "CHANGED" -> "foi alterado";
            case "EFFECTED" -> "foi efetivado";
            case "SCHEDULED" -> "foi agendado";
            default -> title ? "teve movimento no banco" : "teve resposta do banco";
        };
    }

    /** An "aceite" (scheduled) or a "confirmação" (effected) file, in words. */
    private static void paymentsMeaning(EmailBody body, Outcome outcome) {
        if (outcome.effected.count() > 0) {
            body.paragraph("Confirmação do banco: " + PtBr.items(outcome.effected.count(), "pagamento foi efetivado",
                    "pagamentos foram efetivados") + " (" + PtBr.money(outcome.effectedCents()) + ").");
        }
        if (outcome.scheduled.count() > 0) {
            body.paragraph("Aceite do banco: " + PtBr.items(outcome.scheduled.count(), "pagamento foi agendado",
                    "pagamentos foram agendados") + " (" + PtBr.money(outcome.scheduled.amountCents()) + ") e ainda "
                    + "não " + (outcome.scheduled.count() == 1 ? "foi efetivado" : "foram efetivados")
                    + ": a confirmação vem num próximo retorno.");
        }
    }

    private static void rejectedLines(EmailBody body, List<RejectedItemLine> lines, long total, Nouns nouns) {
        body.paragraph(EmailLayout.capitalize(PtBr.items(total, nouns.singular() + " rejeitado",
                nouns.plural() + " rejeitados")) + (lines.isEmpty() ? " (os motivos estão no registro)." : ":"));
        List<RejectedItemLine> shown = lines.subList(0, Math.min(FIRST_LINES, lines.size()));
        if (shown.isEmpty()) {
            return;
        }
        List<String> bullets = new ArrayList<>();
        for (RejectedItemLine line : shown) {
            bullets.add(nouns.payments() ? paymentLine(line) : titleLine(line));
        }
        body.bullets(bullets);
        if (total > shown.size()) {
            body.paragraph("E mais " + PtBr.count(total - shown.size()) + ": veja a lista abaixo e no registro.");
        }
    }

    /** "00000000001 — PAGADOR — 03 - Entrada rejeitada: 08 - Nosso número inválido" */
    private static String titleLine(RejectedItemLine line) {
        List<String> parts = new ArrayList<>();
        parts.add(EmailLayout.orDash(line.ourNumber()));
        if (!PtBr.clean(line.payer()).isEmpty()) {
            parts.add(PtBr.clean(line.payer()));
        }
        if (line.amountCents() != 0) {
            parts.add(PtBr.money(line.amountCents()));
        }
        return String.join(" — ", parts) + why(line);
    }

    /** "seu número NF-1 — R$ 100,00 — pagamento em 12/05/2026 — FAVORECIDO — nosso número 9: motivo" */
    private static String paymentLine(RejectedItemLine line) {
        List<String> parts = new ArrayList<>();
        parts.add("seu número " + EmailLayout.orDash(line.yourNumber()));
        parts.add(PtBr.money(line.amountCents()));
        if (line.date() != null) {
            parts.add("pagamento em " + PtBr.date(line.date()));
        }
        if (!PtBr.clean(line.payer()).isEmpty()) {
            parts.add(PtBr.clean(line.payer()));
        }
        if (!PtBr.clean(line.ourNumber()).isEmpty()) {
            parts.add("nosso número " + PtBr.clean(line.ourNumber()));
        }
        return String.join(" — ", parts) + why(line);
    }

    /** " — 03 - Entrada rejeitada: 08 - Nosso número inválido; 48 - CEP inválido" */
    private static String why(RejectedItemLine line) {
        String occurrence = PtBr.clean(line.occurrence());
        String reasons = String.join("; ", line.reasons());
        return (occurrence.isEmpty() ? "" : " — " + occurrence)
                + (reasons.isEmpty() ? "" : (occurrence.isEmpty() ? " — " : ": ") + reasons);
    }

    // ---- details ----------------------------------------------------------------------------------------

    private static void categoryTable(EmailBody body, IntegrationRecord record, Nouns nouns) {
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
        java.util.Arrays.fill(numeric, true);
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

    private static void rejectedTable(EmailBody body, List<RejectedItemLine> lines, long total, Nouns nouns) {
        List<RejectedItemLine> shown = lines.subList(0, Math.min(lines.size(), AdminEmailComposer.MAX_REJECTED_LINES));
        if (!shown.isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            for (RejectedItemLine line : shown) {
                String reasons = line.reasons().isEmpty() ? "-" : String.join("; ", line.reasons());
                rows.add(nouns.payments()
                        ? List.of(EmailLayout.orDash(line.yourNumber()), PtBr.money(line.amountCents()),
                        line.date() == null ? "-" : PtBr.date(line.date()), EmailLayout.orDash(line.payer()),
                        EmailLayout.orDash(line.ourNumber()), EmailLayout.orDash(line.occurrence()), reasons)
                        : List.of(EmailLayout.orDash(line.ourNumber()), EmailLayout.orDash(line.payer()),
                        EmailLayout.orDash(line.occurrence()), reasons));
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
