package br.bankhistory.history.notify;

import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.domain.StoredFinding;

import java.util.ArrayList;
import java.util.List;

/**
 * The first lines of a retorno email, what needs someone: titles of cancelled remessas the bank acted on,
 * the rejected items with their reasons, what no remessa sent, credits matched and events already reported.
 */
final class RetornoFirstLines {

    /** Rejected items, cancelled remessas' titles and numbers not found, each, in the first lines. */
    static final int FIRST_LINES = 10;

    private RetornoFirstLines() {
    }

    static void write(EmailBody body, IntegrationRecord record, RetornoHighlights seen, Outcome outcome,
                                   Nouns nouns) {
        cancelled(body, record, seen, nouns);
        body.paragraph("Resumo: " + String.join(", ", outcome.subjectParts()) + ".");
        if (nouns.payments()) {
            paymentsMeaning(body, outcome);
        }
        if (outcome.rejected > 0) {
            rejectedLines(body, seen.rejected(), outcome.rejected, nouns);
        }
        for (StoredFinding f : FindingLines.withCode(record, "PAYMENT_DIFFERS_FROM_REMESSA")) {
            body.paragraph("Atenção: " + FindingLines.message(f));
        }
        if (seen.notFoundCount() > 0) {
            List<String> shown = seen.notFound().subList(0, Math.min(FIRST_LINES, seen.notFound().size()));
            long more = seen.notFoundCount() - shown.size();
            body.paragraph(nouns.count(seen.notFoundCount()) + " não " + (seen.notFoundCount() == 1 ? "foi localizado"
                    : "foram localizados") + " em nenhuma remessa" + (seen.complete() ? "" : " (entre os primeiros lidos)")
                    + ": " + String.join(", ", shown.stream()
                    .map(n -> (nouns.payments() ? "seu número " : "") + RecordWords.orDash(n)).toList())
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
        List<StoredFinding> findings = FindingLines.withCode(record, "TITLE_OF_CANCELLED_REMESSA");
        if (seen.cancelled().isEmpty()) {
            findings.forEach(f -> body.paragraph("Atenção: " + FindingLines.message(f)));
            return;
        }
        List<RetornoHighlights.CancelledRemessaTitle> shown =
                seen.cancelled().subList(0, Math.min(FIRST_LINES, seen.cancelled().size()));
        for (RetornoHighlights.CancelledRemessaTitle t : shown) {
            String what = nouns.payments() ? "o pagamento de seu número " + RecordWords.orDash(t.number())
                    : "o título " + RecordWords.orDash(t.number());
            body.paragraph("Atenção: " + what + " de uma remessa cancelada (arquivo "
                    + RecordWords.orDash(t.remessaFile()) + ") " + done(t.category(), nouns) + ".");
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
        body.paragraph(RecordWords.capitalize(PtBr.items(total, nouns.singular() + " rejeitado",
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
        parts.add(RecordWords.orDash(line.ourNumber()));
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
        parts.add("seu número " + RecordWords.orDash(line.yourNumber()));
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
}
