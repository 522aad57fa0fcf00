package br.bankhistory.history.contract;

import br.bankhistory.history.port.TitleClaims;
import br.bankhistory.history.port.TitleClaims.Holder;
import br.bankhistory.history.port.TitleClaims.Title;
import br.bankhistory.history.support.Race;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link TitleClaims} does, the in-memory fake and the DynamoDB adapter alike. */
abstract class TitleClaimsContract {

    private static final Instant T0 = Instant.parse("2026-03-02T12:00:00.250Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private static final Title A = new Title("341|1234|56789|00000001", "00000001", 2);
    private static final Title B = new Title("341|1234|56789|00000002", "00000002", 3);
    private static final Title C = new Title("341|1234|56789|00000003", "00000003", 4);

    private TitleClaims claims;

    /** Claims over new, empty storage. */
    abstract TitleClaims newStore();

    /** Other claims over the storage of the last {@link #newStore()}: another Lambda sandbox. */
    abstract TitleClaims sameStorage();

    @BeforeEach
    void freshStore() {
        claims = newStore();
    }

    @Test
    void free_titles_are_claimed_and_another_object_is_told_who_holds_them() {
        assertThat(claims.claim("t1", "remessa/one", "ONE.REM", List.of(A, B), T0)).isEmpty();

        Map<String, Holder> held = sameStorage().claim("t1", "remessa/two", "TWO.REM", List.of(B, C), T1);

        assertThat(held).containsExactly(Map.entry(B.key(), new Holder("remessa/one", "ONE.REM", 3, T0, "")));
        assertThat(claims.claim("t1", "remessa/three", "THREE.REM", List.of(C), T1))
                .containsExactly(Map.entry(C.key(), new Holder("remessa/two", "TWO.REM", 4, T1, "")));
    }

    @Test
    void claiming_again_keeps_the_first_claim_as_it_was() {
        claims.claim("t1", "remessa/one", "ONE.REM", List.of(A), T0);
        Title moved = new Title(A.key(), A.ourNumber(), 9);
        assertThat(claims.claim("t1", "remessa/one", "RENAMED.REM", List.of(moved), T1)).isEmpty();
        assertThat(claims.claim("t1", "remessa/two", "TWO.REM", List.of(A), T1))
                .containsExactly(Map.entry(A.key(), new Holder("remessa/one", "ONE.REM", 2, T0, "")));
    }

    @Test
    void a_title_named_twice_is_claimed_once_at_its_first_line() {
        Title again = new Title(A.key(), A.ourNumber(), 7);
        assertThat(claims.claim("t1", "remessa/one", "ONE.REM", List.of(A, again), T0)).isEmpty();
        assertThat(claims.claim("t1", "remessa/two", "TWO.REM", List.of(A), T1).get(A.key()).line()).isEqualTo(2);
    }

    @Test
    void a_released_title_is_free_and_only_its_holder_releases_it() {
        claims.claim("t1", "remessa/one", "ONE.REM", List.of(A, B), T0);
        claims.release("t1", "remessa/two", List.of(A.key()));
        claims.release("t1", "remessa/one", List.of(B.key(), C.key()));

        assertThat(claims.claim("t1", "remessa/two", "TWO.REM", List.of(A, B), T1)).containsOnlyKeys(A.key());
    }

    @Test
    void a_take_over_moves_the_claim_only_from_the_holder_named() {
        claims.claim("t1", "remessa/one", "ONE.REM", List.of(A), T0);
        Holder one = new Holder("remessa/one", "ONE.REM", 2, T0, "");
        Holder stale = new Holder("remessa/zero", "ZERO.REM", 2, T0, "");

        assertThat(claims.takeOver("t1", "remessa/two", "TWO.REM", A, stale, T1)).isFalse();
        assertThat(claims.takeOver("t1", "remessa/two", "TWO.REM", A, one, T1)).isTrue();
        assertThat(claims.takeOver("t1", "remessa/three", "THREE.REM", A, one, T1)).isFalse();
        assertThat(claims.claim("t1", "remessa/four", "FOUR.REM", List.of(A), T1))
                .containsExactly(Map.entry(A.key(), new Holder("remessa/two", "TWO.REM", 2, T1, "")));
    }

    @Test
    void a_title_released_meanwhile_is_taken_over_too() {
        claims.claim("t1", "remessa/one", "ONE.REM", List.of(A), T0);
        Holder one = new Holder("remessa/one", "ONE.REM", 2, T0, "");
        claims.release("t1", "remessa/one", List.of(A.key()));
        assertThat(claims.takeOver("t1", "remessa/two", "TWO.REM", A, one, T1)).isTrue();
    }

    @Test
    void settling_pins_the_title_to_its_holder_and_keeps_where_it_was() {
        claims.claim("t1", "remessa/one", "ONE.REM", List.of(A), T0);
        claims.settle("t1", A.key(), "remessa/one", "OTHER.REM", "retorno/r1", T1);
        claims.settle("t1", A.key(), "remessa/two", "TWO.REM", "retorno/r2", T1);

        assertThat(claims.claim("t1", "remessa/three", "THREE.REM", List.of(A), T1))
                .containsExactly(Map.entry(A.key(), new Holder("remessa/one", "ONE.REM", 2, T0, "retorno/r1")));
    }

    @Test
    void settling_a_free_title_claims_it_for_the_remessa_the_bank_acted_on() {
        claims.settle("t1", A.key(), "remessa/one", "ONE.REM", "retorno/r1", T0);
        assertThat(claims.claim("t1", "remessa/two", "TWO.REM", List.of(A), T1))
                .containsExactly(Map.entry(A.key(), new Holder("remessa/one", "ONE.REM", 0, T0, "retorno/r1")));
    }

    @Test
    void a_take_over_leaves_the_settlement_behind() {
        claims.claim("t1", "remessa/one", "ONE.REM", List.of(A), T0);
        claims.settle("t1", A.key(), "remessa/one", "ONE.REM", "retorno/r1", T0);
        Holder one = new Holder("remessa/one", "ONE.REM", 2, T0, "retorno/r1");
        claims.takeOver("t1", "remessa/two", "TWO.REM", A, one, T1);
        assertThat(claims.claim("t1", "remessa/three", "THREE.REM", List.of(A), T1).get(A.key()).settledBy())
                .isEmpty();
    }

    @Test
    void tenants_are_apart() {
        claims.claim("t1", "remessa/one", "ONE.REM", List.of(A), T0);
        assertThat(claims.claim("t2", "remessa/two", "TWO.REM", List.of(A), T0)).isEmpty();
    }

    @Test
    void a_remessa_of_hundreds_of_titles_is_claimed_whole() {
        List<Title> many = IntStream.rangeClosed(1, 230)
                .mapToObj(i -> new Title("341|1|2|" + String.format("%08d", i), String.format("%08d", i), i + 1))
                .toList();
        assertThat(claims.claim("t1", "remessa/one", "ONE.REM", many, T0)).isEmpty();
        assertThat(claims.claim("t1", "remessa/two", "TWO.REM", many, T1)).hasSize(230)
                .allSatisfy((key, holder) -> assertThat(holder.objectKey()).isEqualTo("remessa/one"));
    }

    @Test
    void of_many_remessas_claiming_the_same_titles_at_once_each_title_has_exactly_one_holder() throws Exception {
        int contenders = 8;
        List<Title> titles = IntStream.rangeClosed(1, 20)
                .mapToObj(i -> new Title("341|1|2|" + String.format("%08d", i), String.format("%08d", i), i + 1))
                .toList();
        List<TitleClaims> sandboxes = new ArrayList<>();
        for (int i = 0; i < contenders; i++) {
            sandboxes.add(sameStorage());
        }
        List<Map<String, Holder>> held = Race.together(contenders, i ->
                sandboxes.get(i).claim("t1", "remessa/" + i, i + ".REM", titles, T0));

        for (Title title : titles) {
            List<Integer> winners = IntStream.range(0, contenders)
                    .filter(i -> !held.get(i).containsKey(title.key())).boxed().toList();
            assertThat(winners).as(title.key()).hasSize(1);
            String winner = "remessa/" + winners.get(0);
            assertThat(held).filteredOn(h -> h.containsKey(title.key()))
                    .allSatisfy(h -> assertThat(h.get(title.key()).objectKey()).isEqualTo(winner));
        }
    }
}
