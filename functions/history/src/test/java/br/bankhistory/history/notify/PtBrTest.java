package br.bankhistory.history.notify;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class PtBrTest {

    @Test
    void moneyIsWrittenTheBrazilianWay() {
        assertThat(PtBr.money(0)).isEqualTo("R$ 0,00");
        assertThat(PtBr.money(5)).isEqualTo("R$ 0,05");
        assertThat(PtBr.money(123456)).isEqualTo("R$ 1.234,56");
        assertThat(PtBr.money(100000000)).isEqualTo("R$ 1.000.000,00");
        assertThat(PtBr.money(-150)).isEqualTo("-R$ 1,50");
        assertThat(PtBr.money(Long.MIN_VALUE)).isEqualTo("-R$ 92.233.720.368.547.758,08");
        assertThat(PtBr.count(1234567)).isEqualTo("1.234.567");
    }

    @Test
    void datesAreShownInSaoPauloTime() {
        assertThat(PtBr.dateTime(Instant.parse("2024-01-06T13:15:00Z"))).isEqualTo("06/01/2024 10:15");
        assertThat(PtBr.dateTime(Instant.parse("2024-01-01T02:30:00Z"))).isEqualTo("31/12/2023 23:30");
        assertThat(PtBr.date(LocalDate.of(2014, 1, 6))).isEqualTo("06/01/2014");
        assertThat(PtBr.date(null)).isEmpty();
    }

    @Test
    void categoriesHavePortugueseNames() {
        assertThat(PtBr.category("ENTRY_CONFIRMED")).isEqualTo("Entrada confirmada");
        assertThat(PtBr.category("ENTRY_REJECTED")).isEqualTo("Entrada rejeitada");
        assertThat(PtBr.category("PAID")).isEqualTo("Liquidado");
        assertThat(PtBr.category("WRITTEN_OFF")).isEqualTo("Baixado");
        assertThat(PtBr.category("PROTESTED")).isEqualTo("Protestado");
        assertThat(PtBr.category("CHANGED")).isEqualTo("Alterado");
        assertThat(PtBr.category("FEE")).isEqualTo("Tarifa");
        assertThat(PtBr.category("SCHEDULED")).isEqualTo("Agendado");
        assertThat(PtBr.category("EFFECTED")).isEqualTo("Efetivado");
        assertThat(PtBr.category("PAYMENT_REJECTED")).isEqualTo("Pagamento rejeitado");
        assertThat(PtBr.category("OTHER")).isEqualTo("Outros");
        assertThat(PtBr.category("SOMETHING_NEW")).isEqualTo("SOMETHING_NEW");
        assertThat(PtBr.categoryOrder("ENTRY_CONFIRMED")).isLessThan(PtBr.categoryOrder("PAID"));
    }

    @Test
    void untrustedTextBecomesOneCleanLineAndEscapedHtml() {
        assertThat(PtBr.clean(" A\r\nBcc: x@y\u0000\t B \u202Etxt.exe ")).isEqualTo("A Bcc: x@y B txt.exe");
        assertThat(PtBr.clean(null)).isEmpty();
        assertThat(PtBr.html("<a href=\"x\" title='y'>&</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
    }

    @Test
    void abbreviationsKeepTheExtension() {
        assertThat(PtBr.abbreviateMiddle("RETORNO.RET", 20)).isEqualTo("RETORNO.RET");
        String shortened = PtBr.abbreviateMiddle("A".repeat(100) + ".RET", 30);
        assertThat(shortened).hasSize(30).endsWith(".RET").contains("…");
        assertThat(PtBr.abbreviateEnd("abcdef", 4)).isEqualTo("abc…");
    }
}
