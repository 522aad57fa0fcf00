package br.bankhistory.history.notify;

import br.bankhistory.history.domain.IntegrationRecord;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What every admin email shares: the record's link, the attachments (or why there are none), the closing and
 * footer, and the checked recipients of the message.
 */
final class EmailLayout {

    static final String PRODUCT = "Histórico de Integrações com o Banco";
    static final String OPEN_RECORD = "Abrir o registro no " + PRODUCT;

    private final String webBaseUrl;
    private final long maxAttachmentBytes;

    EmailLayout(String webBaseUrl, long maxAttachmentBytes) {
        this.webBaseUrl = checkedBaseUrl(webBaseUrl);
        if (maxAttachmentBytes < 0) {
            throw new IllegalArgumentException("maxAttachmentBytes must not be negative");
        }
        this.maxAttachmentBytes = maxAttachmentBytes;
    }

    long maxAttachmentBytes() {
        return maxAttachmentBytes;
    }

    /** The record's page: {@code {webBaseUrl}/#/integrations/{id}}. */
    String recordLink(String recordId) {
        return webBaseUrl + "/#/integrations/" + URLEncoder.encode(recordId, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The email, its recipients checked (invalid ones skipped, at least one required). */
    AdminEmail email(AdminEmail.Purpose purpose, IntegrationRecord record, List<String> addresses, String subject,
                     EmailBody body, Attachments attachments) {
        return new AdminEmail(purpose, record.tenant(), record.id(), recipients(addresses), subject, body.text(),
                body.html(), attachments == null ? List.of() : attachments.list());
    }

    Attachments attachments(IntegrationRecord record, FileBytes original, FileBytes statement) {
        return Attachments.of(record, original, statement, maxAttachmentBytes);
    }

    /** The closing part every file email has: attachments, the record's link again, the footer. */
    void closing(EmailBody body, IntegrationRecord record, Attachments attachments) {
        body.section("Anexos");
        attachments.describe(body);
        body.link(OPEN_RECORD, recordLink(record.id()));
        footer(body);
    }

    static void footer(EmailBody body) {
        body.footer("Mensagem automática do " + PRODUCT + ". Você a recebe porque está cadastrado(a) como "
                + "destinatário(a) dos avisos da integração bancária da empresa. Não responda a este e-mail.");
    }

    private List<String> recipients(List<String> addresses) {
        Recipients recipients = Recipients.of(addresses);
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("no valid recipient among " + recipients.invalid().size()
                    + " given; record a finding instead of sending");
        }
        return recipients.forOneMessage();
    }

    private static String checkedBaseUrl(String webBaseUrl) {
        Objects.requireNonNull(webBaseUrl, "webBaseUrl");
        String trimmed = webBaseUrl.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        URI uri;
        try {
            uri = URI.create(trimmed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("webBaseUrl is not a URL: " + webBaseUrl, e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("webBaseUrl must be an http(s) address without query or fragment: "
                    + webBaseUrl);
        }
        return trimmed;
    }
}
