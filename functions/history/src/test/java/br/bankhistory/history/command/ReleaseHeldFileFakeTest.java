package br.bankhistory.history.command;

import br.bankhistory.history.domain.Approval;
import br.bankhistory.history.domain.ConflictException;
import br.bankhistory.history.domain.ForbiddenException;
import br.bankhistory.history.domain.Identity;
import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.domain.RecordStatus;
import br.bankhistory.history.domain.StatusChange;
import br.bankhistory.history.fake.FakeItemStore;
import br.bankhistory.history.fake.FakeRecordStore;
import br.bankhistory.history.fake.SampleRecords;
import br.bankhistory.history.fake.SettableClock;
import br.bankhistory.history.port.FollowUps;
import br.bankhistory.history.support.Race;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import static br.bankhistory.history.fake.SampleRecords.created;
import static br.bankhistory.history.fake.SampleRecords.retorno;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link ReleaseHeldFile} on the in-memory {@code RecordStore} (held to the adapter's contract by
 * {@code RecordStoreContract}): an admin's decision on a held file, once, however many decide at once.
 */
class ReleaseHeldFileFakeTest {

    private static final String ID = "20260302120000123-0000000000aa";
    private static final Identity ANA = new Identity("t1", "u-ana", "Ana", true);

    private final FakeRecordStore records = new FakeRecordStore();
    private final List<String> followUps = new CopyOnWriteArrayList<>();
    private final FollowUps queue = (tenant, recordId, why) -> followUps.add(tenant + "/" + recordId + "/" + why);
    private final SettableClock clock = new SettableClock(Instant.parse("2026-03-02T13:00:00Z"));
    private final ReleaseHeldFile decisions = new ReleaseHeldFile(records, new FakeItemStore(), queue, clock);

    @BeforeEach
    void aHeldRetorno() {
        records.saveNew(retorno("t1", ID, "A.RET", RecordStatus.POSSIBLE_DUPLICATE),
                created(RecordStatus.POSSIBLE_DUPLICATE), "etag-1");
    }

    @Test
    void a_released_retorno_is_processed_audited_and_handed_to_the_follow_up() {
        Optional<IntegrationRecord> released = decisions.release(ANA, ID, "  conferido com o banco ");

        assertThat(released.orElseThrow().status()).isEqualTo(RecordStatus.PROCESSED);
        assertThat(records.statusHistory("t1", ID)).last().isEqualTo(new StatusChange(clock.instant(),
                RecordStatus.POSSIBLE_DUPLICATE, RecordStatus.PROCESSED, "u-ana", "Ana",
                "Liberado: conferido com o banco"));
        assertThat(followUps).containsExactly("t1/" + ID + "/released");
    }

    @Test
    void a_released_remessa_that_needs_approval_goes_on_waiting_for_it() {
        String id = "20260302120000123-0000000000bb";
        Approval asked = Approval.asked(2, "Remessa de pagamento acima de R$ 10.000,00: 2 aprovações", List.of("bia"));
        records.saveNew(SampleRecords.pagamentoRemessa("t1", id, "PAG.rem", RecordStatus.POSSIBLE_DUPLICATE, asked),
                created(RecordStatus.POSSIBLE_DUPLICATE), "etag-2");

        IntegrationRecord released = decisions.release(ANA, id, "conferido").orElseThrow();

        assertThat(released.status()).isEqualTo(RecordStatus.AWAITING_APPROVAL);
        assertThat(released.approval()).isEqualTo(asked);
    }

    @Test
    void only_an_admin_decides_and_always_with_a_reason() {
        Identity bruno = new Identity("t1", "u-bruno", "Bruno", false);
        assertThatThrownBy(() -> decisions.release(bruno, ID, "conferido")).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> decisions.discard(ANA, ID, " x ")).hasMessageContaining("motivo");
        assertThat(records.find("t1", ID).orElseThrow().status()).isEqualTo(RecordStatus.POSSIBLE_DUPLICATE);
        assertThat(followUps).isEmpty();
    }

    @Test
    void a_record_of_another_tenant_is_not_found() {
        assertThat(decisions.release(new Identity("t2", "u-ana", "Ana", true), ID, "conferido")).isEmpty();
    }

    @Test
    void a_discarded_file_is_no_longer_released() {
        decisions.discard(ANA, ID, "duplicado de verdade");
        assertThatThrownBy(() -> decisions.release(ANA, ID, "mudei de ideia")).isInstanceOf(ConflictException.class)
                .hasMessageContaining("já foi descartado");
        assertThat(followUps).isEmpty();
    }

    @Test
    void of_many_admins_releasing_at_once_the_file_moves_once_and_every_one_gets_the_released_record()
            throws Exception {
        int contenders = 12;
        List<ReleaseHeldFile> sandboxes = IntStream.range(0, contenders)
                .mapToObj(i -> new ReleaseHeldFile(records, new FakeItemStore(), queue, clock)).toList();

        List<RecordStatus> answers = Race.together(contenders, i -> sandboxes.get(i)
                .release(new Identity("t1", "u" + i, "Admin " + i, true), ID, "conferido").orElseThrow().status());

        assertThat(answers).containsOnly(RecordStatus.PROCESSED);
        assertThat(records.statusHistory("t1", ID)).hasSize(2);
        assertThat(followUps).hasSize(contenders).containsOnly("t1/" + ID + "/released");
    }

    @Test
    void of_a_release_and_a_discard_at_once_one_wins_and_the_other_is_told() throws Exception {
        int contenders = 12;
        List<ReleaseHeldFile> sandboxes = IntStream.range(0, contenders)
                .mapToObj(i -> new ReleaseHeldFile(records, new FakeItemStore(), queue, clock)).toList();

        List<String> answers = Race.together(contenders, i -> {
            Identity admin = new Identity("t1", "u" + i, "Admin " + i, true);
            try {
                return (i % 2 == 0 ? sandboxes.get(i).release(admin, ID, "conferido")
                        : sandboxes.get(i).discard(admin, ID, "duplicado")).orElseThrow().status().name();
            } catch (ConflictException refused) {
                return "CONFLICT";
            }
        });

        RecordStatus decided = records.find("t1", ID).orElseThrow().status();
        assertThat(decided).isIn(RecordStatus.PROCESSED, RecordStatus.DISCARDED);
        assertThat(records.statusHistory("t1", ID)).hasSize(2);
        int winners = decided == RecordStatus.PROCESSED ? 0 : 1;
        for (int i = 0; i < contenders; i++) {
            assertThat(answers.get(i)).as("admin " + i).isEqualTo(i % 2 == winners ? decided.name() : "CONFLICT");
        }
        assertThat(followUps).hasSize(decided == RecordStatus.PROCESSED ? contenders / 2 : 0);
    }
}
