package br.bankhistory.cnab;

import br.bankhistory.cnab.write.Cobranca400Writer;
import br.bankhistory.cnab.write.CobrancaTitle;
import br.bankhistory.cnab.write.Party;
import br.bankhistory.cnab.write.RemessaHeader;
import br.bankhistory.cnab.write.RemessaWriter;

import org.junit.jupiter.api.Test;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/** The Pix of a boleto híbrido on the item: Santander 400 records 8 (remessa) and 2 (retorno). */
class PixTest {

    @Test
    void santanderRemessaRecord8PutsThePixOnTheTitle() {
        ReadResult read = ReadResult.ofSample("brcobranca/remessa-santander-cnab400-pix.rem");

        assertThat(read.items()).singleElement().satisfies(item -> {
            Pix pix = item.pix();
            assertThat(pix).isNotNull();
            // record 8: key type at 43, key at 44-120, txid at 121-155
            assertThat(pix.keyType()).isEqualTo("1");
            assertThat(pix.key()).isEqualTo("12345678910");
            assertThat(pix.txid()).isEmpty();
        });
    }

    @Test
    void santanderRetornoRecord2PutsThePixOnTheTitle() {
        ReadResult read = ReadResult.ofSample("laravel-boleto/santander_pix.ret");

        assertThat(read.items()).singleElement().satisfies(item -> {
            Pix pix = item.pix();
            assertThat(pix.keyType()).isEqualTo("5");
            assertThat(pix.key()).isEqualTo("39a1178e-db6b-4407-bc7b-b674390acf5f");
            assertThat(pix.txid()).isEqualTo("id-da-transcao-pix");
        });
    }

    @Test
    void aTitleWithPixIsWrittenAndReadBack() {
        RemessaHeader header = RemessaHeader.builder("033").company("Empresa Ltda", "12.345.678/0001-90")
                .agreement("12345678901234567890").sequenceNumber(1)
                .generatedAt(LocalDateTime.of(2024, 6, 11, 14, 30, 5)).build();
        CobrancaTitle title = CobrancaTitle.entry("1234567", "NF-1", LocalDate.of(2024, 7, 1), 10_000,
                LocalDate.of(2024, 6, 11), new Party("Pagador", "12345678901", "Rua A", "Centro", "01001000",
                        "Sao Paulo", "SP"))
                .withPix(new Pix("TxId0001abc", "5", "39a1178e-db6b-4407-bc7b-b674390acf5f", ""));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Cobranca400Writer writer = RemessaWriter.cobranca400(out, header)) {
            writer.add(title);
        }
        ReadResult read = ReadResult.of(out.toByteArray());

        assertThat(read.items()).singleElement().satisfies(item ->
                // a random key and a txid are case-sensitive: not upper-cased like the names and addresses
                assertThat(item.pix()).isEqualTo(new Pix("TxId0001abc", "5", "39a1178e-db6b-4407-bc7b-b674390acf5f",
                        "")));
        assertThat(br.bankhistory.cnab.bank.BankCatalog.standard().find("033").orElseThrow().pixInBoleto()).isTrue();
    }
}
