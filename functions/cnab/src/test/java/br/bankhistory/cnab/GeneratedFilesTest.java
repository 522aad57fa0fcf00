package br.bankhistory.cnab;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Multi-lote files from the shared benchmark generator (see resources/generated/README.md). The expected
 * counts and sums are the generator's own summary (the .json beside each file), not the reader's output.
 */
class GeneratedFilesTest {

    private static ReadResult read(String name) {
        try (InputStream in = GeneratedFilesTest.class.getResourceAsStream("/generated/" + name)) {
            List<Item> items = new ArrayList<>();
            FileSummary summary = CnabReader.standard().read(in, items::add, ReadOptions.defaults());
            return new ReadResult(summary, items);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertCode(FileSummary summary, String code, long count, long amountCents, long paidCents,
                                   long feeCents) {
        CategoryTotal total = summary.byOccurrence().get(code);
        assertThat(total).as("occurrence " + code).isNotNull();
        assertThat(total.count()).as("count of " + code).isEqualTo(count);
        assertThat(total.amountCents()).as("amount of " + code).isEqualTo(amountCents);
        assertThat(total.paidCents()).as("paid of " + code).isEqualTo(paidCents);
        assertThat(total.feeCents()).as("fee of " + code).isEqualTo(feeCents);
    }

    @Test
    void itauCobranca240InFiveLotes() {
        FileSummary summary = read("cobranca240-itau.ret").summary();

        assertThat(summary.classification().bankCode()).isEqualTo("341");
        assertThat(summary.lineCount()).isEqualTo(414);
        assertThat(summary.itemCount()).isEqualTo(201);
        assertCode(summary, "02", 90, 26_842_260, 0, 5_340);
        assertCode(summary, "03", 12, 2_567_853, 0, 0);
        assertCode(summary, "06", 74, 20_059_514, 20_568_486, 17_077);
        assertCode(summary, "09", 25, 9_122_705, 0, 650);
        assertThat(summary.totalAmountCents()).isEqualTo(58_592_332);
        assertThat(summary.totalPaidCents()).isEqualTo(20_568_486);
        // trailer counts and lote sums all agree
        assertThat(summary.findings()).isEmpty();
    }

    @Test
    void caixaCobranca240InThreeLotes() {
        FileSummary summary = read("cobranca240-caixa.ret").summary();

        assertThat(summary.classification().bankCode()).isEqualTo("104");
        assertThat(summary.lineCount()).isEqualTo(412);
        assertCode(summary, "02", 77, 16_517_439, 0, 3_840);
        assertCode(summary, "03", 17, 2_122_000, 0, 0);
        assertCode(summary, "06", 81, 25_210_479, 25_941_667, 20_774);
        assertCode(summary, "09", 27, 8_910_893, 0, 450);
        assertThat(summary.findings()).isEmpty();
    }

    @Test
    void itau400() {
        FileSummary summary = read("itau400.ret").summary();

        assertThat(summary.classification().layout()).isEqualTo(Layout.CNAB400);
        assertThat(summary.lineCount()).isEqualTo(248);
        assertCode(summary, "02", 60, 13_385_622, 0, 3_120);
        assertCode(summary, "03", 17, 3_395_137, 0, 0);
        // the generator prints the credited net at 254-266 (Itaú's "valor principal"): paid = net + tarifa
        assertCode(summary, "06", 135, 36_218_196, 36_104_688 + 34_270, 34_270);
        assertCode(summary, "09", 19, 3_423_322, 0, 700);
        assertCode(summary, "10", 15, 2_637_885, 0, 200);
        assertThat(summary.totalAmountCents()).isEqualTo(59_060_162);
        assertThat(summary.findings()).isEmpty();
    }

    @Test
    void pagamento240WithJAndALotes() {
        ReadResult read = read("pagamento240.ret");
        FileSummary summary = read.summary();

        assertThat(summary.classification().service()).isEqualTo(Service.PAGAMENTO);
        assertThat(summary.classification().direction()).isEqualTo(Direction.RETORNO);
        assertThat(summary.lineCount()).isEqualTo(411);
        assertThat(summary.itemCount()).isEqualTo(302);
        assertCode(summary, "00", 182, 107_321_079, 107_321_079, 0);
        assertCode(summary, "01", 13, 15_287_536, 0, 0);
        assertCode(summary, "AG", 3, 6_724_870, 0, 0);
        assertCode(summary, "AM", 2, 117_444, 0, 0);
        assertCode(summary, "AN", 2, 5_821_636, 0, 0);
        assertCode(summary, "AP", 5, 3_692_561, 0, 0);
        assertCode(summary, "AR", 3, 178_664, 0, 0);
        assertCode(summary, "BD", 92, 70_734_359, 0, 0);
        assertThat(summary.totalAmountCents()).isEqualTo(209_878_149);
        assertThat(summary.byCategory().get(Category.EFFECTED).count()).isEqualTo(182);
        assertThat(summary.byCategory().get(Category.SCHEDULED).count()).isEqualTo(92);
        assertThat(summary.byCategory().get(Category.PAYMENT_REJECTED).count()).isEqualTo(13 + 3 + 2 + 2 + 5 + 3);
        assertThat(read.items()).extracting(Item::segment).containsOnly("A", "J");
        // every lote trailer's sum (24-41) matches its payments
        assertThat(summary.findings()).isEmpty();
    }
}
