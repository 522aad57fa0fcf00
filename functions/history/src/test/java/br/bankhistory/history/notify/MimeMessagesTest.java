package br.bankhistory.history.notify;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MimeMessagesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-01-06T13:16:00Z"), ZoneOffset.UTC);
    private final MimeMessages mime = new MimeMessages(MimeMessages.DEFAULT_FROM, CLOCK);

    @Test
    void roundTripKeepsHeadersBodiesAndExactAttachmentBytes() throws Exception {
        byte[] txt = TestRecords.resource("notify/caixa-latin1.ret");
        byte[] pdf = "%PDF-1.4\n%âãÏÓ\nbinary \u0000\u0001 bytes".getBytes(StandardCharsets.ISO_8859_1);
        AdminEmail email = new AdminEmailComposer("https://historico.example.com").processed(
                TestRecords.processedCobranca("CAIXA ÇÃO.RET"), List.of("admin@acme.example", "fin@acme.example"),
                TestRecords.rejectedLines(1), FileBytes.of(txt), FileBytes.of(pdf));

        byte[] raw = mime.toBytes(email);
        String rawText = new String(raw, StandardCharsets.ISO_8859_1);
        // headers are ASCII: the subject is RFC 2047-encoded, the From display name too
        String headers = rawText.substring(0, rawText.indexOf("\r\n\r\n"));
        assertThat(headers).contains("Subject: =?UTF-8?").contains("From: =?UTF-8?")
                .contains("Auto-Submitted: auto-generated").contains("X-Bank-History-Record: acme/" + TestRecords.ID);
        assertThat(headers.chars().allMatch(c -> c < 128)).isTrue();
        assertThat(rawText.lines().mapToInt(String::length).max().orElse(0)).isLessThanOrEqualTo(998);
        assertThat(rawText.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");

        MimeMessage parsed = new MimeMessage(mime.session(), new ByteArrayInputStream(raw));
        assertThat(parsed.getSubject()).isEqualTo(email.subject())
                .startsWith("Retorno Caixa 05/01: 2 pagos R$ 1.230,00").endsWith(" — CAIXA ÇÃO.RET");
        InternetAddress from = (InternetAddress) parsed.getFrom()[0];
        assertThat(from.getAddress()).isEqualTo("no-reply@example.com");
        assertThat(from.getPersonal()).isEqualTo("Histórico Bancário");
        assertThat(parsed.getRecipients(Message.RecipientType.TO)).extracting(a -> ((InternetAddress) a).getAddress())
                .containsExactly("admin@acme.example", "fin@acme.example");
        assertThat(parsed.getSentDate().toInstant()).isEqualTo(CLOCK.instant());
        assertThat(parsed.getContentType()).startsWith("multipart/mixed");

        Multipart mixed = (Multipart) parsed.getContent();
        assertThat(mixed.getCount()).isEqualTo(3);
        BodyPart bodies = mixed.getBodyPart(0);
        assertThat(bodies.getContentType()).startsWith("multipart/alternative");
        Multipart alternative = (Multipart) bodies.getContent();
        assertThat(alternative.getCount()).isEqualTo(2);
        assertThat(alternative.getBodyPart(0).getContentType()).startsWith("text/plain").containsIgnoringCase("utf-8");
        assertThat(alternative.getBodyPart(1).getContentType()).startsWith("text/html").containsIgnoringCase("utf-8");
        assertThat((String) alternative.getBodyPart(0).getContent())
                .isEqualTo(email.textBody().replace("\n", "\r\n"))
                .contains("EMPRESA SÃO JOÃO").contains("R$ 1.234,56");
        assertThat((String) alternative.getBodyPart(1).getContent()).contains("Entrada rejeitada")
                .contains("“CAIXA ÇÃO.RET”").doesNotContain("<script");

        MimeBodyPart txtPart = (MimeBodyPart) mixed.getBodyPart(1);
        assertThat(txtPart.getDisposition()).isEqualTo(Part.ATTACHMENT);
        assertThat(txtPart.getFileName()).isEqualTo("CAIXA ÇÃO.RET");
        assertThat(txtPart.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=ISO-8859-1");
        assertThat(txtPart.getEncoding()).isEqualTo("base64");
        assertThat(bytes(txtPart)).isEqualTo(txt);

        MimeBodyPart pdfPart = (MimeBodyPart) mixed.getBodyPart(2);
        assertThat(pdfPart.getFileName()).isEqualTo("extrato-CAIXA ÇÃO.pdf");
        assertThat(pdfPart.getContentType()).startsWith("application/pdf");
        assertThat(pdfPart.getEncoding()).isEqualTo("base64");
        assertThat(bytes(pdfPart)).isEqualTo(pdf);
    }

    @Test
    void withoutAttachmentsOnlyTheAlternativeIsThere() throws Exception {
        AdminEmail email = new AdminEmailComposer("https://h.example", 1).processed(
                TestRecords.processedCobranca("R.RET"), List.of("admin@acme.example"), List.of(),
                FileBytes.of(new byte[10]), null);
        MimeMessage parsed = new MimeMessage(mime.session(), new ByteArrayInputStream(mime.toBytes(email)));
        Multipart mixed = (Multipart) parsed.getContent();
        assertThat(mixed.getCount()).isEqualTo(1);
        assertThat(mixed.getBodyPart(0).getContentType()).startsWith("multipart/alternative");
    }

    @Test
    void attachmentsAreReadWhenWrittenAndTheirSizeIsChecked() {
        AdminEmail.Attachment lying = new AdminEmail.Attachment("A.RET", "text/plain; charset=ISO-8859-1",
                new FileBytes(5, () -> new byte[3]));
        AdminEmail email = new AdminEmail(AdminEmail.Purpose.FILE_FAILED, "acme", "id", List.of("a@acme.example"),
                "s", "t", "<p>h</p>", List.of(lying));
        assertThatThrownBy(() -> mime.toBytes(email)).isInstanceOf(java.io.UncheckedIOException.class)
                .hasMessageContaining("expected 5 bytes, read 3");
    }

    @Test
    void fromMustBeAPlainAddress() {
        assertThat(new MimeMessages("no-reply@acme.example").from().getPersonal()).isNull();
        assertThatThrownBy(() -> new MimeMessages("not an address")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AdminEmail(AdminEmail.Purpose.FILE_FAILED, "acme", "id",
                List.of("a@acme.example"), "two\r\nlines", "t", "h", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] bytes(Part part) throws Exception {
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        }
    }
}
