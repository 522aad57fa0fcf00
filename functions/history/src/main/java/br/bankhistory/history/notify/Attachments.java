package br.bankhistory.history.notify;

import br.bankhistory.history.domain.FileNames;
import br.bankhistory.history.domain.IntegrationRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What an admin email attaches: the original file (exact bytes) and the statement PDF, when their raw total is
 * within the limit; otherwise nothing, and the body says why and points at the record.
 */
record Attachments(List<AdminEmail.Attachment> list, boolean omitted, long totalBytes, long limit,
                   boolean hasStatement) {

    static Attachments of(IntegrationRecord record, FileBytes original, FileBytes statement, long maxAttachmentBytes) {
        List<AdminEmail.Attachment> list = new ArrayList<>();
        String shownName = FileNames.display(record.fileName());
        if (original != null) {
            list.add(new AdminEmail.Attachment(attachmentName(shownName, "arquivo.txt"),
                    AdminEmailComposer.TXT_CONTENT_TYPE, original));
        }
        if (statement != null) {
            list.add(new AdminEmail.Attachment(statementFileName(shownName), AdminEmailComposer.PDF_CONTENT_TYPE,
                    statement));
        }
        long total = list.stream().mapToLong(a -> a.content().sizeBytes()).sum();
        boolean omitted = !list.isEmpty() && total > maxAttachmentBytes;
        return new Attachments(omitted ? List.of() : list, omitted, total, maxAttachmentBytes, statement != null);
    }

    void describe(EmailBody body) {
        if (omitted) {
            body.paragraph("Os arquivos não foram anexados porque juntos têm " + size(totalBytes)
                    + ", mais que o limite de " + size(limit) + " por e-mail. O arquivo original e o extrato "
                    + "em PDF estão no registro, na página do histórico (link abaixo).");
            return;
        }
        if (list.isEmpty()) {
            body.paragraph("Nenhum arquivo anexado: o arquivo original e o extrato estão no registro, na página "
                    + "do histórico (link abaixo).");
            return;
        }
        List<String> lines = new ArrayList<>();
        for (AdminEmail.Attachment a : list) {
            String what = a.contentType().equals(AdminEmailComposer.PDF_CONTENT_TYPE) ? "extrato em PDF"
                    : "arquivo original, como o banco enviou";
            lines.add(a.fileName() + " (" + what + ", " + size(a.content().sizeBytes()) + ")");
        }
        body.bullets(lines);
        if (!hasStatement) {
            body.note("O extrato em PDF não está anexado; ele pode ser aberto no registro.");
        }
    }

    /** 980 bytes, 1,2 KB, 3,4 MB (binary multiples, as file managers show them). */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + (bytes == 1 ? " byte" : " bytes");
        }
        double kb = bytes / 1024.0;
        if (kb < 1024) {
            return decimal(kb) + " KB";
        }
        return decimal(kb / 1024.0) + " MB";
    }

    private static String decimal(double value) {
        double rounded = Math.round(value * 10) / 10.0;
        return rounded == Math.rint(rounded)
                ? Long.toString((long) rounded)
                : String.format(Locale.ROOT, "%.1f", rounded).replace('.', ',');
    }

    /** The name shown for an attachment: no directories, no control characters, never blank. */
    static String attachmentName(String fileName, String fallback) {
        String name = PtBr.clean(fileName);
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        if (slash >= 0) {
            name = name.substring(slash + 1);
        }
        name = name.replace("\"", "'").strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            return fallback;
        }
        return PtBr.abbreviateMiddle(name, 150);
    }

    /** {@code extrato-{name without extension}.pdf}. */
    static String statementFileName(String fileName) {
        String name = attachmentName(fileName, "arquivo");
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        return "extrato-" + base + ".pdf";
    }
}
