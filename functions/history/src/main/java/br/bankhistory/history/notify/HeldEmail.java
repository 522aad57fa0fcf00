package br.bankhistory.history.notify;

import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.domain.StoredFinding;

import java.util.List;

/**
 * The emails of an automatic file held until an admin releases or discards it: a possible duplicate of an
 * earlier file, or an incomplete retorno. The subject says it is held and why; the first lines give the
 * reasons (what repeats, what differs, what is missing), then what to decide.
 */
final class HeldEmail {

    private static final int FIRST_REASONS = 6;

    private final EmailLayout layout;

    HeldEmail(EmailLayout layout) {
        this.layout = layout;
    }

    /** Held as a possible duplicate of {@code first}. */
    AdminEmail possibleDuplicate(IntegrationRecord record, IntegrationRecord first, List<String> recipients,
                                 FileBytes original, FileBytes statement) {
        Nouns nouns = Nouns.of(record.kind());
        String fileName = RecordWords.fileName(record);
        String firstName = RecordWords.fileName(first);
        String subject = Subject.of(Subject.file(record) + " retido",
                List.of("possível duplicado de " + PtBr.abbreviateMiddle(firstName, 40), "libere ou descarte"),
                fileName);
        Attachments attachments = layout.attachments(record, original, statement);

        EmailBody body = new EmailBody(subject).heading("Arquivo retido como possível duplicado", true)
                .paragraph("O arquivo " + RecordWords.quoted(fileName) + ", recebido em "
                        + PtBr.dateTime(record.receivedAt()) + " (horário de Brasília) pela integração automática, "
                        + "parece repetir o arquivo " + RecordWords.quoted(firstName) + ", recebido em "
                        + PtBr.dateTime(first.receivedAt()) + ". Ele foi guardado, mas não foi processado nem "
                        + "conciliado: nenhum título ou pagamento dele foi contado.");
        reasons(body, FindingLines.withCode(record, "POSSIBLE_DUPLICATE", "DIFFERENCES", "TITLE_ADDED",
                "TITLE_CHANGED", "TITLE_MISSING"));
        body.section("O que fazer");
        body.numbered(List.of(
                "Abra o registro (link abaixo) e compare-o com o primeiro arquivo.",
                "Se for mesmo o mesmo arquivo enviado de novo, descarte-o (Descartar): nada será processado.",
                "Se for um arquivo novo ou uma correção que deve valer, libere-o (Liberar): ele será processado e "
                        + "conciliado como qualquer outro, uma única vez."));
        body.link(EmailLayout.OPEN_RECORD, layout.recordLink(record.id()));
        body.link("Abrir o primeiro arquivo", layout.recordLink(first.id()));

        body.section("Detalhes do arquivo");
        body.facts(FileFacts.of(record, nouns));
        body.section("Por que foi retido");
        FindingLines.describe(body, record);
        layout.closing(body, record, attachments);
        return layout.email(AdminEmail.Purpose.FILE_HELD, record, recipients, subject, body, attachments);
    }

    /** An incomplete retorno (no file trailer, a lote without its trailer, a cut last line, counts that disagree). */
    AdminEmail incomplete(IntegrationRecord record, List<String> recipients, FileBytes original, FileBytes statement) {
        Nouns nouns = Nouns.of(record.kind());
        String fileName = RecordWords.fileName(record);
        String subject = Subject.of(Subject.file(record) + " retido",
                List.of("arquivo incompleto", "peça ao banco que o reenvie"), fileName);
        Attachments attachments = layout.attachments(record, original, statement);

        EmailBody body = new EmailBody(subject).heading("Arquivo do banco incompleto", true)
                .paragraph("O arquivo " + RecordWords.quoted(fileName) + ", recebido em "
                        + PtBr.dateTime(record.receivedAt()) + " (horário de Brasília) pela integração automática, "
                        + "chegou incompleto: falta o fim do arquivo ou de um lote, ou a última linha foi cortada. Ele "
                        + "foi guardado, mas não foi processado nem conciliado: nenhum título ou pagamento dele foi "
                        + "contado, para que nada seja baixado pela metade.");
        reasons(body, FindingLines.errors(record, FIRST_REASONS));
        body.section("O que fazer");
        body.numbered(List.of(
                "Peça ao banco que reenvie o arquivo completo; ele será processado ao chegar.",
                "Quando o arquivo completo chegar, descarte este (Descartar): nada dele será processado.",
                "Se o banco confirmar que o arquivo é assim mesmo, libere-o (Liberar): ele será processado e "
                        + "conciliado uma única vez, sem o registro cortado."));
        body.link(EmailLayout.OPEN_RECORD, layout.recordLink(record.id()));

        body.section("Detalhes do arquivo");
        body.facts(FileFacts.of(record, nouns));
        body.section("O que falta");
        FindingLines.describe(body, record);
        layout.closing(body, record, attachments);
        return layout.email(AdminEmail.Purpose.FILE_HELD, record, recipients, subject, body, attachments);
    }

    private static void reasons(EmailBody body, List<StoredFinding> findings) {
        if (findings.isEmpty()) {
            return;
        }
        List<StoredFinding> shown = findings.subList(0, Math.min(FIRST_REASONS, findings.size()));
        body.paragraph("Por quê:");
        body.bullets(shown.stream().map(FindingLines::message).toList());
        if (findings.size() > shown.size()) {
            body.paragraph("E mais " + PtBr.items(findings.size() - shown.size(), "motivo", "motivos")
                    + ": veja todos abaixo.");
        }
    }
}
