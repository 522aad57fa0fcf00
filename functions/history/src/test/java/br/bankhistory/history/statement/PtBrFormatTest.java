package br.bankhistory.history.statement;

import br.bankhistory.history.domain.Origin;
import br.bankhistory.history.domain.RecordStatus;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class PtBrFormatTest {

    @Test
    void money() {
        assertThat(PtBrFormat.money(0)).isEqualTo("R$ 0,00");
        assertThat(PtBrFormat.money(5)).isEqualTo("R$ 0,05");
        assertThat(PtBrFormat.money(123_456)).isEqualTo("R$ 1.234,56");
        assertThat(PtBrFormat.money(-123_456)).isEqualTo("-R$ 1.234,56");
        assertThat(PtBrFormat.money(-1)).isEqualTo("-R$ 0,01");
        assertThat(PtBrFormat.money(100_000_000)).isEqualTo("R$ 1.000.000,00");
        assertThat(PtBrFormat.money(Long.MAX_VALUE)).isEqualTo("R$ 92.233.720.368.547.758,07");
        assertThat(PtBrFormat.money(Long.MIN_VALUE)).isEqualTo("-R$ 92.233.720.368.547.758,08");
    }

    @Test
    void moneyAgreesWithTheJdkPtBrFormat() {
        NumberFormat jdk = NumberFormat.getCurrencyInstance(Locale.forLanguageTag("pt-BR"));
        Random random = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            long cents = random.nextLong() % 10_000_000_000_000L;
            String expected = jdk.format(BigDecimal.valueOf(cents, 2)).replace('\u00A0', ' ');
            assertThat(PtBrFormat.money(cents)).isEqualTo(expected);
        }
    }

    @Test
    void counts() {
        assertThat(PtBrFormat.count(0)).isEqualTo("0");
        assertThat(PtBrFormat.count(999)).isEqualTo("999");
        assertThat(PtBrFormat.count(10_000)).isEqualTo("10.000");
        assertThat(PtBrFormat.count(-1_234_567)).isEqualTo("-1.234.567");
        assertThat(PtBrFormat.count(Long.MIN_VALUE)).isEqualTo("-9.223.372.036.854.775.808");
    }

    @Test
    void dates() {
        assertThat(PtBrFormat.date(LocalDate.of(2025, 3, 9))).isEqualTo("09/03/2025");
        assertThat(PtBrFormat.date(LocalDate.of(1999, 12, 31))).isEqualTo("31/12/1999");
        assertThat(PtBrFormat.date(null)).isEqualTo("\u2014");
        assertThat(PtBrFormat.dateTime(Instant.parse("2025-03-14T13:05:00Z"))).isEqualTo("14/03/2025 10:05");
        assertThat(PtBrFormat.dateTime(Instant.parse("2025-01-01T02:59:00Z"))).isEqualTo("31/12/2024 23:59");
        assertThat(PtBrFormat.dateTime(null)).isEqualTo("\u2014");
    }

    @Test
    void documents() {
        assertThat(PtBrFormat.document("12345678000195")).isEqualTo("12.345.678/0001-95");
        assertThat(PtBrFormat.document("12ABC34501DE35")).isEqualTo("12.ABC.345/01DE-35");
        assertThat(PtBrFormat.document("12345678909")).isEqualTo("123.456.789-09");
        assertThat(PtBrFormat.document(" 123 ")).isEqualTo("123");
        assertThat(PtBrFormat.document(null)).isEmpty();
    }

    @Test
    void names() {
        assertThat(PtBrFormat.category("PAID")).isEqualTo("Liquidado");
        assertThat(PtBrFormat.category("PAYMENT_REJECTED")).isEqualTo("Pagamento rejeitado");
        assertThat(PtBrFormat.category("INSTRUCTION_OTHER")).isEqualTo("Instrução: outras");
        assertThat(PtBrFormat.category("SOMETHING_NEW")).isEqualTo("SOMETHING_NEW");
        for (br.bankhistory.cnab.Category c : br.bankhistory.cnab.Category.values()) {
            assertThat(PtBrFormat.category(c.name())).as(c.name()).isNotEqualTo(c.name());
        }
        assertThat(PtBrFormat.severity("ERROR")).isEqualTo("Erro");
        assertThat(PtBrFormat.severity("WARNING")).isEqualTo("Aviso");
        assertThat(PtBrFormat.severity("INFO")).isEqualTo("Informação");
        assertThat(PtBrFormat.status(RecordStatus.OTHER_BANK_FILE)).isEqualTo("Outro arquivo do banco");
        assertThat(PtBrFormat.user(Origin.AUTOMATIC, "x")).isEqualTo("Integração");
        assertThat(PtBrFormat.user(Origin.MANUAL, "Maria")).isEqualTo("Maria");
    }
}
