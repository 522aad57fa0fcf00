package br.bankhistory.history.notify;

import br.bankhistory.history.domain.IntegrationRecord;

import java.util.List;

/**
 * The email of an automatic file that names a bank account or convênio the company has not registered (status
 * {@code SUSPECT}): kept, not processed. The subject says so and what to do (register the account, then
 * reprocess the file, both on the history page: "Configurações > Contas bancárias", then the record's
 * "Reprocessar"); the first lines name the account the file carries.
 */
final class SuspectEmail {

    private final EmailLayout layout;

    SuspectEmail(EmailLayout layout) {
        this.layout = layout;
    }

    AdminEmail write(IntegrationRecord record, List<String> recipients, FileBytes original, FileBytes statement) {
        Nouns nouns = Nouns.of(record.kind());
        String fileName = RecordWords.fileName(record);
        String subject = Subject.of(Subject.file(record) + " não processado",
                List.of("conta não cadastrada (cadastre-a e reprocesse o arquivo)"), fileName);
        Attachments attachments = layout.attachments(record, original, statement);

        EmailBody body = new EmailBody(subject).heading("Arquivo de uma conta não cadastrada", true)
                .paragraph("O arquivo " + RecordWords.quoted(fileName) + ", recebido em "
                        + PtBr.dateTime(record.receivedAt()) + " (horário de Brasília) pela integração automática, é "
                        + "de uma conta que não está entre as contas cadastradas da empresa: " + account(record)
                        + ". Ele foi guardado, mas não foi processado nem conciliado: nenhum " + nouns.singular()
                        + " dele foi considerado.");
        body.section("O que fazer");
        body.numbered(List.of(
                "Se a conta é da empresa, peça a um administrador que a cadastre na página do histórico, em "
                        + "Configurações > Contas bancárias, e depois use a ação \"Reprocessar\" no detalhe deste "
                        + "arquivo (o link abaixo o abre): ele será processado e conciliado uma única vez, e um novo "
                        + "e-mail dirá o resultado.",
                "Se a conta não é da empresa, o arquivo pode ter chegado por engano: avise o banco. Nada dele foi "
                        + "considerado."));
        body.link(EmailLayout.OPEN_RECORD, layout.recordLink(record.id()));

        body.section("Detalhes do arquivo");
        body.facts(FileFacts.of(record, nouns));
        body.section("O que foi encontrado");
        FindingLines.describe(body, record);
        layout.closing(body, record, attachments);
        return layout.email(AdminEmail.Purpose.FILE_FAILED, record, recipients, subject, body, attachments);
    }

    /** "banco Sicoob (756), agência 4190, conta 7380, convênio 123": what the file's header names. */
    private static String account(IntegrationRecord record) {
        StringBuilder s = new StringBuilder("banco " + RecordWords.bank(record));
        appendIf(s, "agência", record.agency());
        appendIf(s, "conta", record.account());
        appendIf(s, "convênio", record.agreement());
        return s.toString();
    }

    private static void appendIf(StringBuilder s, String label, String value) {
        String clean = PtBr.clean(value);
        if (!clean.isEmpty()) {
            s.append(", ").append(label).append(' ').append(clean);
        }
    }
}
