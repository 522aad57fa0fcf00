package br.bankhistory.history.notify;

import br.bankhistory.history.adapter.ses.SesEmailSender;
import br.bankhistory.history.config.AwsClients;

import br.bankhistory.emulators.EmulatorStack;
import br.bankhistory.history.config.ServiceConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sesv2.SesV2Client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sends through the SDK to the real SES emulator (aws-ses-v2-local) and reads back what it received. */
class SesEmailSenderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static EmulatorStack aws;
    private static SesV2Client ses;

    @BeforeAll
    static void start() {
        aws = EmulatorStack.builder().withSes(true).start();
        ServiceConfig config = ServiceConfig.local("notify-test", "notify-test", aws.dynamoDbEndpoint(),
                aws.s3Endpoint(), aws.sesEndpoint(), aws.accessKey(), aws.secretKey());
        ses = new AwsClients(config).sesV2();
    }

    @AfterAll
    static void stop() {
        try {
            if (ses != null) {
                ses.close();
            }
        } finally {
            if (aws != null) {
                aws.close();
            }
        }
    }

    @BeforeEach
    void emptyInbox() {
        aws.sesInbox().clear();
    }

    @Test
    void sendsTheProcessedEmailWithExactAttachments() throws Exception {
        byte[] txt = TestRecords.resource("notify/caixa-latin1.ret");
        byte[] pdf = tinyPdf("Extrato de RETORNO.RET");
        AdminEmail email = new AdminEmailComposer("http://127.0.0.1:8080").processed(
                TestRecords.processedCobranca("RETORNO.RET"), List.of("admin@acme.example", "fin@acme.example"),
                TestRecords.rejectedLines(2), FileBytes.of(txt), FileBytes.of(pdf));
        SesEmailSender sender = new SesEmailSender(ses, new MimeMessages(MimeMessages.DEFAULT_FROM), Optional.empty());

        String messageId = sender.send(sender.prepare(email));

        assertThat(messageId).isNotBlank();
        JsonNode emails = JSON.readTree(aws.sesInbox().storeJson()).path("emails");
        assertThat(emails).hasSize(1);
        JsonNode stored = emails.get(0);
        assertThat(stored.path("messageId").asText()).isEqualTo(messageId);
        assertThat(stored.path("from").asText()).contains("no-reply@example.com").contains("Histórico Bancário");
        assertThat(String.join(",", texts(stored.path("destination").path("to"))))
                .contains("admin@acme.example").contains("fin@acme.example");
        assertThat(stored.path("subject").asText())
                .isEqualTo("Retorno Caixa 05/01: 2 pagos R$ 1.230,00 · 2 rejeitados · 5 entradas confirmadas — RETORNO.RET");
        assertThat(stored.path("body").path("text").asText())
                .contains("Retorno de Cobrança processado")
                .contains("EMPRESA SÃO JOÃO")
                .contains("06/01/2024 10:15")
                .contains("Liquidado").contains("R$ 1.234,56")
                .contains("08 - Nosso número inválido")
                .contains("http://127.0.0.1:8080/#/integrations/" + TestRecords.ID);
        assertThat(stored.path("body").path("html").asText()).contains("<table").contains("Entrada confirmada");

        JsonNode attachments = stored.path("attachments");
        assertThat(attachments).hasSize(2);
        assertThat(attachments.get(0).path("filename").asText()).isEqualTo("RETORNO.RET");
        assertThat(attachments.get(0).path("contentType").asText()).startsWith("text/plain");
        assertThat(Base64.getDecoder().decode(attachments.get(0).path("content").asText())).isEqualTo(txt);
        assertThat(attachments.get(1).path("filename").asText()).isEqualTo("extrato-RETORNO.pdf");
        assertThat(attachments.get(1).path("contentType").asText()).isEqualTo("application/pdf");
        byte[] pdfBack = Base64.getDecoder().decode(attachments.get(1).path("content").asText());
        assertThat(new String(pdfBack, 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF");
        assertThat(pdfBack).isEqualTo(pdf);
        try (PDDocument document = Loader.loadPDF(pdfBack)) {
            assertThat(new PDFTextStripper().getText(document)).contains("Extrato de RETORNO.RET");
        }
    }

    @Test
    void sendsTheFailureEmailWithAConfigurationSet() throws Exception {
        AdminEmail email = new AdminEmailComposer("http://127.0.0.1:8080").failed(
                TestRecords.rejected("<script>.ret", 3), List.of("admin@acme.example"), null, null);
        SesEmailSender sender = new SesEmailSender(ses, new MimeMessages("Histórico Bancário <historico@acme.example>"),
                Optional.of("bank-history"));

        sender.send(sender.prepare(email));

        JsonNode stored = JSON.readTree(aws.sesInbox().storeJson()).path("emails").get(0);
        assertThat(stored.path("subject").asText())
                .isEqualTo("Arquivo do banco não processado: Linha com 201 caracteres; esperado 240 — <script>.ret");
        assertThat(stored.path("body").path("html").asText()).contains("&lt;script&gt;.ret").doesNotContain("<script>");
        assertThat(stored.path("body").path("text").asText()).contains("peça ao banco que o reenvie");
        assertThat(stored.path("attachments")).isEmpty();
    }

    @Test
    void anUnreachableEndpointIsAFailureToSendAgainLater() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        ServiceConfig config = ServiceConfig.local("notify-test", "notify-test", aws.dynamoDbEndpoint(),
                aws.s3Endpoint(), URI.create("http://127.0.0.1:" + port), aws.accessKey(), aws.secretKey());
        AdminEmail email = new AdminEmailComposer("http://127.0.0.1:8080").failed(
                TestRecords.rejected("X.RET", 1), List.of("admin@acme.example"), null, null);
        try (SesV2Client unreachable = new AwsClients(config).sesV2()) {
            SesEmailSender sender = new SesEmailSender(unreachable, new MimeMessages(MimeMessages.DEFAULT_FROM),
                    Optional.empty());
            EmailSender.Prepared prepared = sender.prepare(email);
            // nothing listens there: the request never reached SES, so sending again later cannot duplicate it
            assertThatThrownBy(() -> sender.send(prepared)).isInstanceOfSatisfying(EmailSendException.class,
                    e -> assertThat(e.outcome()).isEqualTo(EmailSendException.Outcome.NOT_SENT));
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(node -> out.add(node.asText()));
        return out;
    }

    private static byte[] tinyPdf(String line) throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 720);
                content.showText(line);
                content.endText();
            }
            document.save(out);
            return out.toByteArray();
        }
    }
}
