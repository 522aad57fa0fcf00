package br.bankhistory.cnab;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading is tolerant (line ends, BOM, padding, trailing junk), reporting is strict. */
class ReadingToleranceTest {

    private static final String[] RETORNO = Synthetic240.retornoLines();

    @Test
    void syntheticRetornoReadsCleanly() {
        ReadResult read = ReadResult.ofLatin1(Synthetic240.join("\r\n", RETORNO));

        assertThat(read.classification()).isEqualTo(new Classification(Layout.CNAB240, Direction.RETORNO,
                Service.COBRANCA, "237", "Bradesco", "040"));
        assertThat(read.summary().findings()).isEmpty();
        assertThat(read.items()).singleElement().satisfies(item -> {
            assertThat(item.ourNumber()).isEqualTo("12345678901");
            assertThat(item.yourNumber()).isEqualTo("DOC1");
            assertThat(item.amountCents()).isEqualTo(10_000);
            assertThat(item.paidCents()).isEqualTo(9_950);
            assertThat(item.feeCents()).isEqualTo(150);
            assertThat(item.dueDate()).isEqualTo(LocalDate.of(2024, 3, 20));
            assertThat(item.occurrenceDate()).isEqualTo(LocalDate.of(2024, 3, 18));
            assertThat(item.creditDate()).isEqualTo(LocalDate.of(2024, 3, 19));
            assertThat(item.counterpartName()).isEqualTo("PAGADOR DA SILVA");
            assertThat(item.reasons()).isEmpty();
        });
        assertThat(read.summary().header()).isEqualTo(new FileHeader("EMPRESA TESTE LTDA", "12345678000199",
                "01234", "000000056789", "CONVENIO123", 42, LocalDate.of(2024, 3, 15)));
    }

    @Test
    void lfCrAndCrlfLineEndsReadTheSame() {
        ReadResult crlf = ReadResult.ofLatin1(Synthetic240.join("\r\n", RETORNO));
        ReadResult lf = ReadResult.ofLatin1(Synthetic240.join("\n", RETORNO));
        ReadResult cr = ReadResult.ofLatin1(Synthetic240.join("\r", RETORNO));

        assertThat(lf.items()).isEqualTo(crlf.items());
        assertThat(cr.items()).isEqualTo(crlf.items());
        assertThat(cr.summary().lineCount()).isEqualTo(6);
        assertThat(cr.summary().findings()).isEmpty();
    }

    @Test
    void mixedLineEndsAreReadAndNoted() {
        String text = RETORNO[0] + "\r\n" + RETORNO[1] + "\n" + RETORNO[2] + "\r" + RETORNO[3] + "\r\n"
                + RETORNO[4] + "\r\n" + RETORNO[5];
        ReadResult read = ReadResult.ofLatin1(text);

        assertThat(read.items()).hasSize(1);
        assertThat(read.findingCodes()).containsExactly(FindingCodes.MIXED_LINE_ENDS);
    }

    @Test
    void noFinalNewlineTrailingEmptyLinesAndDosEndOfFileAreIgnored() {
        String bare = String.join("\r\n", RETORNO);
        assertThat(ReadResult.ofLatin1(bare).summary().findings()).isEmpty();
        ReadResult trailing = ReadResult.ofLatin1(bare + "\r\n\r\n   \r\n\u001a");
        assertThat(trailing.summary().findings()).isEmpty();
        assertThat(trailing.summary().lineCount()).isEqualTo(6);
        assertThat(ReadResult.ofLatin1(bare + "\u001a").summary().findings()).isEmpty();
    }

    @Test
    void utf8ByteOrderMarkIsSkipped() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bytes.writeBytes(Synthetic240.join("\n", RETORNO).getBytes(StandardCharsets.ISO_8859_1));
        ReadResult read = ReadResult.of(bytes.toByteArray());

        assertThat(read.classification().layout()).isEqualTo(Layout.CNAB240);
        assertThat(read.items()).hasSize(1);
        assertThat(read.findingCodes()).containsExactly(FindingCodes.BYTE_ORDER_MARK);
        assertThat(read.first(FindingCodes.BYTE_ORDER_MARK).severity()).isEqualTo(Severity.INFO);

        // a stream handing out one byte per read still has its BOM recognised
        byte[] all = bytes.toByteArray();
        InputStream trickle = new java.io.ByteArrayInputStream(all) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1));
            }
        };
        ReadResult slow = ReadResult.of(trickle);
        assertThat(slow.summary()).isEqualTo(read.summary());
    }

    @Test
    void latin1NamesAreDecodedOneBytePerCharacter() {
        String[] lines = RETORNO.clone();
        lines[2] = FixedLine.of240().put(1, lines[2]).put(149, "JOÃO CONCEIÇÃO          ").toString();
        ReadResult read = ReadResult.ofLatin1(Synthetic240.join("\n", lines));

        assertThat(read.items().get(0).counterpartName()).isEqualTo("JOÃO CONCEIÇÃO");
        assertThat(read.summary().findings()).isEmpty();
    }

    @Test
    void recordSavedAsUtf8IsRepaired() {
        String[] lines = RETORNO.clone();
        lines[2] = FixedLine.of240().put(1, lines[2]).put(149, "JOSÉ DA CONCEIÇÃO       ").toString();
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < lines.length; i++) {
            // the T record as an editor saving UTF-8 would write it: 3 accented letters, 243 bytes
            bytes.writeBytes(lines[i].getBytes(i == 2 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1));
            bytes.write('\n');
        }
        ReadResult read = ReadResult.of(bytes.toByteArray());

        assertThat(read.findingCodes()).containsExactly(FindingCodes.UTF8_CONTENT);
        assertThat(read.first(FindingCodes.UTF8_CONTENT).line()).isEqualTo(3);
        Item item = read.items().get(0);
        assertThat(item.counterpartName()).isEqualTo("JOSÉ DA CONCEIÇÃO");
        // the fields after the name are where they belong
        assertThat(item.feeCents()).isEqualTo(150);
    }

    @Test
    void pagForOf500BytesIsNotRead() {
        String line = "0" + "1".repeat(499);
        ReadResult read = ReadResult.ofLatin1(line + "\r\n" + line + "\r\n");

        assertThat(read.classification().layout()).isEqualTo(Layout.NOT_CNAB);
        assertThat(read.findingCodes()).containsExactly(FindingCodes.UNSUPPORTED_LAYOUT);
    }

    @Test
    void emptyLineBetweenRecordsIsAWarning() {
        String text = RETORNO[0] + "\n" + RETORNO[1] + "\n\n" + String.join("\n", java.util.Arrays.copyOfRange(
                RETORNO, 2, 6));
        ReadResult read = ReadResult.ofLatin1(text);

        assertThat(read.items()).hasSize(1);
        assertThat(read.findingCodes()).containsExactly(FindingCodes.EMPTY_LINE);
        assertThat(read.first(FindingCodes.EMPTY_LINE).line()).isEqualTo(3);
    }

    @Test
    void emptyInputIsNotCnab() {
        ReadResult read = ReadResult.of(new byte[0]);

        assertThat(read.classification()).isEqualTo(Classification.notCnab());
        assertThat(read.findingCodes()).containsExactly(FindingCodes.EMPTY_FILE);
        assertThat(read.summary().lineCount()).isZero();
        assertThat(ReadResult.ofLatin1("\r\n\r\n  \n").findingCodes()).containsExactly(FindingCodes.EMPTY_FILE);
    }

    @Test
    void binaryInputIsNotCnab() {
        byte[] bytes = new byte[5000];
        new java.util.Random(7).nextBytes(bytes);
        ReadResult random = ReadResult.of(bytes);
        assertThat(random.classification().layout()).isEqualTo(Layout.NOT_CNAB);
        assertThat(random.findingCodes()).containsExactly(FindingCodes.BINARY_CONTENT);

        byte[] zip = {0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00};
        assertThat(ReadResult.of(zip).findingCodes()).containsExactly(FindingCodes.BINARY_CONTENT);
    }

    @Test
    void transmissionReceiptIsNotCnab() {
        ReadResult read = ReadResult.ofLatin1("TRANSMISSAO OK\r\nARQUIVO: CB030400.RET\r\nREGISTROS: 22\r\n");

        assertThat(read.classification().layout()).isEqualTo(Layout.NOT_CNAB);
        assertThat(read.findingCodes()).containsExactly(FindingCodes.NOT_CNAB);
        Finding finding = read.summary().findings().get(0);
        assertThat(finding.severity()).isEqualTo(Severity.ERROR);
        assertThat(finding.messagePt()).contains("não é um arquivo CNAB");
        assertThat(read.summary().lineCount()).isEqualTo(3);
    }

    @Test
    void printedReportOf133ColumnsIsNotCnab() {
        StringBuilder report = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            report.append(String.format("%-133s", "1BANCO EXEMPLO S.A.   RELATORIO DE TITULOS LIQUIDADOS  PAGINA " + i))
                    .append("\r\n");
        }
        ReadResult read = ReadResult.ofLatin1(report.toString());

        assertThat(read.classification().layout()).isEqualTo(Layout.NOT_CNAB);
        assertThat(read.findingCodes()).containsExactly(FindingCodes.NOT_CNAB);
        assertThat(read.summary().findings().get(0).messageEn()).contains("133 x");
    }

    @Test
    void textOf240ColumnsWithoutRecordStructureIsNotCnab() {
        String line = String.format("%-240s", "Relatório mensal de cobrança");
        ReadResult read = ReadResult.ofLatin1(line + "\n" + line + "\n");

        assertThat(read.classification().layout()).isEqualTo(Layout.NOT_CNAB);
        assertThat(read.findingCodes()).containsExactly(FindingCodes.NOT_CNAB);
    }

    @Test
    void streamFailureIsTheOnlyException() {
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        };
        assertThatThrownBy(() -> CnabReader.standard().read(failing))
                .isInstanceOf(CnabReadException.class)
                .hasCauseInstanceOf(IOException.class);
    }

    @Test
    void findingsAreBoundedButAllCounted() {
        StringBuilder text = new StringBuilder();
        for (String line : RETORNO) {
            text.append(line.stripTrailing()).append('\n');
        }
        FileSummary summary = CnabReader.standard().read(
                new java.io.ByteArrayInputStream(text.toString().getBytes(StandardCharsets.ISO_8859_1)),
                ItemSink.DISCARD, new ReadOptions(2));

        assertThat(summary.findings()).hasSize(2);
        assertThat(summary.warningCount()).isEqualTo(6);
        assertThat(summary.itemCount()).isEqualTo(1);
    }
}
