package br.bankhistory.history.notify;

import br.bankhistory.history.domain.IntegrationRecord;

import java.util.List;

/**
 * The email of a processed retorno (cobrança or pagamento). The subject says the outcome by category, with
 * the amounts that move money ("Retorno Itaú 12/05: 48 pagos R$ 12.345,67 · 2 rejeitados"; a pagamento's says
 * whether its payments were scheduled, an "aceite" file, or effected, a "confirmação"). The body's first lines
 * say what needs someone: titles of cancelled remessas the bank acted on, the rejected ones (a payment's with
 * its amount, date and seu número), titles no remessa sent, events already reported; then the record's link,
 * then the details. This class puts the parts in order; {@link RetornoFirstLines} and {@link RetornoTables}
 * write them.
 */
final class RetornoEmail {

    private final EmailLayout layout;

    RetornoEmail(EmailLayout layout) {
        this.layout = layout;
    }

    AdminEmail write(IntegrationRecord record, List<String> recipients, RetornoHighlights highlights,
                     FileBytes original, FileBytes statement) {
        Nouns nouns = Nouns.of(record.kind());
        RetornoHighlights seen = highlights == null ? RetornoHighlights.none() : highlights;
        Outcome outcome = new Outcome(record, seen, nouns);
        String fileName = RecordWords.fileName(record);
        String subject = Subject.of(Subject.file(record), outcome.subjectParts(), fileName);
        Attachments attachments = layout.attachments(record, original, statement);

        EmailBody body = new EmailBody(subject).heading(RecordWords.kindLabel(record) + " processado",
                outcome.alarming());
        RetornoFirstLines.write(body, record, seen, outcome, nouns);
        body.link(EmailLayout.OPEN_RECORD, layout.recordLink(record.id()));

        body.section("Detalhes do arquivo");
        body.paragraph("O arquivo " + RecordWords.quoted(fileName) + " chegou pela integração automática com o banco "
                + "e foi processado em " + PtBr.dateTime(record.receivedAt()) + " (horário de Brasília).");
        body.facts(FileFacts.of(record, nouns));
        body.section("Resumo por ocorrência");
        RetornoTables.byCategory(body, record, nouns);
        if (outcome.rejected > 0) {
            body.section(RecordWords.capitalize(nouns.plural()) + " rejeitados (" + PtBr.count(outcome.rejected) + ")");
            RetornoTables.rejected(body, seen.rejected(), outcome.rejected, nouns);
        }
        if (FindingLines.total(record) > 0) {
            body.section("Ocorrências na leitura do arquivo");
            FindingLines.describe(body, record);
        }
        layout.closing(body, record, attachments);
        return layout.email(AdminEmail.Purpose.FILE_PROCESSED, record, recipients, subject, body, attachments);
    }
}
