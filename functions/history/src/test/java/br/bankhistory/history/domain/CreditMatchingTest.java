package br.bankhistory.history.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule that pairs a day's cobrança entries with retornos' credited totals, without any storage. */
class CreditMatchingTest {

    private static final LocalDate DAY = LocalDate.of(2014, 1, 7);

    @Test
    void an_equal_total_wins_over_a_sum_and_each_retorno_is_credited_once() {
        CreditDay.Credit r1 = retorno("r1", 100_00, "");
        CreditDay.Credit r2 = retorno("r2", 60_00, "");
        CreditDay.Credit r3 = retorno("r3", 40_00, "");
        CreditDay.Credit e1 = entry("x", 1, 100_00, "");
        CreditDay.Credit e2 = entry("x", 2, 100_00, "");

        Map<CreditDay.Credit, List<CreditDay.Credit>> matched = CreditMatching.match(day(List.of(r3, r1, r2),
                List.of(e2, e1)));

        assertThat(matched.get(e1)).containsExactly(r1);
        assertThat(matched.get(e2)).containsExactly(r2, r3);
    }

    @Test
    void several_equal_candidates_go_to_the_earliest_and_the_order_of_arrival_does_not_matter() {
        CreditDay.Credit early = retorno("r1", 50_00, "");
        CreditDay.Credit late = retorno("r2", 50_00, "");
        CreditDay.Credit entry = entry("x", 1, 50_00, "");

        CreditDay oneWay = CreditDay.empty("104", DAY).replacing("r2", List.of(late), List.of())
                .replacing("x", List.of(), List.of(entry)).replacing("r1", List.of(early), List.of());
        CreditDay otherWay = CreditDay.empty("104", DAY).replacing("x", List.of(), List.of(entry))
                .replacing("r1", List.of(early), List.of()).replacing("r2", List.of(late), List.of());

        assertThat(CreditMatching.match(oneWay)).isEqualTo(CreditMatching.match(otherWay));
        assertThat(CreditMatching.match(oneWay).get(entry)).containsExactly(early);
    }

    @Test
    void another_account_or_no_equal_sum_is_not_found() {
        CreditDay.Credit elsewhere = retorno("r1", 70_00, "1234/999");
        CreditDay.Credit small = retorno("r2", 10_00, "");
        CreditDay.Credit entry = entry("x", 1, 70_00, "1234/56789");

        assertThat(CreditMatching.match(day(List.of(elsewhere, small), List.of(entry))).get(entry)).isEmpty();
    }

    @Test
    void a_file_given_again_replaces_its_part() {
        CreditDay.Credit r1 = retorno("r1", 70_00, "");
        CreditDay once = CreditDay.empty("104", DAY).replacing("r1", List.of(r1), List.of());

        assertThat(once.replacing("r1", List.of(r1), List.of())).isEqualTo(once);
        assertThat(once.replacing("r1", List.of(), List.of()).isEmpty()).isTrue();
    }

    private static CreditDay day(List<CreditDay.Credit> retornos, List<CreditDay.Credit> entries) {
        return new CreditDay("104", DAY, retornos, entries);
    }

    private static CreditDay.Credit retorno(String id, long cents, String account) {
        return new CreditDay.Credit(id, id + ".ret", 0, 0, account, cents);
    }

    private static CreditDay.Credit entry(String id, int seq, long cents, String account) {
        return new CreditDay.Credit(id, id + ".ret", seq, seq + 2, account, cents);
    }
}
