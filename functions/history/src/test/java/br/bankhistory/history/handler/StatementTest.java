package br.bankhistory.history.handler;

import br.bankhistory.history.Services;
import br.bankhistory.history.support.Api;
import br.bankhistory.history.support.Events;
import br.bankhistory.history.support.HistoryEnvironment;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static br.bankhistory.history.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statement PDF as a finance team prints it, through the statement route, for real retornos: read back
 * with PDFBox (text and catalog) and its first page rendered to PNG under target/statement-reports/. Every
 * figure asserted was read by hand from the sample file (positions in the comments).
 */
class StatementTest {

    static final Path REPORTS = Path.of("target", "statement-reports");
    private static HistoryEnvironment environment;

    @BeforeAll
    static void startEmulators() {
        environment = HistoryEnvironment.start();
    }

    @AfterAll
    static void stopEmulators() {
        environment.close();
    }

    @Test
    void a_caixa_retorno_shows_credit_dates_discounts_net_amounts_and_the_titles_no_remessa_sent() throws Exception {
        Services services = environment.freshServices();
        String retorno = Api.ingest(services, "inbound/acme/caixa.ret", "laravel-boleto/caixa.ret", Map.of(),
                "2026-11-20T12:00:00.000Z");

        try (PDDocument pdf = statement(services, retorno, "caixa-240")) {
            String text = new PDFTextStripper().getText(pdf);
            // caixa.ret, nine T/U pairs, all movimento 06 (T 16-17): valor (T 82-96) 8 x 80,00 + 480,00;
            // desconto (U 33-47) 6 x 10,00 + 60,00; valor pago (U 78-92) and líquido (U 93-107) 1.010,00;
            // tarifa (T 199-213) 8 x 1,25 + 2,70; crédito (U 146-153) 07012014 on every title.
            assertThat(text).containsPattern("Liquidado\\s+9\\s+R\\$ 1\\.120,00\\s+R\\$ 0,00\\s+R\\$ 110,00"
                    + "\\s+R\\$ 1\\.010,00\\s+R\\$ 12,70\\s+R\\$ 1\\.010,00");
            assertThat(text).containsPattern("Total\\s+9\\s+R\\$ 1\\.120,00\\s+R\\$ 0,00\\s+R\\$ 110,00"
                    + "\\s+R\\$ 1\\.010,00\\s+R\\$ 12,70\\s+R\\$ 1\\.010,00");
            assertThat(text).contains("Créditos na conta por data")
                    .containsPattern("07/01/2014\\s+9\\s+R\\$ 1\\.010,00\\s+R\\$ 12,70\\s+R\\$ 1\\.010,00");
            assertThat(text).contains("9 títulos neste retorno: 9 liquidado(s), R$ 1.010,00 pagos e R$ 1.010,00 "
                    + "líquidos creditados.");
            // no remessa of acme sent these titles
            assertThat(text).contains("Títulos não localizados em nenhuma remessa (9)")
                    .contains("0 localizado(s) nas remessas; 9 não localizado(s) em nenhuma remessa")
                    .contains("Não localizado");
            // the third title (T line 7): nosso número 40-56, vencimento 10/01/2014, valor 80,00, desconto 10,00,
            // pago 70,00, tarifa 1,25, líquido 70,00, credited 07/01/2014
            assertThat(text).containsPattern("24000000011137889\\s+10/01/2014\\s+07/01/2014\\s+R\\$ 80,00\\s+"
                    + "R\\$ 10,00\\s+R\\$ 70,00\\s+R\\$ 1,25\\s+R\\$ 70,00\\s+06 - Liquidação");
            // seu número (T 59-73) is only zeros: no number, never "000000000000000"
            assertThat(text).doesNotContain("000000000000000");
            // the reasons in words, on each title's second line (U 214-223: canal 02 = casa lotérica)
            assertThat(text).contains("Motivo(s): 02 - Casa lotérica");
            assertThat(text).contains("Data do", "crédito", "Juros/", "Desconto/", "Líquido", "Remessa");
            assertAccessible(pdf, "Extrato do Retorno de Cobrança \u2014 caixa.ret");
        }
    }

    @Test
    void an_itau_400_retorno_shows_juros_tariffs_the_net_credited_and_seu_numero_without_padding() throws Exception {
        Services services = environment.freshServices();
        String retorno = Api.ingest(services, "inbound/acme/CNAB400ITAU.RET", "brcobranca/CNAB400ITAU.RET", Map.of(),
                "2026-11-20T12:00:00.000Z");

        try (PDDocument pdf = statement(services, retorno, "itau-400")) {
            String text = new PDFTextStripper().getText(pdf);
            // CNAB400ITAU.RET, 52 details: 51 with ocorrência 06 (109-110), one 09 (line 53). For the 06:
            // valor (153-165) 2.648,96, tarifa (176-188) 51 x 2,10 = 107,10, juros (267-279) 1,02 + 1,17 + 1,19
            // + 0,98 = 4,36, valor principal (254-266, the net credited) 2.546,22; Itaú prints no paid column,
            // so valor pago is the net plus the tarifa: 2.653,32. Crédito (296-301) 210513 on all 51.
            assertThat(text).containsPattern("Liquidado\\s+51\\s+R\\$ 2\\.648,96\\s+R\\$ 4,36\\s+R\\$ 0,00"
                    + "\\s+R\\$ 2\\.653,32\\s+R\\$ 107,10\\s+R\\$ 2\\.546,22");
            assertThat(text).containsPattern("Baixado\\s+1\\s+R\\$ 40,00");
            assertThat(text).containsPattern("Total\\s+52\\s+R\\$ 2\\.688,96");
            assertThat(text).containsPattern("21/05/2013\\s+51\\s+R\\$ 2\\.653,32\\s+R\\$ 107,10\\s+R\\$ 2\\.546,22");
            // line 52: nosso número 27615123 (63-70), seu número 0000001089 (117-126) shown as 1089, pagador
            // (325-354), vencimento 100513, valor 44,00, juros 0,98, valor pago 44,98, tarifa 2,10, líquido 42,88
            assertThat(text).containsPattern("27615123\\s+1089\\s+DIVA LOUZAMARA\\S*( \\S+)*\\s+10/05/2013\\s+21/05/2013"
                    + "\\s+R\\$ 44,00\\s+R\\$ 0,98\\s+R\\$ 44,98\\s+R\\$ 2,10\\s+R\\$ 42,88\\s+06 - Liquidação normal");
            assertThat(text).doesNotContain("0000001089");
            assertAccessible(pdf, "Extrato do Retorno de Cobrança \u2014 CNAB400ITAU.RET");
        }
    }

    @Test
    void a_cancelled_remessa_says_who_cancelled_it_when_and_why() throws Exception {
        Services services = environment.freshServices();
        String remessa = Api.ingest(services, "outbound/acme/remessa-caixa.rem", "brcobranca/remessa-caixa-cnab240.rem",
                Map.of(), "2026-11-22T12:00:00.000Z");
        Api admin = Api.admin(services, "acme");
        json(admin.onRecord("api-cancel-remessa.json", remessa, "/cancel", Events.bankNotified()), 200);

        try (PDDocument pdf = statement(services, remessa, "remessa-cancelada")) {
            String text = new PDFTextStripper().getText(pdf);
            // the reason is the one events/api-cancel-remessa.json sends; the admin is the event's caller
            assertThat(text).containsPattern("Remessa cancelada em \\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d por [^.]+\\. "
                    + "Motivo: Remessa gerada com vencimentos errados");
            assertThat(text).contains("Histórico da situação").containsPattern("Enviada ao banco\\s+Cancelada");
            assertThat(text).contains("Cancelada").contains("nenhum respondido pelo banco ainda");
        }
    }

    @Test
    void a_pagamento_aceite_says_the_payments_were_scheduled_not_effected() throws Exception {
        Services services = environment.freshServices();
        String retorno = Api.ingest(services, "inbound/acme/SB22112AIT.RET", "eduardordm-cnab240/SB22112AIT.RET",
                Map.of(), "2026-11-20T12:00:00.000Z");

        try (PDDocument pdf = statement(services, retorno, "pagamento-aceite")) {
            String text = new PDFTextStripper().getText(pdf);
            // SB22112AIT.RET: one A, ocorrência BD (231-240), forma 03 = DOC (lote header 12-13), favorecido
            // R C DE M ALMEIDA (44-73) of bank 001 (21-23), agency 00102 (24-28), account 000000041210 digit 4
            // (30-41, 43), CNPJ 09439442000103 (204-217), payment date 22112012 (94-101), valor 262,35 (120-134)
            assertThat(text).contains("Arquivo de aceite: 1 pagamento(s) agendado(s) pelo banco (ocorrência BD), "
                    + "R$ 262,35; ainda não efetivado(s).");
            assertThat(text).containsPattern("1\\s+R C DE M ALMEIDA\\s+09\\.439\\.442/0001-03\\s+001 / 00102 / "
                    + "000000041210-4\\s+DOC\\s+22/11/2012\\s+\u2014\\s+R\\$ 262,35\\s+\u2014\\s+BD - Inclusão efetuada");
            assertThat(text).containsPattern("Agendado\\s+1\\s+R\\$ 262,35\\s+R\\$ 0,00");
            assertThat(text).contains("Data de", "pagamento", "Data", "efetiva", "Valor", "efetivado", "Forma",
                    "CPF/CNPJ", "Banco / agência /");
            // a pagamento has no due date and banks return no fee column for it
            assertThat(text).doesNotContain("Vencimento").doesNotContain("Tarifa");
            assertAccessible(pdf, "Extrato do Retorno de Pagamento \u2014 SB22112AIT.RET");
        }
    }

    @Test
    void a_pagamento_confirmation_shows_effective_dates_and_amounts_authentication_barcode_and_its_remessa()
            throws Exception {
        Services services = environment.freshServices();
        Api ana = Api.user(services, "acme", "ana", "Ana Souza");
        JsonNode generated = json(ana.call("api-create-remittance.json", Events.body(PagamentoRetornos.remessa())),
                202);
        String remessaKey = generated.get("key").asText();
        String remessa = Api.deliver(services, "s3-put-outbound.json", remessaKey, "2026-11-23T13:10:05.000Z");
        HistoryEnvironment.put(services, "inbound/acme/PAG240-confirmacao.ret",
                PagamentoRetornos.effected(HistoryEnvironment.get(services, remessaKey)), Map.of());
        String retorno = Api.deliver(services, "s3-put-inbound.json", "inbound/acme/PAG240-confirmacao.ret",
                "2026-11-25T18:00:00.000Z");

        try (PDDocument pdf = statement(services, retorno, "pagamento-confirmacao")) {
            String text = new PDFTextStripper().getText(pdf);
            // the TED: 1.500,00 asked for 25/11/2026 and effected that day (A 155-162, 163-177); the boleto due
            // 30/11/2026 (J 92-99): 999,90 less a 10,00 desconto (J 115-129) plus 5,00 mora (J 130-144), paid
            // 994,90 on 25/11/2026 (J 145-152, 153-167)
            assertThat(text).contains("Arquivo de confirmação: 2 pagamento(s) efetivado(s) (ocorrência 00), "
                    + "R$ 2.494,90 efetivados.");
            assertThat(text).containsPattern("Efetivado\\s+2\\s+R\\$ 2\\.494,90\\s+R\\$ 2\\.494,90\\s+R\\$ 5,00"
                    + "\\s+R\\$ 10,00");
            assertThat(text).containsPattern("TED-77\\s+FORNECEDOR ALFA LTDA\\s+33\\.444\\.555/0001-66\\s+341 / "
                    + "\\S+ / \\S+\\s+TED\\s+25/11/2026\\s+25/11/2026\\s+R\\$ 1\\.500,00\\s+R\\$ 1\\.500,00");
            assertThat(text).containsPattern("BOL-88\\s+ENERGIA ELETRICA S\\.A\\.\\s+.*Boleto\\s+25/11/2026\\s+25/11/2026"
                    + "\\s+R\\$ 994,90\\s+R\\$ 994,90\\s+R\\$ 5,00\\s+R\\$ 10,00\\s+00 - ");
            assertThat(text).contains("Autenticação " + PagamentoRetornos.AUTHENTICATION)
                    .contains("Código de barras 34191" + "0".repeat(39)).contains("Vencimento do boleto 30/11/2026");
            // both reconciled with the remessa that sent them
            assertThat(text).contains("Conciliação: 2 localizado(s) nas remessas");
            JsonNode record = json(Api.admin(services, "acme").onRecord("api-get-integration.json", remessa, "",
                    e -> { }), 200);
            assertThat(text).contains(record.get("fileName").asText());
            assertThat(text).doesNotContain("Tarifa").doesNotContain("Incompleto");
        }
    }

    /** The statement of {@code id} through the route, its first page saved as PNG under {@code name}. */
    static PDDocument statement(Services services, String id, String name) throws Exception {
        JsonNode link = json(Api.admin(services, "acme").onRecord("api-get-statement.json", id, "/statement",
                Events.header("accept", "application/json")), 200);
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(link.get("url").asText())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        PDDocument pdf = Loader.loadPDF(response.body());
        png(pdf, name);
        return pdf;
    }

    static void png(PDDocument pdf, String name) throws IOException {
        Files.createDirectories(REPORTS);
        BufferedImage page = new PDFRenderer(pdf).renderImageWithDPI(0, 110);
        ImageIO.write(page, "png", REPORTS.resolve(name + "-p1.png").toFile());
        Files.writeString(REPORTS.resolve(name + ".txt"), new PDFTextStripper().getText(pdf), StandardCharsets.UTF_8);
    }

    /** Tagged, pt-BR, titled: what a screen reader and the PDF/UA checks look for first. */
    static void assertAccessible(PDDocument pdf, String title) {
        PDDocumentCatalog catalog = pdf.getDocumentCatalog();
        assertThat(catalog.getLanguage()).isEqualTo("pt-BR");
        assertThat(catalog.getMarkInfo()).isNotNull();
        assertThat(catalog.getMarkInfo().isMarked()).isTrue();
        assertThat(catalog.getStructureTreeRoot()).isNotNull();
        assertThat(catalog.getStructureTreeRoot().getKids()).isNotEmpty();
        assertThat(catalog.getStructureTreeRoot().getParentTree()).isNotNull();
        assertThat(catalog.getViewerPreferences().displayDocTitle()).isTrue();
        assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo(title);
        assertThat(catalog.getMetadata()).isNotNull();
        try {
            String xmp = new String(catalog.getMetadata().toByteArray(), StandardCharsets.UTF_8);
            assertThat(xmp).contains(title).contains("<rdf:li>pt-BR</rdf:li>");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
