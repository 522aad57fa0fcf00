package br.bankhistory.cnab;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real CNAB 400 files. Expected values were read from the files by hand (awk on the positions of the
 * bank's layout), not from the reader's output.
 */
class Cnab400SamplesTest {

    @Test
    void bancoDoBrasilCbr643WithDetailType7() {
        ReadResult read = ReadResult.ofSample("brcobranca/CBR64310.RET");

        assertThat(read.classification()).isEqualTo(new Classification(Layout.CNAB400, Direction.RETORNO,
                Service.COBRANCA, "001", "Banco do Brasil", ""));
        assertThat(read.summary().lineCount()).isEqualTo(28);
        assertThat(read.summary().itemCount()).isEqualTo(26);
        assertThat(read.summary().totalAmountCents()).isEqualTo(1_005_183);
        assertThat(read.summary().totalPaidCents()).isEqualTo(1_005_183);
        assertThat(read.summary().byOccurrence()).containsOnlyKeys("06");
        assertThat(read.summary().byCategory().get(Category.PAID).feeCents()).isEqualTo(13_000);
        Item first = read.items().get(0);
        assertThat(first.segment()).isEqualTo("7");
        assertThat(first.ourNumber()).isEqualTo("16224200000000003");
        assertThat(first.occurrenceDate()).isEqualTo(LocalDate.of(2009, 1, 20));
        assertThat(first.creditDate()).isEqualTo(LocalDate.of(2009, 1, 22));
        assertThat(first.feeCents()).isEqualTo(500);
        assertThat(read.summary().header().companyName()).isEqualTo("INSTITUTO MATO-GROSSENSE DO AL");
        assertThat(read.summary().header().sequenceNumber()).isEqualTo(7);
        assertThat(read.summary().header().agreement()).isEqualTo("1622420");
        assertThat(read.summary().findings()).isEmpty();
    }

    @Test
    void itauRetornoWithTrailerTotal() {
        ReadResult read = ReadResult.ofSample("brcobranca/CNAB400ITAU.RET");

        assertThat(read.classification()).isEqualTo(new Classification(Layout.CNAB400, Direction.RETORNO,
                Service.COBRANCA, "341", "Itaú", ""));
        assertThat(read.summary().itemCount()).isEqualTo(52);
        // trailer 221-234 = 268896, the sum of the details' 153-165
        assertThat(read.summary().totalAmountCents()).isEqualTo(268_896);
        // Itaú prints only the net credited (254-266, "valor principal"): paid = net + tarifa on the 51
        // liquidations (e.g. line 42: 47,67 credited + 2,10 tarifa = 48,75 + 1,02 juros paid); the write-off's
        // 2,10 at 254-266 is the tarifa debited, not a payment
        assertThat(read.summary().totalPaidCents()).isEqualTo(265_332);
        Item line42 = read.items().stream().filter(i -> i.line() == 42).findFirst().orElseThrow();
        assertThat(line42.amounts()).isEqualTo(new Amounts(4_875, 4_977, 4_767, 210, 102, 0, 0, 0, 0, 0, 0));
        Item baixa = read.items().stream().filter(i -> i.line() == 53).findFirst().orElseThrow();
        assertThat(baixa.paidCents()).isZero();
        assertThat(baixa.amounts().netCreditedCents()).isEqualTo(210);
        assertThat(read.summary().byOccurrence().get("06").count()).isEqualTo(51);
        assertThat(read.summary().byCategory().get(Category.WRITTEN_OFF).count()).isEqualTo(1);
        Item writtenOff = read.items().stream().filter(i -> i.occurrenceCode().equals("09")).findFirst().orElseThrow();
        assertThat(writtenOff.line()).isEqualTo(53);
        assertThat(writtenOff.ourNumber()).isEqualTo("27714592");
        assertThat(writtenOff.counterpartName()).isEqualTo("MIRCALO TIADORO");
        assertThat(writtenOff.yourNumber()).isEqualTo("0000002068");
        assertThat(writtenOff.dueDate()).isEqualTo(LocalDate.of(2013, 5, 10));
        assertThat(read.summary().header().companyName()).isEqualTo("PLUTO ALTO ELENTAS LTDA ME");
        assertThat(read.summary().header().sequenceNumber()).isEqualTo(25);
        assertThat(read.summary().findings()).isEmpty();
    }

    @Test
    void itauRemessaWith444CharacterDetail() {
        ReadResult read = ReadResult.ofSample("brcobranca/remessa-itau-cnab444.rem");

        assertThat(read.classification()).isEqualTo(new Classification(Layout.CNAB400, Direction.REMESSA,
                Service.COBRANCA, "341", "Itaú", ""));
        assertThat(read.items()).singleElement().satisfies(item -> {
            assertThat(item.occurrenceCode()).isEqualTo("01");
            assertThat(item.category()).isEqualTo(Category.INSTRUCTION_ENTRY);
            assertThat(item.ourNumber()).isEqualTo("00000123");
            assertThat(item.dueDate()).isEqualTo(LocalDate.of(2015, 7, 14));
            assertThat(item.amountCents()).isEqualTo(19_990);
            assertThat(item.counterpartName()).isEqualTo("PABLO DIEGO JOSE FRANCISCO DE");
        });
        // the 444-character detail and the type-2 complement are part of the layout: no finding
        assertThat(read.summary().findings()).isEmpty();
    }

    @Test
    void brbRemessaWith39CharacterHeader() {
        ReadResult read = ReadResult.ofSample("brcobranca/remessa-banco-brasilia-cnab400.rem");

        assertThat(read.classification()).isEqualTo(new Classification(Layout.CNAB400, Direction.REMESSA,
                Service.COBRANCA, "070", "BRB", ""));
        assertThat(read.items()).singleElement().satisfies(item -> {
            assertThat(item.ourNumber()).isEqualTo("200012307038");
            assertThat(item.yourNumber()).isEqualTo("0000000006969");
            assertThat(item.dueDate()).isEqualTo(LocalDate.of(2015, 7, 14));
            assertThat(item.amountCents()).isEqualTo(19_990);
            assertThat(item.counterpartName()).isEqualTo("PABLO DIEGO JOSE FRANCISCO DE PAULA");
            assertThat(item.counterpartDocument()).isEqualTo("00012345678901");
            assertThat(item.category()).isEqualTo(Category.INSTRUCTION_ENTRY);
        });
        assertThat(read.summary().header().agency()).isEqualTo("083");
        assertThat(read.summary().header().account()).isEqualTo("0000490");
        assertThat(read.summary().header().generatedOn()).isEqualTo(LocalDate.of(2015, 7, 14));
        assertThat(read.summary().findings()).isEmpty();
    }

    @Test
    void santanderRemessaWithPixRecord8() {
        ReadResult read = ReadResult.ofSample("brcobranca/remessa-santander-cnab400-pix.rem");

        assertThat(read.classification()).isEqualTo(new Classification(Layout.CNAB400, Direction.REMESSA,
                Service.COBRANCA, "033", "Santander", ""));
        assertThat(read.items()).singleElement().satisfies(item -> {
            assertThat(item.ourNumber()).isEqualTo("00000123");
            assertThat(item.amountCents()).isEqualTo(19_990);
            assertThat(item.counterpartName()).isEqualTo("PABLO DIEGO JOSE FRANCISCO DE PAULA JUAN");
        });
        assertThat(read.summary().findings()).isEmpty();
    }

    @Test
    void santanderRetornoWithPixRecord2AndNoFinalNewline() {
        ReadResult read = ReadResult.ofSample("laravel-boleto/santander_pix.ret");

        assertThat(read.classification().bankCode()).isEqualTo("033");
        assertThat(read.classification().direction()).isEqualTo(Direction.RETORNO);
        assertThat(read.items()).singleElement().satisfies(item -> {
            assertThat(item.ourNumber()).isEqualTo("00000019");
            assertThat(item.occurrenceCode()).isEqualTo("02");
            assertThat(item.category()).isEqualTo(Category.ENTRY_CONFIRMED);
            assertThat(item.amountCents()).isEqualTo(10_000);
            assertThat(item.dueDate()).isEqualTo(LocalDate.of(2016, 10, 20));
        });
        assertThat(read.summary().lineCount()).isEqualTo(4);
        assertThat(read.summary().findings()).isEmpty();
    }

    @Test
    void sicrediRetornoWithSyntheticHeaderDate() {
        ReadResult read = ReadResult.ofSample("laravel-boleto/sicredi.ret");

        assertThat(read.classification().bankCode()).isEqualTo("748");
        assertThat(read.items()).singleElement().satisfies(item -> {
            assertThat(item.ourNumber()).isEqualTo("00000162000015");
            assertThat(item.dueDate()).isEqualTo(LocalDate.of(2016, 11, 11));
            assertThat(item.amountCents()).isEqualTo(10_000);
        });
        // Sicredi's header date is yyyyMMdd at 95-102; the synthetic file has "11111600"
        Finding date = read.first(FindingCodes.INVALID_DATE);
        assertThat(date.line()).isEqualTo(1);
        assertThat(date.column()).isEqualTo(95);
        assertThat(read.summary().findings()).hasSize(1);
    }

    @Test
    void caixaRetornoUsesCaixasOwnOccurrenceNumbering() {
        ReadResult read = ReadResult.ofSample("laravel-boleto/cef.ret");

        assertThat(read.classification().bankName()).isEqualTo("Caixa");
        assertThat(read.items()).singleElement().satisfies(item -> {
            assertThat(item.ourNumber()).isEqualTo("14000000000000001");
            assertThat(item.occurrenceCode()).isEqualTo("02");
            // Caixa 400: 02 = "Baixa confirmada" (01 is the entry)
            assertThat(item.category()).isEqualTo(Category.WRITTEN_OFF);
            assertThat(item.dueDate()).isEqualTo(LocalDate.of(2016, 10, 19));
        });
        assertThat(read.summary().findings()).isEmpty();
    }

    @Test
    void bancoDoBrasilSyntheticRetorno() {
        ReadResult read = ReadResult.ofSample("laravel-boleto/bb.ret");

        assertThat(read.items()).singleElement().satisfies(item -> {
            assertThat(item.segment()).isEqualTo("7");
            assertThat(item.ourNumber()).isEqualTo("12345670000000001");
            assertThat(item.category()).isEqualTo(Category.ENTRY_CONFIRMED);
        });
        assertThat(read.summary().findings()).isEmpty();
    }

    @Test
    void interRetornoWithItsOwnPositions() {
        ReadResult read = ReadResult.ofSample("laravel-boleto/inter.ret");

        assertThat(read.classification()).isEqualTo(new Classification(Layout.CNAB400, Direction.RETORNO,
                Service.COBRANCA, "077", "Inter", ""));
        assertThat(read.items()).singleElement().satisfies(item -> {
            // Inter: occurrence 90-91, value 125-137, due date 119-124
            assertThat(item.occurrenceCode()).isEqualTo("02");
            assertThat(item.category()).isEqualTo(Category.ENTRY_CONFIRMED);
            assertThat(item.amountCents()).isEqualTo(1_000);
            assertThat(item.dueDate()).isEqualTo(LocalDate.of(2021, 12, 7));
            assertThat(item.occurrenceDate()).isEqualTo(LocalDate.of(2021, 12, 6));
            assertThat(item.yourNumber()).isEqualTo("0000000001");
        });
        assertThat(read.summary().findings()).isEmpty();
    }
}
