package br.bankhistory.history.notify;

import br.bankhistory.history.domain.IntegrationRecord;

import java.util.List;

/**
 * The short notice that the same bytes arrived again for the same company and were not processed a second
 * time, pointing at the first record. No attachments.
 */
final class DuplicateEmail {

    private final EmailLayout layout;

    DuplicateEmail(EmailLayout layout) {
        this.layout = layout;
    }

    AdminEmail write(IntegrationRecord duplicate, IntegrationRecord first, List<String> recipients) {
        String fileName = RecordWords.fileName(duplicate);
        String firstName = RecordWords.fileName(first);
        String subject = Subject.of("Arquivo recebido em duplicidade", List.of(), fileName);

        EmailBody body = new EmailBody(subject).heading("Arquivo recebido em duplicidade", false)
                .paragraph("O arquivo " + RecordWords.quoted(fileName) + ", recebido em "
                        + PtBr.dateTime(duplicate.receivedAt()) + ", tem exatamente o mesmo conteúdo do arquivo "
                        + RecordWords.quoted(firstName) + ", recebido em " + PtBr.dateTime(first.receivedAt()) + ".")
                .paragraph("Ele foi guardado e registrado como duplicado, mas não foi processado de novo: nenhum "
                        + "título ou pagamento foi contado duas vezes e nada precisa ser feito. Se o banco enviou "
                        + "o mesmo arquivo por engano no lugar de outro, peça a ele o arquivo correto.");
        body.link("Abrir o primeiro registro", layout.recordLink(first.id()));
        EmailLayout.footer(body);
        return layout.email(AdminEmail.Purpose.DUPLICATE_NOTICE, duplicate, recipients, subject, body, null);
    }
}
