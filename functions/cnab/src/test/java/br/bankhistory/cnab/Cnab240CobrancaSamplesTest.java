package br.bankhistory.cnab;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real CNAB 240 cobrança files. Every expected value was read from the file by hand (cut/awk on the
 * positions of the layout), not from the reader's output.
 */
class Cnab240CobrancaSamplesTest {

    @Test
    void caixaRetornoOfNinePaidTitles() {
        ReadResult read = ReadResult.ofSample("laravel-boleto/caixa.ret");

        assertThat(read.classification()).isEqualTo(new Classification(Layout.CNAB240, Direction.RETORNO,
                Service.COBRANCA, "104", "Caixa", "040"));
        FileSummary summary = read.summary();
        assertThat(summary.lineCount()).isEqualTo(22);
        assertThat(summary.itemCount()).isEqualTo(9);
        // sum of T 82-96 and of U 78-92
        assertThat(summary.totalAmountCents()).isEqualTo(112_000);
        assertThat(summary.totalPaidCents()).isEqualTo(101_000);
        assertThat(summary.byCategory()).containsOnlyKeys(Category.PAID);
        assertThat(summary.byCategory().get(Category.PAID).feeCents()).isEqualTo(1_270);
        assertThat(summary.byOccurrence()).containsOnlyKeys("06");
        // Caixa SIGCB header: 33-52 zeros, the código do beneficiário (the agreement) at 59-64, no account
        assertThat(summary.header()).isEqualTo(new FileHeader("EMPRESA", "09018380000199", "01234", "",
                "043210", 1622, LocalDate.of(2014, 1, 6)));
        assertThat(summary.findings()).isEmpty();

        Item first = read.items().get(0);
        assertThat(first.line()).isEqualTo(3);
        assertThat(first.segment()).isEqualTo("T");
        assertThat(first.ourNumber()).isEqualTo("24000000011136997");
        assertThat(first.occurrenceCode()).isEqualTo("06");
        assertThat(first.occurrenceText()).isEqualTo("Liquidação");
        assertThat(first.category()).isEqualTo(Category.PAID);
        assertThat(first.dueDate()).isEqualTo(LocalDate.of(2014, 1, 2));
        assertThat(first.amountCents()).isEqualTo(8_000);
        assertThat(first.paidCents()).isEqualTo(8_000);
        assertThat(first.feeCents()).isEqualTo(125);
        assertThat(first.occurrenceDate()).isEqualTo(LocalDate.of(2014, 1, 6));
        assertThat(first.creditDate()).isEqualTo(LocalDate.of(2014, 1, 7));
        // T 214-223 "020101": Caixa's own motivos of liquidação (02 = casa lotérica; 01 is not in its table,
        // and is still given words rather than shown bare)
        assertThat(first.reasons()).containsExactly("02 - Casa lotérica",
                "01 - motivo não descrito na tabela do banco", "01 - motivo não descrito na tabela do banco");
        Item eighth = read.items().get(7);
        assertThat(eighth.amountCents()).isEqualTo(48_000);
        assertThat(eighth.paidCents()).isEqualTo(42_000);
    }

    @Test
    void sicoobRetornoWithRejectionsAndReasons() {
        ReadResult read = ReadResult.ofSample("OpenCnabPHP/sicoob-example.ret");

        assertThat(read.classification()).isEqualTo(new Classification(Layout.CNAB240, Direction.RETORNO,
                Service.COBRANCA, "756", "Sicoob", "085"));
        assertThat(read.summary().itemCount()).isEqualTo(5);
        assertThat(read.summary().totalAmountCents()).isEqualTo(2_600);
        assertThat(read.summary().totalPaidCents()).isZero();
        assertThat(read.items()).extracting(Item::occurrenceCode).containsExactly("11", "06", "03", "03", "03");
        assertThat(read.summary().byCategory().get(Category.ENTRY_REJECTED).count()).isEqualTo(3);
        // Sicoob nosso número is T 38-47
        assertThat(read.items().get(0).ourNumber()).isEqualTo("0000005018");
        assertThat(read.items().get(1).ourNumber()).isEqualTo("0000000500");
        assertThat(read.items().get(0).counterpartName()).isEqualTo("BRENO DOUGLAS");
        // T 214-223 "0000000009": zeros dropped
        assertThat(read.items().get(2).reasons()).containsExactly("09 - Nosso número duplicado");
        // T 214-223 "000000AFHA"
        assertThat(read.items().get(4).reasons()).hasSize(2);
        assertThat(read.items().get(4).reasons().get(0)).startsWith("AF");
        assertThat(read.items().get(4).reasons().get(1)).startsWith("HA");
        assertThat(read.summary().header().sequenceNumber()).isEqualTo(2);
        assertThat(read.summary().header().companyName()).isEqualTo("BDOUGLAS TECH");
        assertThat(read.summary().errorCount()).isZero();
    }

    @Test
    void sicrediRetornoEntryConfirmedAndFee() {
        ReadResult read = ReadResult.ofSample("brcobranca/CNAB240SICREDI.CRT");

        assertThat(read.classification()).isEqualTo(new Classification(Layout.CNAB240, Direction.RETORNO,
                Service.COBRANCA, "748", "Sicredi", "081"));
        assertThat(read.summary().itemCount()).isEqualTo(2);
        assertThat(read.summary().totalAmountCents()).isEqualTo(1_990);
        Item entry = read.items().get(0);
        assertThat(entry.occurrenceCode()).isEqualTo("02");
        assertThat(entry.category()).isEqualTo(Category.ENTRY_CONFIRMED);
        assertThat(entry.reasons()).containsExactly("A4 - Pagador DDA");
        assertThat(entry.ourNumber()).isEqualTo("172000595");
        assertThat(entry.dueDate()).isEqualTo(LocalDate.of(2017, 4, 13));
        assertThat(entry.counterpartName()).isEqualTo("SURFISTAO MEDINA");
        Item fee = read.items().get(1);
        assertThat(fee.occurrenceCode()).isEqualTo("28");
        assertThat(fee.category()).isEqualTo(Category.FEE);
        assertThat(fee.feeCents()).isEqualTo(380);
        assertThat(fee.creditDate()).isEqualTo(LocalDate.of(2017, 4, 6));
        assertThat(read.summary().header().generatedOn()).isEqualTo(LocalDate.of(2017, 4, 7));
        assertThat(read.summary().findings()).isEmpty();
    }

    @Test
    void caixaRemessaOfOneTitleWithPqr() {
        ReadResult read = ReadResult.ofSample("brcobranca/remessa-caixa-cnab240.rem");

        assertThat(read.classification()).isEqualTo(new Classification(Layout.CNAB240, Direction.REMESSA,
                Service.COBRANCA, "104", "Caixa", "050"));
        assertThat(read.items()).hasSize(1);
        Item title = read.items().get(0);
        assertThat(title.segment()).isEqualTo("P");
        assertThat(title.occurrenceCode()).isEqualTo("01");
        assertThat(title.category()).isEqualTo(Category.INSTRUCTION_ENTRY);
        assertThat(title.ourNumber()).isEqualTo("14000000000000123");
        assertThat(title.yourNumber()).isEqualTo("00000006969");
        assertThat(title.dueDate()).isEqualTo(LocalDate.of(2015, 7, 14));
        assertThat(title.amountCents()).isEqualTo(19_990);
        assertThat(title.counterpartName()).isEqualTo("PABLO DIEGO JOSE FRANCISCO DE PAULA JUAN");
        assertThat(title.counterpartDocument()).isEqualTo("000012345678901");
        assertThat(read.summary().header().companyName()).isEqualTo("SOCIEDADE BRASILEIRA DE ZOOLOG");
        assertThat(read.summary().findings()).isEmpty();
    }

    @Test
    void itauRemessaWithCrlf() {
        ReadResult read = ReadResult.ofSample("kmee-cnab240/cobranca.itau.rem");

        assertThat(read.classification()).isEqualTo(new Classification(Layout.CNAB240, Direction.REMESSA,
                Service.COBRANCA, "341", "Itaú", "040"));
        assertThat(read.items()).hasSize(2);
        assertThat(read.summary().totalAmountCents()).isEqualTo(30_000);
        // Itaú: carteira 38-40 ("109"), nosso número 41-48
        assertThat(read.items()).extracting(Item::ourNumber).containsExactly("90000000", "00000001");
        assertThat(read.items()).extracting(Item::dueDate)
                .containsExactly(LocalDate.of(2012, 6, 30), LocalDate.of(2012, 7, 1));
        assertThat(read.items()).extracting(Item::counterpartName)
                .containsExactly("DAVI OLIVEIRA CAMPOS", "SERGIO OLIVEIRA CAMPOS");
        assertThat(read.summary().header().sequenceNumber()).isEqualTo(900001);
        assertThat(read.summary().findings()).isEmpty();
    }

    @Test
    void bancoDoBrasilRetornoWithRightTrimmedLines() {
        ReadResult read = ReadResult.ofSample("brcobranca/CNAB240.RET");

        assertThat(read.classification()).isEqualTo(new Classification(Layout.CNAB240, Direction.RETORNO,
                Service.COBRANCA, "001", "Banco do Brasil", "030"));
        assertThat(read.summary().lineCount()).isEqualTo(74);
        assertThat(read.summary().itemCount()).isEqualTo(35);
        assertThat(read.summary().totalAmountCents()).isEqualTo(2_188_094);
        assertThat(read.summary().totalPaidCents()).isEqualTo(2_188_094);
        assertThat(read.summary().byOccurrence()).containsOnlyKeys("17");
        // every line is shorter than 240: each one padded, with a warning at the first missing column;
        // all 74 counted, the first 20 listed, then one note for the rest
        assertThat(read.summary().warningCount()).isEqualTo(74);
        assertThat(read.count(FindingCodes.LINE_SHORT)).isEqualTo(20);
        assertThat(read.first(FindingCodes.MORE_FINDINGS).field()).isEqualTo(FindingCodes.LINE_SHORT);
        assertThat(read.first(FindingCodes.MORE_FINDINGS).messageEn()).startsWith("54 more");
        Finding firstLine = read.first(FindingCodes.LINE_SHORT);
        assertThat(firstLine.line()).isEqualTo(1);
        assertThat(firstLine.column()).isEqualTo(192);
        assertThat(firstLine.severity()).isEqualTo(Severity.WARNING);
        assertThat(read.summary().findingCounts()).containsOnlyKeys(Severity.WARNING);
        assertThat(read.summary().findings()).hasSize(21);
        assertThat(read.items().get(0).ourNumber()).isEqualTo("14499570000020673");
        assertThat(read.items().get(0).amountCents()).isEqualTo(34_400);
    }

    @Test
    void bancoDoBrasilRetornoWithA241CharacterLine() {
        ReadResult read = ReadResult.ofSample("laravel-boleto/banco_brasil.ret");

        assertThat(read.classification().bankCode()).isEqualTo("001");
        assertThat(read.classification().direction()).isEqualTo(Direction.RETORNO);
        assertThat(read.summary().itemCount()).isEqualTo(5);
        assertThat(read.summary().totalAmountCents()).isEqualTo(12_880);
        assertThat(read.summary().totalPaidCents()).isEqualTo(12_880);
        assertThat(read.summary().findings()).hasSize(1);
        Finding longLine = read.first(FindingCodes.LINE_LONG);
        assertThat(longLine.line()).isEqualTo(2);
        assertThat(longLine.column()).isEqualTo(241);
        assertThat(longLine.messagePt()).contains("241");
    }

    @Test
    void corruptedMixedFileGivesFindingsNotExceptions() {
        ReadResult read = ReadResult.ofSample("OpenCnabPHP/teste.rem");

        assertThat(read.classification().layout()).isEqualTo(Layout.NOT_CNAB);
        assertThat(read.items()).isEmpty();
        assertThat(read.summary().errorCount()).isEqualTo(1);
        assertThat(read.findingCodes()).containsExactly(FindingCodes.UTF16_CONTENT);
        assertThat(read.summary().lineCount()).isEqualTo(13);
    }
}
