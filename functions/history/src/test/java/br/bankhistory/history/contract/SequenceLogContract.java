package br.bankhistory.history.contract;

import br.bankhistory.history.port.SequenceLog;
import br.bankhistory.history.port.SequenceLog.Kind;
import br.bankhistory.history.port.SequenceLog.Observation;
import br.bankhistory.history.support.Race;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link SequenceLog} does, the in-memory fake and the DynamoDB adapter alike. */
abstract class SequenceLogContract {

    private static final String ACCOUNT = "341|1234|56789|COB|REMESSA";

    private SequenceLog log;

    /** A log over new, empty storage. */
    abstract SequenceLog newStore();

    /** Another log over the storage of the last {@link #newStore()}: another Lambda sandbox. */
    abstract SequenceLog sameStorage();

    @BeforeEach
    void freshStore() {
        log = newStore();
    }

    @Test
    void an_account_never_seen_has_zero_as_its_last_number() {
        assertThat(log.last("t1", ACCOUNT)).isZero();
    }

    @Test
    void numbers_seen_in_files_are_first_next_gap_or_repeated() {
        assertThat(log.observe("t1", ACCOUNT, 5, "r5")).isEqualTo(new Observation(Kind.FIRST, 0));
        assertThat(log.observe("t1", ACCOUNT, 6, "r6")).isEqualTo(new Observation(Kind.NEXT, 5));
        assertThat(log.observe("t1", ACCOUNT, 9, "r9")).isEqualTo(new Observation(Kind.GAP, 6));
        assertThat(log.observe("t1", ACCOUNT, 9, "other")).isEqualTo(new Observation(Kind.REPEATED, 9));
        assertThat(log.observe("t1", ACCOUNT, 7, "r7")).isEqualTo(new Observation(Kind.REPEATED, 9));
        assertThat(log.last("t1", ACCOUNT)).isEqualTo(9);
    }

    @Test
    void the_same_file_seen_again_is_still_next() {
        log.observe("t1", ACCOUNT, 5, "r5");
        assertThat(log.observe("t1", ACCOUNT, 5, "r5")).isEqualTo(new Observation(Kind.NEXT, 5));
    }

    @Test
    void issuing_is_a_compare_and_set_on_the_highest_number_known() {
        assertThat(log.issue("t1", ACCOUNT, 0, 1)).isTrue();
        assertThat(log.last("t1", ACCOUNT)).isEqualTo(1);
        assertThat(log.issue("t1", ACCOUNT, 0, 1)).isFalse();
        assertThat(log.issue("t1", ACCOUNT, 1, 2)).isTrue();

        log.observe("t1", ACCOUNT, 7, "r7");
        assertThat(log.issue("t1", ACCOUNT, 2, 3)).isFalse();
        assertThat(log.last("t1", ACCOUNT)).isEqualTo(7);
        assertThat(log.issue("t1", ACCOUNT, 7, 8)).isTrue();
        assertThat(log.last("t1", ACCOUNT)).isEqualTo(8);
    }

    @Test
    void an_issued_number_does_not_count_as_seen() {
        log.issue("t1", ACCOUNT, 0, 4);
        assertThat(log.observe("t1", ACCOUNT, 4, "r4")).isEqualTo(new Observation(Kind.FIRST, 0));
    }

    @Test
    void the_last_number_issued_is_taken_back_unless_something_came_after_it() {
        log.issue("t1", ACCOUNT, 0, 1);
        log.issue("t1", ACCOUNT, 1, 2);
        log.takeBack("t1", ACCOUNT, 1);
        assertThat(log.last("t1", ACCOUNT)).isEqualTo(2);
        log.takeBack("t1", ACCOUNT, 2);
        assertThat(log.last("t1", ACCOUNT)).isEqualTo(1);

        log.issue("t1", ACCOUNT, 1, 2);
        log.observe("t1", ACCOUNT, 2, "r2");
        log.takeBack("t1", ACCOUNT, 2);
        assertThat(log.last("t1", ACCOUNT)).isEqualTo(2);
    }

    @Test
    void taking_back_on_an_account_never_seen_changes_nothing() {
        log.takeBack("t1", ACCOUNT, 1);
        assertThat(log.last("t1", ACCOUNT)).isZero();
    }

    @Test
    void accounts_and_tenants_are_apart() {
        log.issue("t1", ACCOUNT, 0, 3);
        log.observe("t1", "033|1|2|COB|REMESSA", 8, "r8");
        assertThat(log.last("t2", ACCOUNT)).isZero();
        assertThat(log.last("t1", ACCOUNT)).isEqualTo(3);
        assertThat(log.last("t1", "033|1|2|COB|REMESSA")).isEqualTo(8);
    }

    @Test
    void of_many_generations_issuing_at_once_each_number_goes_out_once_and_they_are_consecutive() throws Exception {
        int contenders = 8;
        int each = 5;
        List<SequenceLog> sandboxes = new ArrayList<>();
        for (int i = 0; i < contenders; i++) {
            sandboxes.add(sameStorage());
        }
        List<List<Long>> issued = Race.together(contenders, i -> {
            SequenceLog mine = sandboxes.get(i);
            List<Long> numbers = new ArrayList<>();
            while (numbers.size() < each) {
                long last = mine.last("t1", ACCOUNT);
                if (mine.issue("t1", ACCOUNT, last, last + 1)) {
                    numbers.add(last + 1);
                }
            }
            return numbers;
        });

        assertThat(issued.stream().flatMap(List::stream).sorted().toList())
                .containsExactlyElementsOf(LongStream.rangeClosed(1, (long) contenders * each).boxed().toList());
        assertThat(log.last("t1", ACCOUNT)).isEqualTo((long) contenders * each);
    }

    @Test
    void of_many_files_with_one_number_seen_at_once_exactly_one_moves_it() throws Exception {
        log.observe("t1", ACCOUNT, 4, "r4");
        int contenders = 12;
        List<SequenceLog> sandboxes = new ArrayList<>();
        for (int i = 0; i < contenders; i++) {
            sandboxes.add(sameStorage());
        }
        List<Observation> seen = Race.together(contenders, i -> sandboxes.get(i).observe("t1", ACCOUNT, 5, "f" + i));

        assertThat(seen).containsOnlyOnce(new Observation(Kind.NEXT, 4));
        assertThat(seen).filteredOn(o -> o.kind() != Kind.NEXT).containsOnly(new Observation(Kind.REPEATED, 5));
    }
}
