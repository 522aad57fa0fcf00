package br.bankhistory.cnab;

import br.bankhistory.cnab.bank.BankCatalog;
import br.bankhistory.cnab.write.Cobranca240Writer;
import br.bankhistory.cnab.write.CnabWriteException;
import br.bankhistory.cnab.write.Cobranca400Writer;
import br.bankhistory.cnab.write.CobrancaTitle;
import br.bankhistory.cnab.write.Instruction;
import br.bankhistory.cnab.write.Party;
import br.bankhistory.cnab.write.RemessaHeader;
import br.bankhistory.cnab.write.RemessaWriter;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Pix of a boleto híbrido in every bank whose layout carries it beyond Santander 400 ({@link PixTest}):
 * Santander 240 segment Y-03, Itaú 400 record 3 (the key in the remessa, the QR code's EMV in the retorno)
 * and Bradesco 400 retorno record 4 (txid). Each retorno is a real sample or a file built at the source's
 * positions; each Pix a bank's remessa carries is written and read back. The other banks' CNAB 240 Y-03
 * Pix records are not in any source the project could check (docs/cnab-coverage.md, "Pix in the boleto").
 */
class Pix240BanksTest {

    private static final Party PAYER = new Party("Pagador Teste", "12345678901", "Rua A 1", "Centro", "01001000",
            "Sao Paulo", "SP");
    /** A BR Code ("Pix copia e cola") of a boleto's dynamic QR code, as a bank returns it. */
    private static final String EMV = "00020101021226930014br.gov.bcb.pix2571spi-qrcode.example.com.br/cobv/"
            + "9b6e2f4a8c1d4e7fa0b3c5d7e9f1a2b35204000053039865406100.005802BR5913EMPRESA TESTE6009SAO PAULO"
            + "62070503***63041D3A";

    @Test
    void santander240RetornoY03CarriesKeyTypeKeyAndTxid() {
        ReadResult read = ReadResult.ofSample("laravel-boleto/santander_pix_liquidacao_chave.ret");

        assertThat(read.items()).singleElement().satisfies(item -> {
            Pix pix = item.pix();
            // Y-03: key type 81, key 82-158, txid 159-193; no EMV in this record
            assertThat(pix.keyType()).isEqualTo("2");
            assertThat(pix.key()).isEqualTo("34711996000165");
            assertThat(pix.txid()).isEqualTo("YKP000550547000000000003509062026");
            assertThat(pix.emv()).isEmpty();
        });
    }

    @Test
    void santander240RemessaWritesY03AtItsPositionsAndReadsItBack() {
        RemessaHeader header = RemessaHeader.builder("033").company("Empresa Ltda", "12.345.678/0001-90")
                .agency("1234", "5").account("12345678", "9").agreement("123456789012345").sequenceNumber(3)
                .generatedAt(LocalDateTime.of(2024, 6, 11, 14, 30, 5)).build();
        Pix pix = new Pix("TxId0001abcDEF", "4", "cobranca@empresa.com.br", "");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Cobranca240Writer writer = RemessaWriter.cobranca240(out, header)) {
            writer.add(title("1040").withPix(pix));
        }
        String y03 = lineOfSegment(out.toByteArray(), 'Y');

        assertThat(y03.substring(17, 19)).isEqualTo("03");
        assertThat(y03.substring(80, 81)).isEqualTo("4");
        assertThat(y03.substring(81, 158).strip()).isEqualTo("cobranca@empresa.com.br");
        assertThat(y03.substring(158, 193).strip()).isEqualTo("TxId0001abcDEF");
        ReadResult read = ReadResult.of(out.toByteArray());
        assertThat(read.items()).singleElement().satisfies(item -> assertThat(item.pix()).isEqualTo(pix));
        assertThat(read.summary().findings()).isEmpty();
    }

    @Test
    void itau400RemessaEntersABoletoPixAsOccurrence71WithRecord3() {
        RemessaHeader header = RemessaHeader.builder("341").company("Empresa Ltda", "12.345.678/0001-90")
                .agency("1234", "").account("12345", "6").wallet("109").sequenceNumber(7)
                .generatedAt(LocalDateTime.of(2024, 6, 11, 14, 30, 5)).build();
        String key = "39a1178e-db6b-4407-bc7b-b674390acf5f";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Cobranca400Writer writer = RemessaWriter.cobranca400(out, header)) {
            writer.add(title("12345678").withPix(new Pix("", "", key, "")));
            writer.add(title("12345679"));
        }
        String[] lines = new String(out.toByteArray(), StandardCharsets.ISO_8859_1).split("\r\n");

        // header, detail 71 + record 3, detail 01 (no Pix: no record 3), trailer
        assertThat(lines).hasSize(5);
        assertThat(lines[1].substring(108, 110)).isEqualTo("71");
        assertThat(lines[2].charAt(0)).isEqualTo('3');
        assertThat(lines[2].substring(1, 78).strip()).isEqualTo(key);
        assertThat(lines[2].substring(78, 394)).isBlank();
        assertThat(lines[2].substring(394)).isEqualTo("000003");
        assertThat(lines[3].substring(108, 110)).isEqualTo("01");
        ReadResult read = ReadResult.of(out.toByteArray());
        assertThat(read.items()).hasSize(2);
        assertThat(read.items().get(0).pix()).isEqualTo(new Pix("", "", key, ""));
        assertThat(read.items().get(0).category()).isEqualTo(Category.INSTRUCTION_ENTRY);
        assertThat(read.items().get(0).occurrenceText()).contains("Pix");
        assertThat(read.items().get(1).pix()).isNull();
        assertThat(read.summary().findings()).isEmpty();
        assertThat(Instruction.ENTRY.code("cnab400", "341", true)).isEqualTo("71");
        assertThat(Instruction.ENTRY.code("cnab400", "033", true)).isEqualTo("01");
    }

    @Test
    void itau400RefusesAPixOnAnInstructionOtherThanTheEntry() {
        RemessaHeader header = RemessaHeader.builder("341").company("Empresa Ltda", "12.345.678/0001-90")
                .agency("1234", "").account("12345", "6").wallet("109").sequenceNumber(8)
                .generatedAt(LocalDateTime.of(2024, 6, 11, 14, 30, 5)).build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Cobranca400Writer writer = RemessaWriter.cobranca400(out, header)) {
            writer.add(title("12345677"));
            // Itaú takes its record 3 only after a detail of occurrence 71: a write-off with a Pix is refused
            assertThatThrownBy(() -> writer.add(title("12345678").withInstruction(Instruction.WRITE_OFF)
                    .withPix(new Pix("", "", "chave@empresa.com.br", ""))))
                    .isInstanceOfSatisfying(CnabWriteException.class, e -> {
                        assertThat(e.code()).isEqualTo(CnabWriteException.Code.PIX_ONLY_ON_ENTRY);
                        assertThat(e.getMessage()).contains("WRITE_OFF").contains("341");
                    });
            writer.add(title("12345679"));
        }
        // nothing of the refused title was written; the titles before and after it are whole
        ReadResult read = ReadResult.of(out.toByteArray());
        assertThat(read.items()).extracting(Item::ourNumber).containsExactly("12345677", "12345679");
        assertThat(read.summary().findings()).isEmpty();
    }

    @Test
    void itau400RetornoRecord3GivesTheQrCodesEmv() {
        String detail = Cnab400SyntheticTest.retornoDetail(2, "02", 10_000, 0).put(63, "12345678").toString();
        String record3 = FixedLine.of400().put(1, "3").put(2, EMV).put(392, "   ").number(395, 400, 3).toString();
        ReadResult read = ReadResult.ofLatin1(Synthetic240.join("\r\n", Cnab400SyntheticTest.header("341", '2'),
                detail, record3, Cnab400SyntheticTest.trailer(4)));

        assertThat(read.classification().bankCode()).isEqualTo("341");
        assertThat(read.items()).singleElement().satisfies(item -> {
            // record 3: EMV "copia e cola" 2-391 (case kept), Pix error 392-394 blank (QR code generated)
            assertThat(item.pix()).isEqualTo(new Pix("", "", "", EMV));
            assertThat(item.category()).isEqualTo(Category.ENTRY_CONFIRMED);
        });
        assertThat(read.summary().findings()).isEmpty();
    }

    @Test
    void bradesco400RetornoRecord4GivesTheTxid() {
        String detail = Cnab400SyntheticTest.retornoDetail(2, "02", 10_000, 0).put(71, "000000012345").toString();
        // record 4: carteira 2-4, agência 5-9, conta 10-16, nosso número 17-27 + DV 28, location, txid
        String record4 = FixedLine.of400().put(1, "4").put(2, "009").put(5, "01234").put(10, "0012345")
                .put(17, "00000012345").put(28, "P").put(29, "qrpix.bradesco.com.br/qr/v2/cobv/9b6e2f4a8c1d4e7fa0b3")
                .put(106, "Bradesco0Pix0TxId00123").number(395, 400, 3).toString();
        ReadResult read = ReadResult.ofLatin1(Synthetic240.join("\r\n", Cnab400SyntheticTest.header("237", '2'),
                detail, record4, Cnab400SyntheticTest.trailer(4)));

        assertThat(read.items()).singleElement().satisfies(item -> {
            // record 4: location 29-105 (not held), txid 106-140
            assertThat(item.pix()).isEqualTo(new Pix("Bradesco0Pix0TxId00123", "", "", ""));
            assertThat(item.ourNumber()).isEqualTo("000000012345");
        });
        assertThat(read.summary().findings()).isEmpty();
    }

    @Test
    void theCatalogueNamesTheFamiliesInWhichEachBankCarriesPix() {
        BankCatalog banks = BankCatalog.standard();
        assertThat(banks.find("033").orElseThrow().pixFamilies()).containsExactlyInAnyOrder(Layout.CNAB240,
                Layout.CNAB400);
        assertThat(banks.find("341").orElseThrow().pixFamilies()).containsExactly(Layout.CNAB400);
        assertThat(banks.find("237").orElseThrow().pixFamilies()).containsExactly(Layout.CNAB400);
    }

    private static CobrancaTitle title(String ourNumber) {
        return CobrancaTitle.entry(ourNumber, "NF" + ourNumber.substring(ourNumber.length() - 4), LocalDate.of(2024, 7, 1), 10_000,
                LocalDate.of(2024, 6, 11), PAYER);
    }

    private static String lineOfSegment(byte[] file, char segment) {
        for (String line : new String(file, StandardCharsets.ISO_8859_1).split("\r\n")) {
            if (line.length() >= 14 && line.charAt(7) == '3' && line.charAt(13) == segment) {
                return line;
            }
        }
        throw new AssertionError("no segment " + segment);
    }
}
