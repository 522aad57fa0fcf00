package br.bankhistory.history.contract;

import br.bankhistory.history.port.TitleIndex;
import br.bankhistory.history.port.TitleIndex.Entry;
import br.bankhistory.history.port.TitleIndex.Found;
import br.bankhistory.history.support.Race;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link TitleIndex} does, the in-memory fake and the DynamoDB adapter alike. */
abstract class TitleIndexContract {

    private static final String REMESSA = "20260302120000123-0000000000a1";
    private static final String RETORNO = "20260302120000123-0000000000b2";
    private static final Entry A = new Entry("00000001", 0, 2, 0);
    private static final Entry B = new Entry("00000002", 1, 3, 0);
    private static final Entry PAID_A = new Entry("00000001", 0, 2, -7_123_456_789_012L);

    private TitleIndex index;

    /** An index over new, empty storage. */
    abstract TitleIndex newStore();

    /** Another index over the storage of the last {@link #newStore()}: another Lambda sandbox. */
    abstract TitleIndex sameStorage();

    @BeforeEach
    void freshStore() {
        index = newStore();
    }

    @Test
    void entries_put_are_found_by_key_with_their_record_bank_and_kind() {
        index.put("t1", REMESSA, "104", "REMESSA_COBRANCA", List.of(A, B));

        TitleIndex other = sameStorage();
        assertThat(other.find("t1", List.of(A.key()))).containsExactly(new Found(REMESSA, "104", "REMESSA_COBRANCA",
                0, A));
        assertThat(other.find("t1", List.of(A.key(), B.key(), "99999999"))).containsExactlyInAnyOrder(
                new Found(REMESSA, "104", "REMESSA_COBRANCA", 0, A),
                new Found(REMESSA, "104", "REMESSA_COBRANCA", 0, B));
        assertThat(other.find("t2", List.of(A.key()))).isEmpty();
        assertThat(other.order("t1", REMESSA)).isEmpty();
    }

    @Test
    void one_key_is_found_in_every_record_that_has_it_with_the_order_it_was_applied_in() {
        index.put("t1", REMESSA, "104", "REMESSA_COBRANCA", List.of(A));
        try (TitleIndex.Writer writer = index.writer("t1", RETORNO, "104", "RETORNO_COBRANCA", 7)) {
            writer.add(TitleIndex.bucketOf(PAID_A.key()), List.of(PAID_A));
        }

        assertThat(index.find("t1", List.of(A.key()))).containsExactlyInAnyOrder(
                new Found(REMESSA, "104", "REMESSA_COBRANCA", 0, A),
                new Found(RETORNO, "104", "RETORNO_COBRANCA", 7, PAID_A));
        assertThat(index.order("t1", RETORNO)).hasValue(7);
        assertThat(index.bucket("t1", TitleIndex.bucketOf(A.key()))).hasSize(2);
    }

    @Test
    void putting_again_replaces_the_records_entries_and_removing_drops_them() {
        index.put("t1", REMESSA, "104", "REMESSA_COBRANCA", List.of(A, B));
        index.put("t1", REMESSA, "104", "REMESSA_COBRANCA", List.of(B));
        assertThat(index.find("t1", List.of(A.key(), B.key()))).extracting(Found::entry).containsExactly(B);

        index.remove("t1", REMESSA);
        assertThat(index.find("t1", List.of(A.key(), B.key()))).isEmpty();
        index.remove("t1", REMESSA);
    }

    @Test
    void a_bucket_holds_every_entry_of_every_record_that_falls_in_it() {
        int bucket = TitleIndex.bucketOf("00000000");
        List<Entry> same = IntStream.range(0, 200_000).mapToObj(i -> String.format("%08d", i))
                .filter(key -> TitleIndex.bucketOf(key) == bucket).limit(40)
                .map(key -> new Entry(key, Integer.parseInt(key), Integer.parseInt(key) + 2, 0)).toList();
        List<Entry> elsewhere = List.of(new Entry("00000001", 1, 3, 0), new Entry("00000002", 2, 4, 0));
        List<Entry> all = new ArrayList<>(same);
        all.addAll(elsewhere);
        index.put("t1", REMESSA, "341", "REMESSA_COBRANCA", all);
        index.put("t1", RETORNO, "341", "RETORNO_COBRANCA", List.of(same.get(0)));

        assertThat(index.bucket("t1", bucket)).hasSize(41).extracting(Found::entry)
                .containsAll(same).doesNotContainAnyElementsOf(elsewhere);
        assertThat(index.find("t1", all.stream().map(Entry::key).toList())).hasSize(43);
    }

    @Test
    void a_retorno_not_yet_applied_has_no_order() {
        assertThat(index.order("t1", RETORNO)).isEmpty();
        index.put("t1", RETORNO, "104", "RETORNO_COBRANCA", List.of(PAID_A));
        assertThat(index.order("t1", RETORNO)).isEmpty();
    }

    @Test
    void the_order_counter_counts_per_tenant_from_one() {
        assertThat(index.nextOrder("t1")).isEqualTo(1);
        assertThat(index.nextOrder("t1")).isEqualTo(2);
        assertThat(index.nextOrder("t2")).isEqualTo(1);
    }

    @Test
    void of_many_retornos_asking_for_an_order_at_once_each_gets_its_own_and_none_is_skipped() throws Exception {
        int contenders = 12;
        List<TitleIndex> sandboxes = new ArrayList<>();
        for (int i = 0; i < contenders; i++) {
            sandboxes.add(sameStorage());
        }
        List<Long> orders = Race.together(contenders, i -> sandboxes.get(i).nextOrder("t1"));

        assertThat(orders.stream().sorted().toList())
                .containsExactlyElementsOf(LongStream.rangeClosed(1, contenders).boxed().toList());
    }
}
