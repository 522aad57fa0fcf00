package br.bankhistory.cnab.write;

import br.bankhistory.cnab.CnabReader;
import br.bankhistory.cnab.FileSummary;
import br.bankhistory.cnab.Item;
import br.bankhistory.cnab.ReadOptions;
import br.bankhistory.cnab.layout.FieldSpec;
import br.bankhistory.cnab.layout.LayoutCatalog;
import br.bankhistory.cnab.layout.RecordLayout;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How the writer formats, refuses, frames and streams. */
class RemessaWriterTest {

    private static final RemessaHeader ITAU = RemessaHeader.builder("341")
            .company("Açougue São João Ltda", "12.345.678/0001-90").agency("1234", "").account("12345", "6")
            .wallet("109").sequenceNumber(7).generatedAt(LocalDateTime.of(2024, 6, 11, 14, 30, 5)).build();
    private static final Party PAYER = new Party("Conceição Gonçalves", "123.456.789-01", "Rua São Bento 12",
            "Centro", "01010-000", "São Paulo", "SP");

    private static CobrancaTitle title(String ourNumber, long cents) {
        return CobrancaTitle.entry(ourNumber, "NF-" + ourNumber, LocalDate.of(2024, 7, 10), cents,
                LocalDate.of(2024, 6, 11), PAYER);
    }

    private static String text(ByteArrayOutputStream out) {
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    @Test
    void textIsUppercaseWithoutAccentsAndNeverShifts() {
        assertThat(CnabText.normalise("Conceição Gonçalves")).isEqualTo("CONCEICAO GONCALVES");
        assertThat(CnabText.normalise("Ávila, Müller & Ñandú")).isEqualTo("AVILA, MULLER & NANDU");
        // characters with no ASCII letter become one blank each: the fields after them stay in place
        assertThat(CnabText.normalise("Rua 5º andar")).isEqualTo("RUA 5  ANDAR");
        assertThat(CnabText.normalise("Łódź ß æ")).isEqualTo(" ODZ    ").hasSize(8);
        assertThat(CnabText.normalise("smile 😀 ok")).isEqualTo("SMILE   OK");
        assertThat(CnabText.normalise("tab\there")).isEqualTo("TAB HERE");
        // a decomposed accent (e + combining acute) is one character
        assertThat(CnabText.normalise("Jose\u0301")).isEqualTo("JOSE");
        assertThat(CnabText.digits("12.345.678/0001-90")).isEqualTo("12345678000190");
    }

    @Test
    void writesLatin1FixedWidthCrlfWithSequencesAndTrailers() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Cobranca240Writer writer = RemessaWriter.cobranca240(out, ITAU)) {
            writer.add(title("1", 100));
            writer.add(title("2", 250));
            writer.newLote();
            writer.add(title("3", 1_000));
            assertThat(writer.itemCount()).isEqualTo(3);
        }
        String file = text(out);
        assertThat(file).endsWith("\r\n").doesNotContain("\n\n");
        String[] lines = file.split("\r\n");
        assertThat(lines).hasSize(12).allSatisfy(line -> assertThat(line).hasSize(240));
        assertThat(lines).extracting(line -> line.substring(3, 8) + line.charAt(13))
                .containsExactly("00000 ", "000110", "00013P", "00013Q", "00013P", "00013Q", "00015 ",
                        "000210", "00023P", "00023Q", "00025 ", "99999 ");
        assertThat(lines[2].substring(8, 13)).isEqualTo("00001");
        assertThat(lines[5].substring(8, 13)).isEqualTo("00004");
        assertThat(lines[8].substring(8, 13)).isEqualTo("00001");
        // lote 1 trailer: 6 records, 2 titles, R$ 3,50; file trailer: 2 lotes, 12 records
        assertThat(lines[6].substring(17, 46)).isEqualTo("000006" + "000002" + "00000000000000350");
        assertThat(lines[11].substring(17, 29)).isEqualTo("000002" + "000012");
        assertThat(lines[3].substring(33, 73)).isEqualTo(String.format("%-40s", "CONCEICAO GONCALVES"));
        assertThat(lines[0].substring(72, 102)).isEqualTo(String.format("%-30s", "ACOUGUE SAO JOAO LTDA"));
        assertThat(lines[0].substring(143, 157)).isEqualTo("11062024143005");
    }

    @Test
    void lineFeedAndNoFinalLineEndOnRequest() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var writer = RemessaWriter.cobranca400(out, ITAU,
                WriteOptions.defaults().withLineEnding("\n").withFinalLineEnding(false))) {
            writer.add(title("1", 100));
        }
        String[] lines = text(out).split("\n", -1);
        assertThat(lines).hasSize(3).allSatisfy(line -> assertThat(line).hasSize(400));
        assertThat(lines).extracting(line -> line.substring(394)).containsExactly("000001", "000002", "000003");
    }

    @Test
    void aValueTooLongIsRefusedWithItsFieldAndNothingOfTheItemIsWritten() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Cobranca240Writer writer = RemessaWriter.cobranca240(out, ITAU)) {
            writer.add(title("1", 100));
            long before = writer.recordCount();
            // Itaú's nosso número is 8 digits (41-48)
            assertThatThrownBy(() -> writer.add(title("123456789", 100)))
                    .isInstanceOf(CnabWriteException.class)
                    .hasMessageContaining("our_number")
                    .satisfies(e -> {
                        CnabWriteException error = (CnabWriteException) e;
                        assertThat(error.field()).isEqualTo("our_number");
                        assertThat(error.record()).isEqualTo("cnab240/341/segment-P");
                    });
            assertThatThrownBy(() -> writer.add(title("ABC", 100))).isInstanceOf(CnabWriteException.class)
                    .hasMessageContaining("not a number");
            assertThatThrownBy(() -> writer.add(title("1", 1_000_000_000_000_000L)))
                    .isInstanceOf(CnabWriteException.class).hasMessageContaining("amount");
            assertThat(writer.recordCount()).isEqualTo(before);
            writer.add(title("2", 200));
        }
        List<Item> items = new ArrayList<>();
        FileSummary summary = CnabReader.standard().read(new ByteArrayInputStream(out.toByteArray()), items::add,
                ReadOptions.defaults());
        assertThat(summary.findings()).isEmpty();
        assertThat(items).extracting(Item::ourNumber).containsExactly("00000001", "00000002");
    }

    @Test
    void anInstructionTheBanksLayoutHasNoCodeForIsRefusedAndNothingOfTheItemIsWritten() {
        RemessaHeader bb = RemessaHeader.builder("001").company("Açougue São João Ltda", "12.345.678/0001-90")
                .agency("1234", "5").account("12345678", "9").agreement("1234567").wallet("17").sequenceNumber(7)
                .generatedAt(LocalDateTime.of(2024, 6, 11, 14, 30, 5)).build();
        CobrancaTitle entry = CobrancaTitle.entry("12345670000000001", "NF-1", LocalDate.of(2024, 7, 10), 100,
                LocalDate.of(2024, 6, 11), PAYER);
        CobrancaTitle change = new CobrancaTitle(Instruction.CHANGE_OTHER_DATA, entry.ourNumber(), entry.yourNumber(),
                entry.dueDate(), entry.amountCents(), entry.issueDate(), entry.payer(), entry.interest(), entry.fine(),
                entry.discount(), entry.extraFields());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Cobranca400Writer writer = RemessaWriter.cobranca400(out, bb)) {
            writer.add(entry);
            long before = writer.recordCount();
            assertThatThrownBy(() -> writer.add(change)).isInstanceOf(CnabWriteException.class)
                    .satisfies(e -> {
                        CnabWriteException error = (CnabWriteException) e;
                        assertThat(error.code()).isEqualTo(CnabWriteException.Code.UNSUPPORTED_INSTRUCTION);
                        assertThat(error.field()).isEqualTo("occurrence_code");
                        assertThat(error.record()).isEqualTo("cnab400/001/detail-remessa");
                        assertThat(error.messagePt()).contains("CHANGE_OTHER_DATA").contains("001");
                    });
            assertThat(writer.recordCount()).isEqualTo(before);
        }
        // the same instruction in BB's CNAB 240 is FEBRABAN's 31
        ByteArrayOutputStream out240 = new ByteArrayOutputStream();
        try (Cobranca240Writer writer = RemessaWriter.cobranca240(out240, bb)) {
            writer.add(change);
        }
        List<Item> items = new ArrayList<>();
        CnabReader.standard().read(new ByteArrayInputStream(out240.toByteArray()), items::add, ReadOptions.defaults());
        assertThat(items).extracting(Item::occurrenceCode).containsExactly("31");
    }

    @Test
    void freeTextIsCutToItsFieldOtherTextIsRefused() {
        Party longName = new Party("Maria da Conceição Aparecida dos Santos Gonçalves Brandão Peçanha", "1", "", "",
                "", "", "SP");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Cobranca240Writer writer = RemessaWriter.cobranca240(out, ITAU)) {
            writer.add(CobrancaTitle.entry("1", "NF1", LocalDate.of(2024, 7, 10), 100, null, longName));
            assertThatThrownBy(() -> writer.add(CobrancaTitle.entry("2", "SEU NUMERO 123", LocalDate.of(2024, 7, 10),
                    100, null, PAYER))).isInstanceOf(CnabWriteException.class).hasMessageContaining("document_number");
            assertThatThrownBy(() -> writer.add(title("3", 100).withCharges(null, null,
                    Charge.of(LocalDate.of(2024, 7, 1), new BigDecimal("1.005")))))
                    .isInstanceOf(CnabWriteException.class).hasMessageContaining("decimal places");
        }
        // Itaú's payer name is 30 positions (34-63)
        assertThat(text(out).split("\r\n")[3].substring(33, 73))
                .isEqualTo("MARIA DA CONCEICAO APARECIDA D          ");
    }

    @Test
    void dateThatATwoDigitYearCannotHoldIsRefused() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Cobranca400Writer writer = RemessaWriter.cobranca400(out, ITAU)) {
            assertThatThrownBy(() -> writer.add(CobrancaTitle.entry("1", "1", LocalDate.of(2070, 1, 1), 100, null,
                    PAYER))).isInstanceOf(CnabWriteException.class).hasMessageContaining("ddMMyy");
        }
    }

    @Test
    void optionalRecordsAppearWhenTheTitleGivesTheirFields() {
        ByteArrayOutputStream out240 = new ByteArrayOutputStream();
        ByteArrayOutputStream out400 = new ByteArrayOutputStream();
        Charge fine = new Charge("2", LocalDate.of(2024, 7, 11), new BigDecimal("2.00"));
        try (var w240 = RemessaWriter.cobranca240(out240, ITAU); var w400 = RemessaWriter.cobranca400(out400, ITAU)) {
            w240.add(title("1", 100));
            w240.add(title("2", 100).withCharges(null, fine, null));
            w400.add(title("1", 100));
            w400.add(title("2", 100).withCharges(null, fine, null));
            w400.add(title("3", 100).withExtraFields(Map.of("invoice_key", "1".repeat(44))));
        }
        assertThat(text(out240).split("\r\n")).extracting(line -> line.charAt(13))
                .containsExactly(' ', '0', 'P', 'Q', 'P', 'Q', 'R', ' ', ' ');
        String[] lines400 = text(out400).split("\r\n");
        // Itaú: multa in record type 2 after its detail; chave NF-e makes a 444-character detail
        assertThat(lines400).extracting(line -> line.charAt(0) + ":" + line.length())
                .containsExactly("0:400", "1:400", "1:400", "2:400", "1:444", "9:400");
    }

    @Test
    void paymentsOpenALotePerKindAndSumIt() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Party payee = new Party("Fornecedor Ltda", "11.222.333/0001-81", "Rua A 1", "Centro", "01001-000",
                "São Paulo", "SP");
        try (Pagamento240Writer writer = RemessaWriter.pagamento240(out, ITAU)) {
            writer.add(new Payment.Transfer("T1", payee, "237", "1", "2", "3", "4", LocalDate.of(2024, 6, 12), 100,
                    Map.of()));
            writer.add(new Payment.Transfer("T2", payee, "237", "1", "2", "3", "4", LocalDate.of(2024, 6, 12), 200,
                    Map.of()));
            writer.add(new Payment.Boleto("B1", "2379" + "0".repeat(40), "Fornecedor", "11222333000181",
                    LocalDate.of(2024, 6, 20), 500, LocalDate.of(2024, 6, 12), 450, Map.of()));
            writer.add(new Payment.Transfer("T3", payee, "341", "1", "2", "3", "4", LocalDate.of(2024, 6, 12), 300,
                    Map.of()));
        }
        String[] lines = text(out).split("\r\n");
        assertThat(lines).extracting(line -> line.substring(3, 8) + line.charAt(13))
                .containsExactly("00000 ", "000110", "00013A", "00013B", "00013A", "00013B", "00015 ",
                        "000210", "00023J", "00023J", "00025 ", "000310", "00033A", "00033B", "00035 ", "99999 ");
        // lote headers: C, service 20, forms 41 (TED), 31 (another bank's boleto), 01 (same bank)
        assertThat(lines[1].substring(8, 16)).isEqualTo("C2041045");
        assertThat(lines[7].substring(8, 16)).isEqualTo("C2031040");
        assertThat(lines[11].substring(8, 16)).isEqualTo("C2001045");
        assertThat(lines[6].substring(17, 41)).isEqualTo("000006" + "000000000000000300");
        assertThat(lines[10].substring(17, 41)).isEqualTo("000004" + "000000000000000450");
        assertThat(lines[15].substring(17, 29)).isEqualTo("000003" + "000016");
    }

    @Test
    void itemsGoToTheStreamAsTheyAreAdded() {
        long[] written = {0};
        OutputStream counting = new OutputStream() {
            @Override
            public void write(int b) {
                written[0]++;
            }

            @Override
            public void write(byte[] b, int off, int len) {
                written[0] += len;
            }
        };
        try (Cobranca400Writer writer = RemessaWriter.cobranca400(counting, ITAU)) {
            for (int i = 0; i < 5_000; i++) {
                writer.add(title(Integer.toString(i), i));
            }
            // everything but the last buffer (64 KB) has reached the stream already
            assertThat(written[0]).isGreaterThan(5_000L * 402 - (1 << 16));
        }
        assertThat(written[0]).isEqualTo(5_002L * 402);
    }

    @Test
    void finishedWriterRefusesItems() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Cobranca240Writer writer = RemessaWriter.cobranca240(out, ITAU);
        writer.finish();
        assertThatThrownBy(() -> writer.add(title("1", 1))).isInstanceOf(IllegalStateException.class);
        writer.close();
        writer.close();
        assertThat(text(out).split("\r\n")).hasSize(2);
    }

    @Test
    void writtenRecordsAreWritableDescriptions() {
        LayoutCatalog layouts = LayoutCatalog.standard();
        for (String bank : List.of("001", "033", "104", "237", "341", "748", "756", "070", "085", "097")) {
            for (String family : List.of(LayoutCatalog.CNAB240, LayoutCatalog.CNAB400)) {
                for (String name : layouts.recordNames(family, bank)) {
                    boolean writable = family.equals(LayoutCatalog.CNAB240)
                            ? !List.of("segment-T", "segment-U", "segment-W", "segment-O", "segment-N", "segment-Z")
                            .contains(name)
                            : name.contains("remessa");
                    if (!writable) {
                        continue;
                    }
                    RecordLayout layout = layouts.record(family, bank, name);
                    int end = 0;
                    for (FieldSpec field : layout.fields()) {
                        assertThat(field.start()).as(bank + " " + name + " " + field.name() + " overlaps")
                                .isGreaterThan(end);
                        end = field.end();
                        layout.defaultValue(field.name()).ifPresent(value -> assertThat(value.length())
                                .as(bank + " " + name + " " + field.name()).isLessThanOrEqualTo(field.length()));
                        layout.sourceOf(field.name()).ifPresent(source -> assertThat(layout.find(source))
                                .as(bank + " " + name + " " + field.name() + " from").isPresent());
                    }
                }
            }
        }
    }
}
