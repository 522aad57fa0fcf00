package br.bankhistory.history.contract;

import br.bankhistory.history.domain.StoredItem;
import br.bankhistory.history.port.FormerItems;
import br.bankhistory.history.port.ItemReader.ItemPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link FormerItems} does, the in-memory fake and the DynamoDB adapter alike: pages in file order with
 * DynamoDB's notion of where a page ends, finding and removing a record's items, records and tenants apart.
 */
abstract class FormerItemsContract {

    private FormerItems former;

    /** A store over new, empty storage. */
    abstract FormerItems newStore();

    /** Items of the former layout put in the storage of the last {@link #newStore()}. */
    abstract void seed(String tenant, List<StoredItem> items);

    @BeforeEach
    void freshStore() {
        former = newStore();
    }

    private static List<StoredItem> items(String recordId, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(seq -> ItemStoreContract.item(recordId, seq)).toList();
    }

    private static List<Integer> seqs(ItemPage page) {
        return page.items().stream().map(StoredItem::seq).toList();
    }

    @Test
    void items_page_in_file_order_after_a_position() {
        seed("t1", items("r1", 5));

        ItemPage first = former.page("t1", "r1", 0, 2);
        ItemPage second = former.page("t1", "r1", 2, 2);
        ItemPage last = former.page("t1", "r1", 4, 2);

        assertThat(seqs(first)).containsExactly(1, 2);
        assertThat(first.lastSeq()).contains(2);
        assertThat(seqs(second)).containsExactly(3, 4);
        assertThat(second.lastSeq()).contains(4);
        assertThat(seqs(last)).containsExactly(5);
        assertThat(last.lastSeq()).isEmpty();
    }

    @Test
    void a_full_last_page_names_its_end_and_the_page_after_it_is_empty() {
        seed("t1", items("r1", 4));

        assertThat(former.page("t1", "r1", 2, 2).lastSeq()).contains(4);
        ItemPage after = former.page("t1", "r1", 4, 2);
        assertThat(after.items()).isEmpty();
        assertThat(after.lastSeq()).isEmpty();
    }

    @Test
    void an_item_reads_back_as_it_was_written() {
        StoredItem written = ItemStoreContract.item("r1", 1);
        seed("t1", List.of(written));

        StoredItem read = former.page("t1", "r1", 0, 10).items().get(0);

        assertThat(read.recordId()).isEqualTo("r1");
        assertThat(read.fileName()).isEqualTo(written.fileName());
        assertThat(read.item()).isEqualTo(written.item());
    }

    @Test
    void a_record_has_items_until_they_are_removed_and_removing_again_changes_nothing() {
        seed("t1", items("r1", 30));
        assertThat(former.hasItems("t1", "r1")).isTrue();

        former.deleteAll("t1", "r1");

        assertThat(former.hasItems("t1", "r1")).isFalse();
        assertThat(former.page("t1", "r1", 0, 100)).isEqualTo(new ItemPage(List.of(), Optional.empty()));
        former.deleteAll("t1", "r1");
        assertThat(former.hasItems("t1", "r1")).isFalse();
    }

    @Test
    void records_and_tenants_are_apart() {
        seed("t1", items("r1", 3));
        seed("t1", items("r2", 2));
        seed("t2", items("r1", 1));
        assertThat(former.hasItems("t1", "r3")).isFalse();

        former.deleteAll("t1", "r1");

        assertThat(seqs(former.page("t1", "r2", 0, 10))).containsExactly(1, 2);
        assertThat(seqs(former.page("t2", "r1", 0, 10))).containsExactly(1);
    }
}
