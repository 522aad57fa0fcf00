package br.bankhistory.cnab;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The other real CNAB 240 files: bank model files with inconsistent trailers, a rejection file, etc. */
class Cnab240MoreSamplesTest {

    @Test
    void caixaRejectionFileWithSegmentW() {
        ReadResult read = ReadResult.ofSample("OpenCnabPHP/RETORNOCEF081116.ret");

        // header 143 = "5": a pre-critique (rejection) file, read as a retorno
        assertThat(read.classification()).isEqualTo(new Classification(Layout.CNAB240, Direction.RETORNO,
                Service.COBRANCA, "104", "Caixa", "050"));
        assertThat(read.findingCodes()).containsExactly(FindingCodes.REJECTION_FILE);
        assertThat(read.items()).singleElement().satisfies(item -> {
            assertThat(item.segment()).isEqualTo("W");
            assertThat(item.category()).isEqualTo(Category.ENTRY_REJECTED);
            assertThat(item.yourNumber()).isEqualTo("000001");
            assertThat(item.reasons()).containsExactly("18.088");
        });
        assertThat(read.summary().header().companyName()).isEqualTo("SUPRITEC INFORMATICA & INTERNE");
        assertThat(read.summary().header().generatedOn()).isEqualTo(LocalDate.of(2016, 11, 8));
    }

    @Test
    void santanderRemessaWithTwoTitles() {
        ReadResult read = ReadResult.ofSample("OpenCnabPHP/remessa-test.rem");

        assertThat(read.classification()).isEqualTo(new Classification(Layout.CNAB240, Direction.REMESSA,
                Service.COBRANCA, "033", "Santander", "040"));
        assertThat(read.items()).hasSize(2);
        // Santander P: nosso número 45-57
        assertThat(read.items()).extracting(Item::ourNumber).containsOnly("0000000000507");
        assertThat(read.summary().totalAmountCents()).isEqualTo(20_000);
        assertThat(read.items().get(0).dueDate()).isEqualTo(LocalDate.of(2016, 4, 9));
        // the lote trailer carries only its record count (8 = 1 + 6 + 1), and the totals are blank
        assertThat(read.summary().findings()).isEmpty();
    }

    @Test
    void ailosModelFileWithoutLoteTrailerAndWrongCounts() {
        ReadResult read = ReadResult.ofSample("brcobranca/arquivo_modelo.txt");

        assertThat(read.classification()).isEqualTo(new Classification(Layout.CNAB240, Direction.REMESSA,
                Service.COBRANCA, "085", "Ailos", "087"));
        assertThat(read.items()).singleElement().satisfies(item -> {
            assertThat(item.amountCents()).isEqualTo(17_000);
            assertThat(item.yourNumber()).isEqualTo("4847/PE-1/2");
            assertThat(item.counterpartName()).isEqualTo("PATRICIA");
        });
        // P/Q/R/Y numbered 1,2,3,4 then 7; no type 5; the file trailer says 40 records for 8 lines
        assertThat(read.findingCodes()).containsExactly(FindingCodes.SEQUENCE_NUMBER,
                FindingCodes.MISSING_LOTE_TRAILER, FindingCodes.FILE_TRAILER_COUNT);
        assertThat(read.first(FindingCodes.FILE_TRAILER_COUNT).messagePt()).contains("40").contains("8");
        assertThat(read.summary().errorCount()).isZero();
    }

    @Test
    void credisisModelFileWithWrongTrailerCounts() {
        ReadResult read = ReadResult.ofSample("brcobranca/REMESSA_CNAB240_MODELO.txt");

        assertThat(read.classification()).isEqualTo(new Classification(Layout.CNAB240, Direction.REMESSA,
                Service.COBRANCA, "097", "CrediSIS", "101"));
        assertThat(read.items()).singleElement().satisfies(item -> {
            assertThat(item.amountCents()).isEqualTo(5_500_000);
            assertThat(item.counterpartName()).isEqualTo("WAGNER DOS SANTOS SILVA");
            assertThat(item.dueDate()).isEqualTo(LocalDate.of(2017, 7, 29));
        });
        // lote trailer says 6 records for 8, file trailer 8 for 10
        assertThat(read.findingCodes()).containsExactly(FindingCodes.LOTE_TRAILER_COUNT,
                FindingCodes.FILE_TRAILER_COUNT);
        assertThat(read.first(FindingCodes.LOTE_TRAILER_COUNT).line()).isEqualTo(9);
    }

    @Test
    void sicoobViaBancoDoBrasilWithoutFileHeaderOrTrailer() {
        ReadResult read = ReadResult.ofSample("brcobranca/remessa-sicoob-correspondente-bb-cnab240.rem");

        assertThat(read.classification().layout()).isEqualTo(Layout.CNAB240);
        assertThat(read.classification().bankCode()).isEqualTo("756");
        assertThat(read.classification().direction()).isEqualTo(Direction.REMESSA);
        assertThat(read.classification().service()).isEqualTo(Service.COBRANCA);
        assertThat(read.items()).singleElement().satisfies(item -> {
            // the correspondent file prints BB's P (17-digit nosso número at 41-57), a layout the data does
            // not describe; it is read with Sicoob's own P, nosso número 38-47
            assertThat(item.ourNumber()).isEqualTo("1234567");
            assertThat(item.amountCents()).isEqualTo(5_000);
            assertThat(item.counterpartName()).isEqualTo("PABLO DIEGO JOSE FRANCISCO DE PAULA JUAN");
        });
        assertThat(read.findingCodes()).contains(FindingCodes.MISSING_FILE_HEADER, FindingCodes.MISSING_FILE_TRAILER,
                FindingCodes.BANK_CODE_MISMATCH);
        assertThat(read.summary().errorCount()).isZero();
    }

    @Test
    void sicoobRemessaWithPqrs() {
        ReadResult read = ReadResult.ofSample("eduardordm-cnab240/sicoob_240_boletos.CED");

        assertThat(read.classification()).isEqualTo(new Classification(Layout.CNAB240, Direction.REMESSA,
                Service.COBRANCA, "756", "Sicoob", "081"));
        assertThat(read.items()).singleElement().satisfies(item -> {
            assertThat(item.amountCents()).isEqualTo(200);
            assertThat(item.dueDate()).isEqualTo(LocalDate.of(2013, 10, 31));
            assertThat(item.counterpartName()).isEqualTo("KKKKKKK BBBBBBB AAAAAAA");
        });
        // lote trailer: 6 records, 1 title, 2,00 = the file
        assertThat(read.summary().findings()).isEmpty();
    }

    @Test
    void sicoobRetornoTrailerTotalsDifferFromTheTitles() {
        ReadResult read = ReadResult.ofSample("OpenCnabPHP/sicoob-example.ret");

        // lote trailer 24-29 = 17 titles, 30-46 = 86,00 for 5 titles of 26,00
        assertThat(read.findingCodes()).containsExactly(FindingCodes.LOTE_TRAILER_SUM, FindingCodes.LOTE_TRAILER_SUM);
        assertThat(read.summary().findings()).allMatch(f -> f.severity() == Severity.WARNING && f.line() == 13);
    }
}
