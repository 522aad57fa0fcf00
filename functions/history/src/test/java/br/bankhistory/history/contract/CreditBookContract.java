package br.bankhistory.history.contract;

import br.bankhistory.history.domain.CreditDay;
import br.bankhistory.history.domain.CreditDay.Credit;
import br.bankhistory.history.domain.CreditLink;
import br.bankhistory.history.domain.RecordCredits;
import br.bankhistory.history.port.CreditBook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link CreditBook} does, the in-memory fake and the DynamoDB adapter alike: a day and a file's side
 * read back as written, whole, per tenant, bank and date; an empty day leaves the book; another sandbox over the
 * same storage reads what the first wrote.
 */
abstract class CreditBookContract {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    private static final String RETORNO = "20260302120000000-0123456789ab";
    private static final String EXTRATO = "20260303090000000-ba9876543210";

    private CreditBook book;

    /** A book over new, empty storage. */
    abstract CreditBook newBook();

    /** Another book over the storage of the last {@link #newBook()}: another Lambda sandbox. */
    abstract CreditBook sameStorage();

    @BeforeEach
    void freshBook() {
        book = newBook();
    }

    @Test
    void a_day_never_written_is_empty_and_a_side_never_written_has_no_links() {
        assertThat(book.day("acme", "341", DAY)).isEqualTo(CreditDay.empty("341", DAY));
        assertThat(book.credits("acme", RETORNO)).isEqualTo(RecordCredits.none(RETORNO));
    }

    @Test
    void a_day_reads_back_whole_from_another_sandbox_and_only_under_its_tenant_bank_and_date() {
        CreditDay day = CreditDay.empty("341", DAY).replacing(RETORNO,
                List.of(new Credit(RETORNO, "COB0203.RET", 0, 0, "1234/56789", 1_234_567)),
                List.of()).replacing(EXTRATO, List.of(),
                List.of(new Credit(EXTRATO, "EXT0303.TXT", 4, 7, "", 1_234_567),
                        new Credit(EXTRATO, "EXT0303.TXT", 9, 12, "", 5)));
        book.putDay("acme", day);

        assertThat(sameStorage().day("acme", "341", DAY)).isEqualTo(day);
        assertThat(book.day("other", "341", DAY).isEmpty()).isTrue();
        assertThat(book.day("acme", "237", DAY).isEmpty()).isTrue();
        assertThat(book.day("acme", "341", DAY.plusDays(1)).isEmpty()).isTrue();
    }

    @Test
    void a_day_written_again_is_replaced_whole_and_an_empty_day_leaves_the_book() {
        CreditDay first = CreditDay.empty("341", DAY).replacing(RETORNO,
                List.of(new Credit(RETORNO, "A.RET", 0, 0, "", 100)), List.of());
        book.putDay("acme", first);
        CreditDay second = first.replacing(RETORNO, List.of(new Credit(RETORNO, "A.RET", 0, 0, "", 250)), List.of());
        book.putDay("acme", second);

        assertThat(book.day("acme", "341", DAY).retornos()).extracting(Credit::amountCents).containsExactly(250L);

        book.putDay("acme", second.replacing(RETORNO, List.of(), List.of()));
        assertThat(sameStorage().day("acme", "341", DAY)).isEqualTo(CreditDay.empty("341", DAY));
    }

    @Test
    void a_files_side_reads_back_with_its_days_and_links_and_is_replaced_whole() {
        CreditLink credited = new CreditLink(CreditLink.Status.CREDITED, DAY, 1_234_567,
                List.of(new CreditLink.Party(EXTRATO, "EXT0303.TXT", 4, 7, 1_234_567)));
        RecordCredits side = new RecordCredits(RETORNO, List.of(DAY, DAY.minusDays(1)),
                Map.of(RecordCredits.dateKey(DAY), credited));
        book.putCredits("acme", side);

        assertThat(sameStorage().credits("acme", RETORNO)).isEqualTo(side);
        assertThat(book.credits("other", RETORNO)).isEqualTo(RecordCredits.none(RETORNO));

        RecordCredits none = side.withDay(DAY, Map.of()).withDays(List.of());
        book.putCredits("acme", none);
        assertThat(book.credits("acme", RETORNO).links()).isEmpty();
        assertThat(book.credits("acme", RETORNO).days()).isEmpty();
    }
}
