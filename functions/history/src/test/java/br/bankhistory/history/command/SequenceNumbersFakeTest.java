package br.bankhistory.history.command;

import br.bankhistory.history.domain.ConflictException;
import br.bankhistory.history.fake.FakeSequenceLog;
import br.bankhistory.history.port.SequenceLog;
import br.bankhistory.history.support.Race;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link SequenceNumbers} on the in-memory {@link SequenceLog} (held to the adapter's contract by
 * {@code SequenceLogContract}): the NSA of generated remessas, issued and taken back, under races.
 */
class SequenceNumbersFakeTest {

    private static final String ACCOUNT = "341|1234|56789|COB|REMESSA";

    private final FakeSequenceLog log = new FakeSequenceLog();
    private final SequenceNumbers numbers = new SequenceNumbers(log);

    @Test
    void an_account_gets_consecutive_numbers_after_the_highest_seen_in_its_files() {
        assertThat(numbers.issue("t1", ACCOUNT, 0)).isEqualTo(1);
        assertThat(numbers.issue("t1", ACCOUNT, 0)).isEqualTo(2);
        log.observe("t1", ACCOUNT, 7, "retorno-7");
        assertThat(numbers.next("t1", ACCOUNT)).isEqualTo(8);
        assertThat(numbers.issue("t1", ACCOUNT, 0)).isEqualTo(8);
    }

    @Test
    void a_number_asked_for_is_issued_only_above_the_last_one() {
        numbers.issue("t1", ACCOUNT, 0);
        assertThatThrownBy(() -> numbers.issue("t1", ACCOUNT, 1)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("use 2");
        assertThat(numbers.issue("t1", ACCOUNT, 10)).isEqualTo(10);
        assertThat(numbers.issue("t1", ACCOUNT, 0)).isEqualTo(11);
    }

    @Test
    void a_number_is_taken_back_only_while_nothing_came_after_it() {
        long first = numbers.issue("t1", ACCOUNT, 0);
        numbers.takeBack("t1", ACCOUNT, first);
        assertThat(numbers.issue("t1", ACCOUNT, 0)).isEqualTo(first);

        long second = numbers.issue("t1", ACCOUNT, 0);
        numbers.issue("t1", ACCOUNT, 0);
        numbers.takeBack("t1", ACCOUNT, second);
        assertThat(numbers.next("t1", ACCOUNT)).isEqualTo(second + 2);
    }

    @Test
    void a_file_seen_between_reading_and_issuing_makes_the_generation_read_again() {
        AtomicBoolean fileArrives = new AtomicBoolean(true);
        SequenceLog racing = new SequenceLog() {
            @Override
            public long last(String tenant, String accountKey) {
                long last = log.last(tenant, accountKey);
                if (fileArrives.getAndSet(false)) {
                    log.observe(tenant, accountKey, last + 1, "retorno-meanwhile");
                }
                return last;
            }

            @Override
            public boolean issue(String tenant, String accountKey, long expectedLast, long next) {
                return log.issue(tenant, accountKey, expectedLast, next);
            }

            @Override
            public void takeBack(String tenant, String accountKey, long issued) {
                log.takeBack(tenant, accountKey, issued);
            }

            @Override
            public Observation observe(String tenant, String accountKey, long nsa, String recordId) {
                return log.observe(tenant, accountKey, nsa, recordId);
            }
        };

        assertThat(new SequenceNumbers(racing).issue("t1", ACCOUNT, 0)).isEqualTo(2);
    }

    @Test
    void of_many_generations_at_once_each_gets_its_own_number_and_none_is_skipped() throws Exception {
        int contenders = 16;
        List<SequenceNumbers> sandboxes = IntStream.range(0, contenders).mapToObj(i -> new SequenceNumbers(log))
                .toList();

        List<Long> issued = Race.together(contenders, i -> sandboxes.get(i).issue("t1", ACCOUNT, 0));

        assertThat(issued.stream().sorted().toList())
                .containsExactlyElementsOf(LongStream.rangeClosed(1, contenders).boxed().toList());
    }
}
