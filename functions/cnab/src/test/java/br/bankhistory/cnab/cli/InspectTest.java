package br.bankhistory.cnab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The inspect command run in process on the samples: its text, its JSON and each exit code. */
class InspectTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Inspect.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static String sample(String path) {
        try {
            return Path.of(InspectTest.class.getResource("/samples/" + path).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> json() {
        return (Map<String, Object>) JsonParser.parse(out());
    }

    @Test
    void cleanRemessaInTextExitsZero() {
        int code = run("inspect", sample("kmee-cnab240/cobranca.itau.rem"));

        assertThat(code).isEqualTo(Inspect.CLEAN);
        assertThat(out()).contains("Layout:       CNAB240")
                .contains("Bank:         341 Itaú")
                .contains("Direction:    REMESSA")
                .contains("Service:      COBRANCA")
                .contains("Version:      040")
                .contains("Company:      TRACY TECNOLOGIA LTDA ME (15594050000111)")
                .contains("File number:  900001   Generated on: 27/06/2012")
                .contains("Items:        2   total R$ 300,00   paid R$ 0,00")
                .contains("INSTRUCTION_ENTRY             2   amount R$ 300,00")
                .contains("Findings:     0 error(s), 0 warning(s), 0 info")
                .contains("Exit code:    0");
        assertThat(err()).isEmpty();
    }

    @Test
    void retornoInJsonWithItemsIsOneObjectInCents() {
        int code = run("inspect", sample("laravel-boleto/caixa.ret"), "--json", "--items");

        assertThat(code).isEqualTo(Inspect.CLEAN);
        Map<String, Object> report = json();
        assertThat(report.get("classification")).isEqualTo(Map.of("layout", "CNAB240", "bankCode", "104",
                "bankName", "Caixa", "direction", "RETORNO", "service", "COBRANCA", "layoutVersion", "040"));
        assertThat(report.get("itemCount")).isEqualTo(9L);
        assertThat((List<?>) report.get("items")).hasSize(9);
        @SuppressWarnings("unchecked")
        Map<String, Object> first = (Map<String, Object>) ((List<?>) report.get("items")).get(0);
        assertThat(first).containsEntry("segment", "T").containsEntry("occurrenceCode", "06")
                .containsEntry("occurrenceText", "Liquidação").containsEntry("category", "PAID")
                .containsEntry("amountCents", 8_000L).containsEntry("dueDate", "2014-01-02");
        @SuppressWarnings("unchecked")
        Map<String, Object> paid = (Map<String, Object>) ((Map<String, Object>) report.get("byCategory")).get("PAID");
        assertThat(paid).containsEntry("count", 9L).containsEntry("feeCents", 1_270L);
        long sum = ((List<?>) report.get("items")).stream()
                .mapToLong(item -> (Long) ((Map<?, ?>) item).get("amountCents")).sum();
        assertThat(report.get("totalAmountCents")).isEqualTo(sum);
        assertThat(report).containsEntry("findingCounts", Map.of("INFO", 0L, "WARNING", 0L, "ERROR", 0L))
                .containsEntry("findings", List.of()).containsEntry("exitCode", 0L);
        @SuppressWarnings("unchecked")
        Map<String, Object> header = (Map<String, Object>) report.get("header");
        assertThat(header).containsEntry("companyName", "EMPRESA").containsEntry("generatedOn", "2014-01-06");
        // one line, pure ASCII
        assertThat(out().strip()).doesNotContain("\n");
        assertThat(out().chars().allMatch(c -> c < 0x80)).isTrue();
    }

    @Test
    void findingsWithErrorsExitOneAndAreListedWithLineAndColumn() throws IOException {
        String sample = Files.readString(Path.of(sample("kmee-cnab240/cobranca.itau.rem")), StandardCharsets.ISO_8859_1);
        // the first title's amount (P 86-100) made non-numeric: an ERROR on a required field
        String[] lines = sample.split("\r\n");
        lines[2] = lines[2].substring(0, 85) + "00000000000X000" + lines[2].substring(100);
        Path broken = dir.resolve("broken.rem");
        Files.writeString(broken, String.join("\r\n", lines) + "\r\n", StandardCharsets.ISO_8859_1);

        int code = run("inspect", broken.toString());

        assertThat(code).isEqualTo(Inspect.FINDINGS_WITH_ERRORS);
        assertThat(out()).contains("Findings:     1 error(s)")
                .contains("ERROR  line 3, column 86  NOT_NUMERIC [amount]")
                .contains("Exit code:    1");

        out.reset();
        assertThat(run("inspect", broken.toString(), "--json")).isEqualTo(1);
        @SuppressWarnings("unchecked")
        Map<String, Object> finding = (Map<String, Object>) ((List<?>) json().get("findings")).get(0);
        assertThat(finding).containsEntry("severity", "ERROR").containsEntry("line", 3L)
                .containsEntry("column", 86L).containsEntry("code", "NOT_NUMERIC").containsEntry("field", "amount");
        assertThat(json()).containsEntry("exitCode", 1L);
    }

    @Test
    void notCnabExitsTwoWithAMessageOnStderr() {
        int code = run("inspect", sample("OpenCnabPHP/teste.rem"));

        assertThat(code).isEqualTo(Inspect.NOT_CNAB);
        assertThat(out()).contains("Layout:       NOT_CNAB").contains("UTF16_CONTENT");
        assertThat(err()).contains("is not a CNAB file").contains("UTF-16");
    }

    @Test
    void missingFileAndBadArgumentsExitTwo() {
        assertThat(run("inspect", dir.resolve("nowhere.rem").toString())).isEqualTo(Inspect.NOT_CNAB);
        assertThat(err()).contains("file not found");
        assertThat(out()).isEmpty();

        for (String[] args : List.of(new String[] {}, new String[] {"inspect"}, new String[] {"read", "x"},
                new String[] {"inspect", "a", "--max-findings"}, new String[] {"inspect", "a", "--max-findings", "x"},
                new String[] {"inspect", "a", "--frobnicate"}, new String[] {"inspect", "a", "b"})) {
            err.reset();
            assertThat(run(args)).as(String.join(" ", args)).isEqualTo(Inspect.NOT_CNAB);
            assertThat(err()).as(String.join(" ", args)).contains(Inspect.USAGE);
        }
        out.reset();
        assertThat(run("--help")).isZero();
        assertThat(out()).contains(Inspect.USAGE);
    }

    @Test
    void maxFindingsBoundsTheListButNotTheCounts() {
        // every line right-trimmed: one LINE_SHORT warning per line (16 lines)
        int code = run("inspect", sample("brcobranca/CNAB240.RET"), "--json", "--max-findings", "3");

        assertThat(code).isEqualTo(Inspect.CLEAN);
        Map<String, Object> report = json();
        assertThat((List<?>) report.get("findings")).hasSize(3);
        @SuppressWarnings("unchecked")
        Map<String, Object> counts = (Map<String, Object>) report.get("findingCounts");
        assertThat((Long) counts.get("WARNING")).isGreaterThan(3L);
    }

    @Test
    void itemsInTextAreListedOnePerLine() {
        int code = run("inspect", sample("brcobranca/remessa-itau-cnab444.rem"), "--items");

        assertThat(code).isEqualTo(Inspect.CLEAN);
        assertThat(out()).contains("Items (line, segment")
                .contains("  2  1  00000123  0000000000  01 INSTRUCTION_ENTRY  14/07/2015  R$ 199,90  R$ 0,00  R$ 0,00"
                        + "  PABLO DIEGO JOSE FRANCISCO DE");
    }

    @Test
    void extratoEntriesCompletenessAndAmountsAreShown() {
        int code = run("inspect", sample("synthetic/extrato-237.ret"), "--items");

        assertThat(code).isEqualTo(Inspect.CLEAN);
        assertThat(out()).contains("Service:      EXTRATO")
                .contains("entry: C 02/04/2024 R$ 150,40  category 202 Líquido de cobrança  history 0123 LIQUIDO"
                        + " COBRANCA  document DOC-001")
                .contains("Complete:     yes");
    }

    @Test
    void amountsByMeaningAndAPaidDerivedFromTheNetAreShown() {
        int code = run("inspect", sample("brcobranca/CNAB400ITAU.RET"), "--items");

        assertThat(code).isEqualTo(Inspect.CLEAN);
        assertThat(out()).contains("amounts: title R$ 48,75, paid R$ 49,77, net R$ 47,67, fee R$ 2,10, juros R$ 1,02");
    }

    @Test
    void jsonCarriesAmountsCompletenessAndTheCutItem() throws Exception {
        java.nio.file.Path cut = java.nio.file.Files.createTempFile("cut", ".ret");
        byte[] whole = java.nio.file.Files.readAllBytes(java.nio.file.Path.of(sample("laravel-boleto/caixa.ret")));
        java.nio.file.Files.write(cut, java.util.Arrays.copyOf(whole, 242 * 4 + 100));
        int code = run("inspect", cut.toString(), "--json", "--items");

        assertThat(code).isEqualTo(Inspect.FINDINGS_WITH_ERRORS);
        assertThat(out()).contains("\"completeness\":{\"complete\":false")
                .contains("\"code\":\"TRUNCATED_RECORD\"").contains("\"partial\":true")
                .contains("\"netCreditedCents\":");
        java.nio.file.Files.delete(cut);
    }
}
