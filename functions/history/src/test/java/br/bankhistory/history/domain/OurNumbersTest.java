package br.bankhistory.history.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The normalisation rules a retorno's nosso número goes through to find the remessa title it answers. */
class OurNumbersTest {

    @Test
    void leading_zeros_punctuation_and_case_do_not_count() {
        assertThat(OurNumbers.key("0001234-5")).isEqualTo("12345");
        assertThat(OurNumbers.key(" 00ab.12 ")).isEqualTo("AB12");
        assertThat(OurNumbers.key("0000")).isEmpty();
    }

    @Test
    void a_check_digit_the_remessa_did_not_carry_is_tried_without() {
        // The bank returns 12345678 + DV 9; the ERP wrote 12345678.
        assertThat(OurNumbers.candidates("0000123456789", "")).containsExactly("123456789", "12345678");
    }

    @Test
    void a_convenio_prefix_is_tried_without_and_with() {
        // BB convênio 1234567: the retorno prints 1234567 + 0000000042, the ERP wrote 42 (or the other way round).
        assertThat(OurNumbers.candidates("12345670000000042", "1234567"))
                .contains("12345670000000042", "42");
        assertThat(OurNumbers.candidates("00000000042", "0001234567")).containsExactly("42", "123456742");
    }

    @Test
    void short_numbers_get_no_variants_that_could_match_another_title() {
        assertThat(OurNumbers.candidates("00123", "")).containsExactly("123");
        assertThat(OurNumbers.candidates("", "1234567")).isEmpty();
    }
}
