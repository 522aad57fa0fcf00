package br.bankhistory.history.notify;

import br.bankhistory.history.domain.IntegrationRecord;

import java.util.List;

/**
 * The email an approver gets when a remessa waits for their approval: the subject says it waits and its total;
 * the first lines why (the rule), then what to do and the link to the record, where they approve or reject it.
 * Nothing is attached: the remessa is read on the page.
 */
final class ApprovalEmail {

    private final EmailLayout layout;

    ApprovalEmail(EmailLayout layout) {
        this.layout = layout;
    }

    AdminEmail write(IntegrationRecord record, String approverEmail) {
        Nouns nouns = Nouns.of(record.kind());
        String fileName = RecordWords.fileName(record);
        String subject = Subject.of(Subject.file(record) + " aguarda sua aprovação",
                List.of(PtBr.money(record.totalAmountCents()), record.approval().required() + " aprovação(ões)"),
                fileName);
        EmailBody body = new EmailBody(subject).heading("Remessa aguardando aprovação", true)
                .paragraph("A remessa " + RecordWords.quoted(fileName) + ", de " + PtBr.money(record.totalAmountCents())
                        + " (" + PtBr.count(record.itemCount()) + " " + nouns.plural() + "), foi gerada e só será "
                        + "liberada para o banco depois de aprovada. Regra: " + record.approval().rule() + ".");
        body.section("O que fazer");
        body.numbered(List.of(
                "Abra o registro (link abaixo) e confira a remessa e seus itens.",
                "Aprove-a (Aprovar) para liberá-la, ou reprove-a (Reprovar) informando o motivo: uma reprovação "
                        + "basta para que ela não seja enviada."));
        body.link(EmailLayout.OPEN_RECORD, layout.recordLink(record.id()));
        body.section("Detalhes da remessa");
        body.facts(FileFacts.of(record, nouns));
        body.footer("Mensagem automática do " + EmailLayout.PRODUCT + ". Você a recebe porque está cadastrado(a) "
                + "como aprovador(a) das remessas da empresa. Não responda a este e-mail.");
        return layout.email(AdminEmail.Purpose.APPROVAL_REQUESTED, record, List.of(approverEmail), subject, body,
                null);
    }
}
