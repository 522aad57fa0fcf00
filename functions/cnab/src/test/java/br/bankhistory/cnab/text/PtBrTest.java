package br.bankhistory.cnab.text;

import br.bankhistory.cnab.Category;
import br.bankhistory.cnab.PaymentForm;
import br.bankhistory.cnab.Service;
import br.bankhistory.cnab.Severity;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class PtBrTest {

    @Test
    void moneyIsWrittenTheBrazilianWay() {
        assertThat(PtBr.money(0)).isEqualTo("R$ 0,00");
        assertThat(PtBr.money(5)).isEqualTo("R$ 0,05");
        assertThat(PtBr.money(123_456_789)).isEqualTo("R$ 1.234.567,89");
        assertThat(PtBr.money(100_000)).isEqualTo("R$ 1.000,00");
        assertThat(PtBr.money(-1_050)).isEqualTo("-R$ 10,50");
        assertThat(PtBr.money(-5)).isEqualTo("-R$ 0,05");
    }

    @Test
    void theExtremesOfALongAreFormattedWithoutOverflow() {
        // Math.abs(Long.MIN_VALUE) is Long.MIN_VALUE: the two old formatters printed a second minus sign and
        // a garbled fraction for it
        assertThat(PtBr.money(Long.MIN_VALUE)).isEqualTo("-R$ 92.233.720.368.547.758,08");
        assertThat(PtBr.money(Long.MAX_VALUE)).isEqualTo("R$ 92.233.720.368.547.758,07");
        assertThat(PtBr.count(Long.MIN_VALUE)).isEqualTo("-9.223.372.036.854.775.808");
        assertThat(PtBr.count(1_234)).isEqualTo("1.234");
        assertThat(PtBr.count(-999)).isEqualTo("-999");
    }

    @Test
    void datesTimesAndDocuments() {
        assertThat(PtBr.date(LocalDate.of(2024, 3, 9))).isEqualTo("09/03/2024");
        assertThat(PtBr.date(null)).isEmpty();
        assertThat(PtBr.dateTime(Instant.parse("2024-03-09T12:05:00Z"))).isEqualTo("09/03/2024 09:05");
        assertThat(PtBr.document("12345678000190")).isEqualTo("12.345.678/0001-90");
        assertThat(PtBr.document("12ABC34501DE35")).isEqualTo("12.ABC.345/01DE-35");
        assertThat(PtBr.document("12345678901")).isEqualTo("123.456.789-01");
        assertThat(PtBr.document(" 123 ")).isEqualTo("123");
    }

    @Test
    void everyCategoryHasAPortugueseName() {
        for (Category category : Category.values()) {
            assertThat(PtBr.category(category)).as(category.name()).isNotBlank().isNotEqualTo(category.name());
        }
        assertThat(PtBr.category("PAID")).isEqualTo("Liquidado");
        assertThat(PtBr.category("NOT_A_CATEGORY")).isEqualTo("NOT_A_CATEGORY");
        assertThat(PtBr.severity(Severity.WARNING)).isEqualTo("Aviso");
        assertThat(PtBr.service(Service.EXTRATO)).isEqualTo("Extrato bancário");
        assertThat(PtBr.paymentForm(PaymentForm.PIX)).isEqualTo("Pix");
    }
}
