package br.bankhistory.history.notify;

import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.domain.RecordStatus;
import br.bankhistory.history.domain.StoredFinding;

import java.util.ArrayList;
import java.util.List;

/**
 * The email of an automatic file kept but not processed (status {@code REJECTED} or {@code OTHER_BANK_FILE}).
 * The subject and the first lines say why (the first errors), then what to do; the findings follow.
 */
final class FailedEmail {

    private static final int FIRST_ERRORS = 3;

    private final EmailLayout layout;

    FailedEmail(EmailLayout layout) {
        this.layout = layout;
    }

    AdminEmail write(IntegrationRecord record, List<String> recipients, FileBytes original, FileBytes statement) {
        Nouns nouns = Nouns.of(record.kind());
        String fileName = RecordWords.fileName(record);
        boolean otherBankFile = record.status() == RecordStatus.OTHER_BANK_FILE;
        List<StoredFinding> errors = FindingLines.errors(record, FIRST_ERRORS);
        String subject = otherBankFile
                ? Subject.of("Arquivo do banco que não é CNAB", List.of("comprovante ou relatório, nada a processar"),
                fileName)
                : Subject.of(Subject.file(record) + " não processado",
                errors.isEmpty() ? List.of("arquivo rejeitado") : List.of(FindingLines.message(errors.get(0))), fileName);
        Attachments attachments = layout.attachments(record, original, statement);

        EmailBody body = new EmailBody(subject).heading(otherBankFile ? "Arquivo do banco que não é CNAB"
                : "Arquivo do banco não processado", !otherBankFile)
                .paragraph("O arquivo " + RecordWords.quoted(fileName) + " chegou pela integração automática com o "
                        + "banco em " + PtBr.dateTime(record.receivedAt()) + " (horário de Brasília), mas não pôde "
                        + "ser processado" + (otherBankFile
                        ? ": não é um arquivo CNAB (parece ser um comprovante de transmissão ou um relatório do banco)."
                        : ". Nenhum título ou pagamento dele foi considerado."));
        if (!errors.isEmpty()) {
            body.paragraph("Por quê:");
            body.bullets(errors.stream().map(FindingLines::finding).toList());
        }
        body.section("O que fazer");
        List<String> steps = new ArrayList<>();
        steps.add("O arquivo foi guardado exatamente como chegou e está registrado no histórico com a situação "
                + RecordWords.quoted(RecordWords.statusLabel(record.status())) + ": nada foi perdido.");
        steps.add("Abra o registro (link abaixo) para ver todas as ocorrências, com linha e coluna.");
        if (otherBankFile) {
            steps.add("Se for mesmo um comprovante ou relatório, não é preciso fazer nada. Se o banco deveria ter "
                    + "enviado um retorno no lugar dele, peça ao banco que envie o arquivo de retorno.");
        } else {
            steps.add("Se o arquivo veio incompleto, corrompido ou num layout que não deveria, peça ao banco que o "
                    + "reenvie; o novo arquivo será processado ao chegar.");
            steps.add("Se o arquivo parece correto, encaminhe esta mensagem ao suporte com o nome do arquivo.");
        }
        body.numbered(steps);
        body.link(EmailLayout.OPEN_RECORD, layout.recordLink(record.id()));

        body.section("Detalhes do arquivo");
        body.facts(FileFacts.of(record, nouns));
        body.section("O que foi encontrado");
        if (FindingLines.total(record) > 0) {
            FindingLines.describe(body, record);
        } else {
            body.paragraph("Nenhuma ocorrência detalhada foi registrada.");
        }
        layout.closing(body, record, attachments);
        return layout.email(AdminEmail.Purpose.FILE_FAILED, record, recipients, subject, body, attachments);
    }
}
