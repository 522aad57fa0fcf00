package br.bankhistory.cnab;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Structure and content checks of CNAB 240 files, each on a synthetic file with one defect. */
class ValidationFindingsTest {

    private static String[] retorno() {
        return Synthetic240.retornoLines();
    }

    private static ReadResult read(String... lines) {
        return ReadResult.ofLatin1(Synthetic240.join("\n", lines));
    }

    @Test
    void tWithoutUIsStillAnItemWithAWarning() {
        String[] lines = retorno();
        ReadResult result = read(lines[0], lines[1], lines[2], Synthetic240.loteTrailer("237", 3),
                Synthetic240.fileTrailer("237", 1, 5));

        assertThat(result.items()).hasSize(1);
        assertThat(result.items().get(0).paidCents()).isZero();
        assertThat(result.findingCodes()).containsExactly(FindingCodes.SEGMENT_MISSING);
        assertThat(result.first(FindingCodes.SEGMENT_MISSING).line()).isEqualTo(3);
    }

    @Test
    void uWithoutTIsReportedAndIgnored() {
        String[] lines = retorno();
        ReadResult result = read(lines[0], lines[1], Synthetic240.segmentU("237", 1, "06", 100),
                Synthetic240.loteTrailer("237", 3), Synthetic240.fileTrailer("237", 1, 5));

        assertThat(result.items()).isEmpty();
        assertThat(result.findingCodes()).containsExactly(FindingCodes.SEGMENT_ORDER);
        assertThat(result.first(FindingCodes.SEGMENT_ORDER).column()).isEqualTo(14);
    }

    @Test
    void trailerCountsThatDisagreeAreWarnings() {
        String[] lines = retorno();
        lines[4] = Synthetic240.loteTrailer("237", 9);
        lines[5] = Synthetic240.fileTrailer("237", 2, 40);
        ReadResult result = read(lines);

        assertThat(result.findingCodes()).containsExactly(FindingCodes.LOTE_TRAILER_COUNT,
                FindingCodes.FILE_TRAILER_COUNT, FindingCodes.FILE_TRAILER_COUNT);
        assertThat(result.summary().findings()).allMatch(f -> f.severity() == Severity.WARNING);
        assertThat(result.first(FindingCodes.LOTE_TRAILER_COUNT).messagePt()).contains("9").contains("4");
        assertThat(result.first(FindingCodes.LOTE_TRAILER_COUNT).column()).isEqualTo(18);
        assertThat(result.items()).hasSize(1);
    }

    @Test
    void recordOrderProblemsAreReported() {
        String[] lines = retorno();
        ReadResult noTrailers = read(lines[0], lines[1], lines[2], lines[3]);
        assertThat(noTrailers.findingCodes()).containsExactly(FindingCodes.MISSING_LOTE_TRAILER,
                FindingCodes.MISSING_FILE_TRAILER);
        assertThat(noTrailers.items()).hasSize(1);

        ReadResult afterTrailer = read(lines[0], lines[1], lines[2], lines[3], lines[4], lines[5], lines[2]);
        assertThat(afterTrailer.findingCodes()).containsExactly(FindingCodes.RECORD_AFTER_TRAILER);
        assertThat(afterTrailer.first(FindingCodes.RECORD_AFTER_TRAILER).line()).isEqualTo(7);

        ReadResult twoHeaders = read(lines[0], lines[0], lines[1], lines[2], lines[3], lines[4],
                Synthetic240.fileTrailer("237", 1, 7));
        assertThat(twoHeaders.findingCodes()).containsExactly(FindingCodes.RECORD_ORDER);
        assertThat(twoHeaders.first(FindingCodes.RECORD_ORDER).line()).isEqualTo(2);
    }

    @Test
    void unknownRecordTypeIsAnError() {
        String[] lines = retorno();
        String broken = FixedLine.of240().put(1, lines[2]).put(8, "7").toString();
        ReadResult result = read(lines[0], lines[1], broken, lines[3], lines[4], lines[5]);

        assertThat(result.findingCodes()).contains(FindingCodes.RECORD_TYPE);
        Finding finding = result.first(FindingCodes.RECORD_TYPE);
        assertThat(finding.severity()).isEqualTo(Severity.ERROR);
        assertThat(finding.line()).isEqualTo(3);
        assertThat(finding.column()).isEqualTo(8);
    }

    @Test
    void nonNumericAmountAndImpossibleDateAreReportedWithTheirColumns() {
        String[] lines = retorno();
        lines[2] = FixedLine.of240().put(1, lines[2]).put(82, "00000001O0,00AB").put(74, "31022024").toString();
        ReadResult result = read(lines);

        Finding amount = result.first(FindingCodes.NOT_NUMERIC);
        assertThat(amount.line()).isEqualTo(3);
        assertThat(amount.column()).isEqualTo(82);
        assertThat(amount.field()).isEqualTo("amount");
        assertThat(amount.severity()).isEqualTo(Severity.ERROR);
        Finding date = result.first(FindingCodes.INVALID_DATE);
        assertThat(date.column()).isEqualTo(74);
        assertThat(date.messagePt()).contains("31022024");
        assertThat(result.items().get(0).amountCents()).isZero();
        assertThat(result.items().get(0).dueDate()).isNull();
    }

    @Test
    void zeroDatesReadAsNullWithoutFindings() {
        String[] lines = retorno();
        lines[3] = FixedLine.of240().put(1, lines[3]).put(146, "00000000").toString();
        ReadResult result = read(lines);

        assertThat(result.items().get(0).creditDate()).isNull();
        assertThat(result.summary().findings()).isEmpty();
    }

    @Test
    void sequenceAndBankMismatchesAreWarnings() {
        String[] lines = retorno();
        lines[3] = Synthetic240.segmentU("237", 5, "06", 9_950);
        lines[2] = FixedLine.of240().put(1, lines[2]).put(1, "341").toString();
        ReadResult result = read(lines);

        assertThat(result.findingCodes()).contains(FindingCodes.SEQUENCE_NUMBER, FindingCodes.BANK_CODE_MISMATCH);
        assertThat(result.first(FindingCodes.SEQUENCE_NUMBER).line()).isEqualTo(4);
    }

    @Test
    void reasonsAreSplitInPairsDroppingZerosAndBlanks() {
        String[] lines = retorno();
        lines[2] = Synthetic240.segmentT("237", 1, "03", "1", 500, "0009A4  00");
        ReadResult result = read(lines);

        assertThat(result.items().get(0).category()).isEqualTo(Category.ENTRY_REJECTED);
        assertThat(result.items().get(0).reasons()).containsExactly("09 - Nosso número duplicado",
                "A4 - Pagador DDA");
    }

    @Test
    void unknownOccurrenceCodeIsOtherWithAnInfo() {
        String[] lines = retorno();
        lines[2] = Synthetic240.segmentT("237", 1, "77", "1", 500, "");
        ReadResult result = read(lines);

        assertThat(result.items().get(0).category()).isEqualTo(Category.OTHER);
        assertThat(result.items().get(0).occurrenceText()).contains("77");
        assertThat(result.first(FindingCodes.UNKNOWN_OCCURRENCE).severity()).isEqualTo(Severity.INFO);
    }

    @Test
    void headerDirectionIsCheckedAgainstTheSegments() {
        String[] lines = retorno();
        lines[0] = Synthetic240.fileHeader("237", '1');
        ReadResult result = read(lines);

        assertThat(result.classification().direction()).isEqualTo(Direction.RETORNO);
        assertThat(result.findingCodes()).containsExactly(FindingCodes.DIRECTION_MISMATCH);
    }

    @Test
    void controlCharacterInsideARecordIsAnError() {
        String[] lines = retorno();
        lines[2] = FixedLine.of240().put(1, lines[2]).put(160, "\u0007").toString();
        ReadResult result = read(lines);

        Finding control = result.first(FindingCodes.CONTROL_CHARACTER);
        assertThat(control.column()).isEqualTo(160);
        assertThat(control.severity()).isEqualTo(Severity.ERROR);
        assertThat(result.items()).hasSize(1);
    }

    @Test
    void overlongLineIsAnErrorButStillRead() {
        String[] lines = retorno();
        lines[2] = lines[2] + "EXTRA";
        ReadResult result = read(lines);

        assertThat(result.first(FindingCodes.LINE_LENGTH).column()).isEqualTo(241);
        assertThat(result.items().get(0).amountCents()).isEqualTo(10_000);
    }
}
