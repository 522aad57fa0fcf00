package br.bankhistory.cnab;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** CNAB 240 pagamento: the real Itaú SISPAG retorno and synthetic files with every payment segment. */
class Cnab240PagamentoTest {

    /** A bank read with the FEBRABAN pagamento positions (Itaú has its SISPAG ones). */
    private static final String BANK = "237";

    @Test
    void itauSispagRetornoScheduledDoc() {
        ReadResult read = ReadResult.ofSample("eduardordm-cnab240/SB22112AIT.RET");

        assertThat(read.classification()).isEqualTo(new Classification(Layout.CNAB240, Direction.RETORNO,
                Service.PAGAMENTO, "341", "Itaú", "080"));
        assertThat(read.items()).singleElement().satisfies(item -> {
            assertThat(item.segment()).isEqualTo("A");
            // A 231-240 = "BD": inclusão efetuada (scheduled, not yet paid)
            assertThat(item.occurrenceCode()).isEqualTo("BD");
            assertThat(item.category()).isEqualTo(Category.SCHEDULED);
            assertThat(item.occurrenceText()).isEqualTo("Inclusão efetuada com sucesso");
            // A 120-134, 94-101, 44-73, 135-154
            assertThat(item.amountCents()).isEqualTo(26_235);
            assertThat(item.paidCents()).isZero();
            assertThat(item.dueDate()).isEqualTo(LocalDate.of(2012, 11, 22));
            assertThat(item.counterpartName()).isEqualTo("R C DE M ALMEIDA");
            assertThat(item.ourNumber()).isEqualTo("218943371000018");
        });
        assertThat(read.summary().byCategory()).containsOnlyKeys(Category.SCHEDULED);
        // the lote trailer's 24-41 (26235) matches the payment: no finding
        assertThat(read.summary().findings()).isEmpty();
        assertThat(read.summary().header().companyName()).isEqualTo("REDE DE CONVENIOS DO BRASIL");
        assertThat(read.summary().header().sequenceNumber()).isEqualTo(208);
    }

    private static String fileHeader(char direction) {
        return Synthetic240.fileHeader(BANK, direction);
    }

    private static String loteHeader(int lote, String service, String form) {
        return Synthetic240.pagamentoLoteHeader(BANK, lote, service, form);
    }

    private static FixedLine detail(int lote, int sequence, char segment) {
        return Synthetic240.paymentDetail(BANK, lote, sequence, segment);
    }

    private static String loteTrailer(int lote, long records, long totalCents) {
        return Synthetic240.pagamentoLoteTrailer(BANK, lote, records, totalCents);
    }

    private static String[] fourLotes(String occurrenceA, String occurrenceJ) {
        return new String[] {
                fileHeader('2'),
                loteHeader(1, "20", "41"),
                detail(1, 1, 'A').put(21, "237").put(44, "FORNECEDOR UM LTDA").put(74, "PAG-0001")
                        .put(94, "10042024").put(102, "BRL").number(120, 134, 150_000).put(135, "BANCO-123")
                        .put(155, "10042024").number(163, 177, 150_000).put(231, occurrenceA).toString(),
                detail(1, 2, 'B').put(18, "2").put(19, "11222333000144").toString(),
                loteTrailer(1, 4, 150_000),
                loteHeader(2, "20", "31"),
                detail(2, 1, 'J').put(18, "23790000000000000000000000000000000000000000")
                        .put(62, "CEDENTE BOLETO SA").put(92, "15042024").number(100, 114, 80_000)
                        .put(145, "15042024").number(153, 167, 80_000).put(183, "PAG-0002")
                        .put(203, "NN-0002").put(231, occurrenceJ).toString(),
                detail(2, 2, 'J').put(18, "52").put(20, "2").put(21, "012345678000199")
                        .put(36, "EMPRESA PAGADORA").put(76, "2").put(77, "099888777000166")
                        .put(92, "CEDENTE BOLETO SA").toString(),
                loteTrailer(2, 4, 80_000),
                loteHeader(3, "98", "11"),
                detail(3, 1, 'O').put(18, "83600000001234500000000000000000000000000000").put(62, "AGUA E ESGOTO")
                        .put(92, "20042024").put(100, "19042024").number(108, 122, 12_345).put(123, "PAG-0003")
                        .put(231, "00").toString(),
                loteTrailer(3, 3, 12_345),
                loteHeader(4, "22", "16"),
                detail(4, 1, 'N').put(18, "PAG-0004").put(38, "DARF-77").put(58, "EMPRESA PAGADORA")
                        .put(88, "22042024").number(96, 110, 99_999).put(231, "AGHF").toString(),
                detail(4, 2, 'Z').put(15, "AUTENTICACAO-XYZ").toString(),
                loteTrailer(4, 4, 99_999),
                Synthetic240.fileTrailer(BANK, 4, 17)};
    }

    @Test
    void everyPaymentSegmentInItsOwnLote() {
        ReadResult read = ReadResult.ofLatin1(Synthetic240.join("\r\n", fourLotes("00", "BD")));

        assertThat(read.classification().service()).isEqualTo(Service.PAGAMENTO);
        assertThat(read.classification().direction()).isEqualTo(Direction.RETORNO);
        assertThat(read.summary().findings()).isEmpty();
        assertThat(read.items()).extracting(Item::segment).containsExactly("A", "J", "O", "N");
        assertThat(read.items()).extracting(Item::category).containsExactly(Category.EFFECTED,
                Category.SCHEDULED, Category.EFFECTED, Category.PAYMENT_REJECTED);

        Item credit = read.items().get(0);
        assertThat(credit.counterpartName()).isEqualTo("FORNECEDOR UM LTDA");
        assertThat(credit.counterpartDocument()).isEqualTo("11222333000144");
        assertThat(credit.yourNumber()).isEqualTo("PAG-0001");
        assertThat(credit.ourNumber()).isEqualTo("BANCO-123");
        assertThat(credit.paidCents()).isEqualTo(150_000);
        assertThat(credit.occurrenceDate()).isEqualTo(LocalDate.of(2024, 4, 10));

        Item boleto = read.items().get(1);
        assertThat(boleto.counterpartName()).isEqualTo("CEDENTE BOLETO SA");
        assertThat(boleto.counterpartDocument()).isEqualTo("099888777000166");
        assertThat(boleto.dueDate()).isEqualTo(LocalDate.of(2024, 4, 15));
        assertThat(boleto.paidCents()).isZero();
        assertThat(boleto.ourNumber()).isEqualTo("NN-0002");

        Item utility = read.items().get(2);
        assertThat(utility.amountCents()).isEqualTo(12_345);
        assertThat(utility.paidCents()).isEqualTo(12_345);
        assertThat(utility.occurrenceDate()).isEqualTo(LocalDate.of(2024, 4, 19));

        Item tax = read.items().get(3);
        assertThat(tax.occurrenceCode()).isEqualTo("AG");
        assertThat(tax.occurrenceText()).isEqualTo("Agência/conta corrente/DV inválido");
        assertThat(tax.reasons()).containsExactly("HF - Conta corrente da empresa com saldo insuficiente");
        assertThat(tax.amountCents()).isEqualTo(99_999);
        assertThat(tax.yourNumber()).isEqualTo("PAG-0004");

        assertThat(read.summary().totalAmountCents()).isEqualTo(150_000 + 80_000 + 12_345 + 99_999);
        assertThat(read.summary().totalPaidCents()).isEqualTo(150_000 + 12_345);
    }

    @Test
    void remessaPaymentsAreInstructions() {
        String[] lines = fourLotes("  ", "  ");
        lines[0] = fileHeader('1');
        lines[10] = FixedLine.of240().put(1, lines[10]).put(231, "          ").toString();
        lines[13] = FixedLine.of240().put(1, lines[13]).put(231, "          ").toString();
        ReadResult read = ReadResult.ofLatin1(Synthetic240.join("\n", lines));

        assertThat(read.classification().direction()).isEqualTo(Direction.REMESSA);
        assertThat(read.items()).extracting(Item::category).containsOnly(Category.INSTRUCTION_PAYMENT);
        assertThat(read.summary().totalPaidCents()).isZero();
    }

    @Test
    void paymentLoteTrailerSumIsChecked() {
        String[] lines = fourLotes("00", "00");
        lines[4] = loteTrailer(1, 4, 150_001);
        ReadResult read = ReadResult.ofLatin1(Synthetic240.join("\n", lines));

        Finding sum = read.first(FindingCodes.LOTE_TRAILER_SUM);
        assertThat(sum.line()).isEqualTo(5);
        assertThat(sum.column()).isEqualTo(24);
        assertThat(sum.messagePt()).contains("R$ 1.500,01").contains("R$ 1.500,00");
        assertThat(read.summary().findings()).hasSize(1);
    }

    @Test
    void withoutFileHeaderTheCompanyComesFromThePagamentoLoteHeader() {
        String[] lines = fourLotes("00", "00");
        // pagamento lote headers carry the company one position left of cobrança ones (name at 73-102)
        String[] withoutFileHeader = java.util.Arrays.copyOfRange(lines, 1, lines.length);
        ReadResult read = ReadResult.ofLatin1(Synthetic240.join("\n", withoutFileHeader));

        assertThat(read.findingCodes()).contains(FindingCodes.MISSING_FILE_HEADER);
        assertThat(read.summary().header().companyName()).isEqualTo("EMPRESA PAGADORA");
        assertThat(read.summary().header().companyDocument()).isEqualTo("12345678000199");
        assertThat(read.items()).hasSize(4);
    }

    @Test
    void paymentComplementWithoutPaymentIsReported() {
        String[] lines = fourLotes("00", "00");
        ReadResult read = ReadResult.ofLatin1(Synthetic240.join("\n", lines[0], lines[1], lines[3],
                loteTrailer(1, 3, 0), Synthetic240.fileTrailer(BANK, 1, 5)));

        assertThat(read.items()).isEmpty();
        // the B is numbered 2 in its lote (a sequence warning) and has no A before it
        assertThat(read.findingCodes()).containsExactly(FindingCodes.SEQUENCE_NUMBER, FindingCodes.SEGMENT_ORDER);
        assertThat(read.first(FindingCodes.SEGMENT_ORDER).messagePt()).contains("Segmento B");
    }
}
