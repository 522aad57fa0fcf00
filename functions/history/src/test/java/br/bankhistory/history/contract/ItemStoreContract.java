package br.bankhistory.history.contract;

import br.bankhistory.cnab.Category;
import br.bankhistory.cnab.Item;
import br.bankhistory.history.domain.Reconciliation;
import br.bankhistory.history.domain.Reconciliation.Status;
import br.bankhistory.history.domain.StoredItem;
import br.bankhistory.history.port.ItemReader.ItemPage;
import br.bankhistory.history.port.ItemStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link ItemStore} does, the in-memory fake and the S3 adapter alike. */
abstract class ItemStoreContract {

    private static final String REMESSA = "20260302120000123-0000000000a1";
    private static final String RETORNO = "20260302130000123-0000000000b2";
    private static final String LATER = "20260303130000123-0000000000c3";

    private ItemStore items;

    /** A store over new, empty storage. */
    abstract ItemStore newStore();

    /** Another store over the storage of the last {@link #newStore()}: another Lambda sandbox. */
    abstract ItemStore sameStorage();

    @BeforeEach
    void freshStore() {
        items = newStore();
    }

    static StoredItem item(String recordId, int seq) {
        return StoredItem.of(recordId, "A.REM", seq, new Item(seq + 1, "P", String.format("%017d", seq),
                "NF " + seq, "01", "Entrada de título", Category.OTHER, List.of(), LocalDate.of(2026, 4, 10),
                10_000L + seq, 0, 0, null, null, "JOSÉ DA CONCEIÇÃO", "12345678909"));
    }

    private void write(String recordId, int count) {
        try (ItemStore.Writer writer = items.writer("t1", recordId)) {
            IntStream.rangeClosed(1, count).forEach(seq -> writer.add(item(recordId, seq)));
        }
    }

    @Test
    void a_record_never_written_has_no_chunks_and_no_items() {
        assertThat(items.hasChunks("t1", REMESSA)).isFalse();
        assertThat(items.page("t1", REMESSA, 0, 50)).isEqualTo(new ItemPage(List.of(), Optional.empty()));
        assertThat(items.itemsOfChunk("t1", REMESSA, 0)).isEmpty();
        assertThat(items.hasAnswers("t1", REMESSA)).isFalse();
    }

    @Test
    void items_read_back_in_file_order_as_written() {
        write(REMESSA, 3);

        ItemStore other = sameStorage();
        assertThat(other.hasChunks("t1", REMESSA)).isTrue();
        assertThat(other.page("t1", REMESSA, 0, 50))
                .isEqualTo(new ItemPage(List.of(item(REMESSA, 1), item(REMESSA, 2), item(REMESSA, 3)),
                        Optional.empty()));
        assertThat(other.itemsOfChunk("t1", REMESSA, 0)).containsExactly(item(REMESSA, 1), item(REMESSA, 2),
                item(REMESSA, 3));
        assertThat(other.page("t2", REMESSA, 0, 50).items()).isEmpty();
    }

    @Test
    void pages_cross_chunks_and_end_without_a_cursor() {
        write(REMESSA, 2_300);

        ItemPage first = items.page("t1", REMESSA, 0, 1_000);
        assertThat(first.items()).hasSize(1_000);
        assertThat(first.lastSeq()).contains(1_000);
        ItemPage straddling = items.page("t1", REMESSA, 950, 100);
        assertThat(straddling.items()).extracting(StoredItem::seq).containsExactlyElementsOf(
                IntStream.rangeClosed(951, 1_050).boxed().toList());
        assertThat(straddling.lastSeq()).contains(1_050);
        ItemPage last = items.page("t1", REMESSA, 2_250, 100);
        assertThat(last.items()).extracting(StoredItem::seq).containsExactlyElementsOf(
                IntStream.rangeClosed(2_251, 2_300).boxed().toList());
        assertThat(last.lastSeq()).isEmpty();
        assertThat(items.itemsOfChunk("t1", REMESSA, 2)).hasSize(300).first().isEqualTo(item(REMESSA, 2_001));
        assertThat(items.itemsOfChunk("t1", REMESSA, 3)).isEmpty();
    }

    @Test
    void a_page_ending_with_the_last_item_has_no_cursor() {
        write(REMESSA, 1_000);
        assertThat(items.page("t1", REMESSA, 0, 1_000).lastSeq()).isEmpty();
        assertThat(items.page("t1", REMESSA, 990, 10).lastSeq()).isEmpty();
        assertThat(items.page("t1", REMESSA, 989, 10).lastSeq()).contains(999);
    }

    @Test
    void a_record_whose_writer_was_not_closed_has_no_first_chunk() {
        ItemStore.Writer writer = items.writer("t1", REMESSA);
        IntStream.rangeClosed(1, 1_500).forEach(seq -> writer.add(item(REMESSA, seq)));
        assertThat(items.hasChunks("t1", REMESSA)).isFalse();
        assertThat(items.page("t1", REMESSA, 0, 10).items()).isEmpty();
        writer.close();
        assertThat(items.hasChunks("t1", REMESSA)).isTrue();
    }

    @Test
    void a_retornos_links_join_its_items_and_are_replaced_whole() {
        write(RETORNO, 2);
        Reconciliation matched = new Reconciliation(Status.MATCHED, REMESSA, "A.REM", 1, 2, "");
        items.putLinks("t1", RETORNO, 0, Map.of(1, matched, 2, Reconciliation.notFound()));
        items.putLinks("t1", RETORNO, 0, Map.of(1, matched));

        assertThat(items.page("t1", RETORNO, 0, 10).items()).extracting(StoredItem::reconciliation)
                .containsExactly(matched, null);
        assertThat(items.itemsOfChunk("t1", RETORNO, 0)).extracting(StoredItem::reconciliation)
                .containsOnlyNulls();
        assertThat(items.linkedItemsOfChunk("t1", RETORNO, 0)).extracting(StoredItem::reconciliation)
                .containsExactly(matched, null);
        assertThat(items.linkedItemsOfChunk("t1", RETORNO, 1)).isEmpty();
        List<StoredItem> walked = new ArrayList<>();
        items.forEachLinkedItem("t1", RETORNO, walked::add);
        assertThat(walked).isEqualTo(items.page("t1", RETORNO, 0, 10).items());
    }

    @Test
    void a_remessas_titles_keep_every_answer_oldest_retorno_first() {
        write(REMESSA, 2);
        Reconciliation confirmed = new Reconciliation(Status.ANSWERED, RETORNO, "B.RET", 1, 3, "ENTRY_CONFIRMED");
        Reconciliation paid = new Reconciliation(Status.ANSWERED, LATER, "C.RET", 4, 5, "PAID");
        items.putAnswers("t1", REMESSA, 0, LATER, Map.of(1, paid));
        items.putAnswers("t1", REMESSA, 0, RETORNO, Map.of(1, confirmed));

        StoredItem first = items.page("t1", REMESSA, 0, 10).items().get(0);
        assertThat(first.answers()).containsExactly(confirmed, paid);
        assertThat(first.reconciliation()).isEqualTo(paid);
        assertThat(items.hasAnswers("t1", REMESSA)).isTrue();

        items.removeAnswers("t1", REMESSA, 0, LATER);
        assertThat(items.page("t1", REMESSA, 0, 10).items().get(0).answers()).containsExactly(confirmed);
        items.removeAnswers("t1", REMESSA, 0, RETORNO);
        assertThat(items.hasAnswers("t1", REMESSA)).isFalse();
        assertThat(items.page("t1", REMESSA, 0, 10).items().get(0)).isEqualTo(item(REMESSA, 1));
    }

    @Test
    void deleting_a_record_removes_its_items_links_and_answers_and_nothing_else() {
        write(REMESSA, 1_200);
        write(RETORNO, 1);
        items.putAnswers("t1", REMESSA, 1, RETORNO, Map.of(1_001, Reconciliation.notFound()));
        items.putLinks("t1", RETORNO, 0, Map.of(1, Reconciliation.notFound()));

        items.deleteAll("t1", REMESSA);

        assertThat(items.hasChunks("t1", REMESSA)).isFalse();
        assertThat(items.itemsOfChunk("t1", REMESSA, 1)).isEmpty();
        assertThat(items.hasAnswers("t1", REMESSA)).isFalse();
        assertThat(items.page("t1", RETORNO, 0, 10).items()).hasSize(1).first()
                .satisfies(i -> assertThat(i.reconciliation()).isEqualTo(Reconciliation.notFound()));
    }
}
