package br.bankhistory.cnab.write;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The typed writer, fed with the values of a real remessa (read from the file by eye), writes that file
 * byte for byte: the bank's constants and positions in the layout data are the bank's. What the typed
 * input does not model is passed as extra fields, by layout field name.
 */
class SampleRemessaTypedTest {

    @Test
    void itauCnab240RemessaOfTwoTitles() {
        RemessaHeader header = RemessaHeader.builder("341")
                .company("Tracy Tecnologia Ltda ME", "15.594.050/0001-11")
                .agency("4459", "").account("17600", "6").wallet("109")
                .sequenceNumber(900_001).generatedAt(LocalDateTime.of(2012, 6, 27, 11, 20, 0))
                // the lote header's remessa number differs from the file's NSA in this file
                .extraFields(Map.of("return_number", "90000001"))
                .build();
        Map<String, String> guarantor = Map.of("guarantor_document_type", "2",
                "guarantor_document", "15594050000111", "guarantor_name", "TRACY TECNOLOGIA LTDA ME",
                "kind", "08", "acceptance", "A");
        Charge interest = Charge.of(null, new BigDecimal("2.00"));
        CobrancaTitle first = CobrancaTitle.entry("90000000", "9999999998", LocalDate.of(2012, 6, 30), 10_000,
                        LocalDate.of(2012, 6, 27), new Party("Davi Oliveira Campos", "366.446.618-74",
                                "Rua Arlindo Catelli 735 ap 12", "Jd Palmares", "14092-530", "Ribeirão Preto", "SP"))
                .withCharges(interest, null, null)
                .withExtraFields(with(guarantor, "our_number_digit", "2"));
        CobrancaTitle second = CobrancaTitle.entry("00000001", "9999999999", LocalDate.of(2012, 7, 1), 20_000,
                        LocalDate.of(2012, 6, 27), new Party("Sérgio Oliveira Campos", "331.555.158-80",
                                "Rua Maestro Joaquim Thomé Leite 713", "Castelo Branco", "14090-610", "Ribeirão Preto",
                                "SP"))
                .withCharges(interest, null, null)
                .withExtraFields(with(guarantor, "our_number_digit", "0"));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Cobranca240Writer writer = RemessaWriter.cobranca240(out, header)) {
            writer.add(first);
            writer.add(second);
        }

        byte[] sample = Samples.bytes("kmee-cnab240/cobranca.itau.rem");
        assertThat(SampleRemessaCopyTest.differences(sample, out.toByteArray())).isEmpty();
        assertThat(out.toByteArray()).isEqualTo(sample);
    }

    @Test
    void santanderCnab400RemessaWithPixRecord() {
        RemessaHeader header = RemessaHeader.builder("033")
                .company("Sociedade Brasileira de Zoologia Ltda", "12.345.678/910")
                .agreement("17777751042700080112")
                .sequenceNumber(0).generatedAt(LocalDateTime.of(2015, 7, 14, 0, 0))
                .extraFields(Map.of("file_version", "058"))
                .build();
        Party payer = new Party("Pablo Diego José Francisco de Paula Juan Nepomuceno", "123.456.789-01",
                "Rua Rio Grande do Sul São Paulo Minas Caçapava", "São José dos Quatro Marcos", "12345-678",
                "Santa Rita de Cássia", "SP");
        CobrancaTitle title = CobrancaTitle.entry("00000123", "0000000000", LocalDate.of(2015, 7, 14), 19_990,
                        LocalDate.of(2015, 7, 14), payer)
                .withCharges(Charge.of(null, new BigDecimal("8.00")), new Charge("4", null, new BigDecimal("2.00")),
                        null)
                .withExtraFields(Map.ofEntries(
                        Map.entry("company_use", "6969"),
                        Map.entry("wallet_code", "1"),
                        Map.entry("instruction_1", "06"),
                        Map.entry("protest_days", "06"),
                        Map.entry("account_complement", "78"),
                        Map.entry("pix_payment_kind", "00"),
                        Map.entry("pix_payment_count", "01"),
                        Map.entry("pix_value_type", "2"),
                        Map.entry("pix_maximum_value", "19990"),
                        Map.entry("pix_maximum_percent", "10000"),
                        Map.entry("pix_minimum_value", "19990"),
                        Map.entry("pix_minimum_percent", "10000"),
                        Map.entry("pix_key_type", "1"),
                        Map.entry("pix_key", "12345678910")));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WriteOptions lf = WriteOptions.defaults().withLineEnding("\n");
        try (Cobranca400Writer writer = RemessaWriter.cobranca400(out, header, lf)) {
            writer.add(title);
        }

        byte[] sample = Samples.bytes("brcobranca/remessa-santander-cnab400-pix.rem");
        assertThat(SampleRemessaCopyTest.differences(sample, out.toByteArray())).isEmpty();
        assertThat(out.toByteArray()).isEqualTo(sample);
    }

    private static Map<String, String> with(Map<String, String> base, String key, String value) {
        var map = new java.util.HashMap<>(base);
        map.put(key, value);
        return map;
    }
}
