package br.bankhistory.history.contract;

import br.bankhistory.history.domain.Approval;
import br.bankhistory.history.domain.Delivery;
import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.domain.RecordDecision;
import br.bankhistory.history.domain.RecordStatus;
import br.bankhistory.history.domain.RemessaDelivery;
import br.bankhistory.history.domain.StatusChange;
import br.bankhistory.history.domain.StoredFinding;
import br.bankhistory.history.port.RecordStore;
import br.bankhistory.history.port.RecordStore.ClaimHolder;
import br.bankhistory.history.support.Race;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static br.bankhistory.history.fake.SampleRecords.created;
import static br.bankhistory.history.fake.SampleRecords.pagamentoRemessa;
import static br.bankhistory.history.fake.SampleRecords.retorno;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link RecordStore} does, the in-memory fake and the DynamoDB adapter alike: the methods the use
 * cases write with (listing is the adapter's own, covered by the emulator tests).
 */
abstract class RecordStoreContract {

    private static final Instant T0 = Instant.parse("2026-03-02T12:05:00.5Z");
    private static final String R1 = "20260302120000123-000000000001";
    private static final String R2 = "20260302120000123-000000000002";

    private RecordStore records;

    /** A store over new, empty storage. */
    abstract RecordStore newStore();

    /** Another store over the storage of the last {@link #newStore()}: another Lambda sandbox. */
    abstract RecordStore sameStorage();

    @BeforeEach
    void freshStore() {
        records = newStore();
    }

    private static String id(int n) {
        return "20260302120000123-" + String.format("%012x", n);
    }

    private static StatusChange change(RecordStatus from, RecordStatus to, String by) {
        return new StatusChange(T0, from, to, by, "Ana", "Liberado: conferido");
    }

    @Test
    void nothing_is_known_of_a_record_never_saved() {
        assertThat(records.find("t1", R1)).isEmpty();
        assertThat(records.statusHistory("t1", R1)).isEmpty();
        assertThat(records.recordIdForObject("t1", "etag-1")).isEmpty();
        assertThat(records.recordIdForKey("t1", "inbound/t1/A.RET")).isEmpty();
        assertThat(records.changeStatus("t1", R1, change(RecordStatus.PROCESSED, RecordStatus.CANCELLED, "u1")))
                .isFalse();
        assertThat(records.revise("t1", R1, r -> r)).isFalse();
    }

    @Test
    void a_saved_record_reads_back_as_saved_with_its_first_status_and_its_object() {
        IntegrationRecord record = retorno("t1", R1, "A.RET", RecordStatus.PROCESSED);
        assertThat(records.saveNew(record, created(RecordStatus.PROCESSED), "etag-1")).isTrue();

        RecordStore other = sameStorage();
        assertThat(other.find("t1", R1)).contains(record);
        assertThat(other.statusHistory("t1", R1)).containsExactly(created(RecordStatus.PROCESSED));
        assertThat(other.recordIdForObject("t1", "etag-1")).contains(R1);
        assertThat(other.recordIdForKey("t1", "inbound/t1/A.RET")).contains(R1);
        assertThat(other.find("t2", R1)).isEmpty();
    }

    @Test
    void an_object_is_recorded_once_and_a_record_id_is_used_once() {
        records.saveNew(retorno("t1", R1, "A.RET", RecordStatus.PROCESSED), created(RecordStatus.PROCESSED), "etag-1");

        assertThat(records.saveNew(retorno("t1", R2, "B.RET", RecordStatus.PROCESSED),
                created(RecordStatus.PROCESSED), "etag-1")).isFalse();
        assertThat(records.saveNew(retorno("t1", R1, "C.RET", RecordStatus.PROCESSED),
                created(RecordStatus.PROCESSED), "etag-3")).isFalse();
        assertThat(records.find("t1", R2)).isEmpty();
        assertThat(records.find("t1", R1).orElseThrow().fileName()).isEqualTo("A.RET");
        assertThat(records.recordIdForObject("t1", "etag-3")).isEmpty();
        assertThat(records.recordIdForKey("t1", "inbound/t1/C.RET")).isEmpty();
    }

    @Test
    void a_new_object_under_the_same_key_takes_the_key_over() {
        records.saveNew(retorno("t1", R1, "A.RET", RecordStatus.PROCESSED), created(RecordStatus.PROCESSED), "etag-1");
        records.saveNew(retorno("t1", R2, "A.RET", RecordStatus.PROCESSED), created(RecordStatus.PROCESSED), "etag-2");
        assertThat(records.recordIdForKey("t1", "inbound/t1/A.RET")).contains(R2);
        assertThat(records.recordIdForObject("t1", "etag-1")).contains(R1);
    }

    @Test
    void the_status_moves_only_from_the_status_expected_and_each_move_is_audited() {
        records.saveNew(retorno("t1", R1, "A.RET", RecordStatus.POSSIBLE_DUPLICATE),
                created(RecordStatus.POSSIBLE_DUPLICATE), "etag-1");
        StatusChange release = change(RecordStatus.POSSIBLE_DUPLICATE, RecordStatus.PROCESSED, "u1");

        assertThat(records.changeStatus("t1", R1, release)).isTrue();
        assertThat(records.changeStatus("t1", R1, change(RecordStatus.POSSIBLE_DUPLICATE, RecordStatus.DISCARDED,
                "u2"))).isFalse();

        assertThat(records.find("t1", R1).orElseThrow())
                .isEqualTo(retorno("t1", R1, "A.RET", RecordStatus.PROCESSED));
        assertThat(records.statusHistory("t1", R1))
                .containsExactly(created(RecordStatus.POSSIBLE_DUPLICATE), release);
    }

    @Test
    void a_replacement_takes_the_new_content_only_from_the_status_expected() {
        records.saveNew(retorno("t1", R1, "A.RET", RecordStatus.REJECTED), created(RecordStatus.REJECTED), "etag-1");
        IntegrationRecord reread = retorno("t1", R1, "A.RET", RecordStatus.PROCESSED).withFindings(List.of(
                new StoredFinding("INFO", 0, 0, "I_REREAD", "", "Relido", "Read again")));
        StatusChange reprocessing = new StatusChange(T0, RecordStatus.REJECTED, RecordStatus.PROCESSED, "u1", "Ana",
                StatusChange.REPROCESSED);

        assertThat(records.replace(reread, new StatusChange(T0, RecordStatus.PROCESSED, RecordStatus.PROCESSED, "u1",
                "Ana", StatusChange.REPROCESSED))).isFalse();
        assertThat(records.replace(reread, reprocessing)).isTrue();

        assertThat(records.find("t1", R1)).contains(reread);
        assertThat(records.statusHistory("t1", R1)).containsExactly(created(RecordStatus.REJECTED), reprocessing);
    }

    @Test
    void a_revision_changes_the_content_and_keeps_status_and_history() {
        records.saveNew(retorno("t1", R1, "A.RET", RecordStatus.PROCESSED), created(RecordStatus.PROCESSED), "etag-1");
        StoredFinding late = new StoredFinding("WARNING", 0, 0, "W_LATE", "", "Tarde", "Late");

        assertThat(records.revise("t1", R1, r -> r.withFindings(List.of(late)))).isTrue();
        assertThat(records.revise("t1", R1, r -> r)).isTrue();
        assertThatThrownBy(() -> records.revise("t1", R1, r -> r.withStatus(RecordStatus.CANCELLED)))
                .isInstanceOf(IllegalArgumentException.class);

        IntegrationRecord now = records.find("t1", R1).orElseThrow();
        assertThat(now.findings()).endsWith(late);
        assertThat(now.status()).isEqualTo(RecordStatus.PROCESSED);
        assertThat(records.statusHistory("t1", R1)).containsExactly(created(RecordStatus.PROCESSED));
    }

    @Test
    void a_finding_is_added_once_by_its_code() {
        records.saveNew(retorno("t1", R1, "A.RET", RecordStatus.PROCESSED), created(RecordStatus.PROCESSED), "etag-1");
        StoredFinding late = new StoredFinding("WARNING", 0, 0, "W_LATE", "", "Tarde", "Late");
        records.addFinding("t1", R1, late);
        records.addFinding("t1", R1, late);
        assertThat(records.find("t1", R1).orElseThrow().findings()).filteredOn(f -> f.code().equals("W_LATE"))
                .hasSize(1);
    }

    @Test
    void a_claim_is_held_by_the_first_record_and_only_it_releases_it() {
        assertThat(records.claim("t1", "HASH#ab", R1, T0)).isEqualTo(new ClaimHolder(R1, T0));
        assertThat(records.claim("t1", "HASH#ab", R2, T0.plusSeconds(1))).isEqualTo(new ClaimHolder(R1, T0));
        assertThat(records.claim("t1", "HASH#ab", R1, T0.plusSeconds(2))).isEqualTo(new ClaimHolder(R1,
                T0.plusSeconds(2)));

        records.releaseClaim("t1", "HASH#ab", R2);
        assertThat(records.claim("t1", "HASH#ab", R2, T0.plusSeconds(3)).recordId()).isEqualTo(R1);
        records.releaseClaim("t1", "HASH#ab", R1);
        assertThat(records.claim("t1", "HASH#ab", R2, T0.plusSeconds(4))).isEqualTo(new ClaimHolder(R2,
                T0.plusSeconds(4)));
        assertThat(records.claim("t2", "HASH#ab", R1, T0)).isEqualTo(new ClaimHolder(R1, T0));
    }

    @Test
    void a_claim_is_taken_over_only_from_the_record_that_holds_it() {
        records.claim("t1", "HASH#ab", R1, T0);
        assertThat(records.takeOver("t1", "HASH#ab", R2, "someone-else", T0.plusSeconds(1))).isFalse();
        assertThat(records.takeOver("t1", "HASH#cd", R2, R1, T0.plusSeconds(1))).isFalse();
        assertThat(records.takeOver("t1", "HASH#ab", R2, R1, T0.plusSeconds(1))).isTrue();
        assertThat(records.claim("t1", "HASH#ab", R1, T0.plusSeconds(2)))
                .isEqualTo(new ClaimHolder(R2, T0.plusSeconds(1)));
    }

    @Test
    void of_many_deliveries_of_one_object_at_once_exactly_one_is_recorded() throws Exception {
        int contenders = 10;
        List<RecordStore> sandboxes = sandboxes(contenders);
        List<Boolean> saved = Race.together(contenders, i -> sandboxes.get(i).saveNew(
                retorno("t1", id(i + 1), "A.RET", RecordStatus.PROCESSED), created(RecordStatus.PROCESSED), "etag-1"));

        assertThat(saved).containsOnlyOnce(true);
        String winner = id(saved.indexOf(true) + 1);
        assertThat(records.recordIdForObject("t1", "etag-1")).contains(winner);
        for (int i = 0; i < contenders; i++) {
            assertThat(records.find("t1", id(i + 1)).isPresent()).isEqualTo(saved.get(i));
        }
    }

    @Test
    void of_many_decisions_on_one_held_record_at_once_exactly_one_moves_it() throws Exception {
        records.saveNew(retorno("t1", R1, "A.RET", RecordStatus.POSSIBLE_DUPLICATE),
                created(RecordStatus.POSSIBLE_DUPLICATE), "etag-1");
        int contenders = 10;
        List<RecordStore> sandboxes = sandboxes(contenders);
        List<Boolean> moved = Race.together(contenders, i -> sandboxes.get(i).changeStatus("t1", R1,
                change(RecordStatus.POSSIBLE_DUPLICATE, i % 2 == 0 ? RecordStatus.PROCESSED : RecordStatus.DISCARDED,
                        "u" + i)));

        assertThat(moved).containsOnlyOnce(true);
        assertThat(records.statusHistory("t1", R1)).hasSize(2).last()
                .satisfies(c -> assertThat(c.byUserId()).isEqualTo("u" + moved.indexOf(true)));
    }

    @Test
    void of_many_records_claiming_one_file_at_once_all_see_the_same_holder() throws Exception {
        int contenders = 10;
        List<RecordStore> sandboxes = sandboxes(contenders);
        List<ClaimHolder> holders = Race.together(contenders, i -> sandboxes.get(i).claim("t1", "HASH#ab", id(i + 1),
                T0));

        assertThat(holders).hasSize(contenders).containsOnly(holders.get(0));
        assertThat(holders.get(0).claimedAt()).isEqualTo(T0);
    }

    @Test
    void of_many_revisions_at_once_none_that_answered_true_is_lost() throws Exception {
        records.saveNew(retorno("t1", R1, "A.RET", RecordStatus.PROCESSED), created(RecordStatus.PROCESSED), "etag-1");
        int contenders = 6;
        List<RecordStore> sandboxes = sandboxes(contenders);
        List<Boolean> revised = Race.together(contenders, i -> sandboxes.get(i).revise("t1", R1,
                r -> r.withFindings(List.of(new StoredFinding("INFO", 0, 0, "I_" + i, "", "Nota", "Note")))));

        List<String> codes = records.find("t1", R1).orElseThrow().findings().stream().map(StoredFinding::code)
                .toList();
        for (int i = 0; i < contenders; i++) {
            assertThat(codes.contains("I_" + i)).as("revision " + i).isEqualTo(revised.get(i));
        }
        assertThat(revised).contains(true);
    }

    @Test
    void of_many_approvals_decided_at_once_each_counts_once_and_one_completes_it() throws Exception {
        Approval asked = Approval.asked(6, "Remessa de pagamento de qualquer valor: 6 aprovações", List.of("bia"));
        records.saveNew(retorno("t1", R1, "A.REM", RecordStatus.GENERATED)
                .withApproval(RecordStatus.AWAITING_APPROVAL, asked), created(RecordStatus.AWAITING_APPROVAL), "etag-1");
        assertThat(sameStorage().find("t1", R1).orElseThrow().approval()).isEqualTo(asked);
        int contenders = 6;
        List<RecordStore> sandboxes = sandboxes(contenders);
        List<Optional<IntegrationRecord>> decided = Race.together(contenders, i -> sandboxes.get(i).decide("t1", R1,
                r -> {
                    Approval next = r.approval().with(new Approval.Decision("u" + i, "U" + i, T0, ""));
                    RecordStatus to = next.complete() ? RecordStatus.APPROVED : RecordStatus.AWAITING_APPROVAL;
                    return Optional.of(new RecordDecision(r.withApproval(to, next),
                            change(r.status(), to, "u" + i)));
                }));

        assertThat(decided).allSatisfy(d -> assertThat(d).isPresent());
        IntegrationRecord after = records.find("t1", R1).orElseThrow();
        assertThat(after.status()).isEqualTo(RecordStatus.APPROVED);
        assertThat(after.approval().approvals()).extracting(Approval.Decision::userId)
                .containsExactlyInAnyOrder("u0", "u1", "u2", "u3", "u4", "u5");
        assertThat(records.statusHistory("t1", R1)).hasSize(7)
                .filteredOn(c -> c.to() == RecordStatus.APPROVED).hasSize(1);
        assertThat(records.decide("t1", R2, r -> Optional.empty())).isEmpty();
    }

    @Test
    void a_delivery_try_taking_a_remessa_and_findings_revised_at_once_both_stay_and_only_one_try_takes_it()
            throws Exception {
        records.saveNew(pagamentoRemessa("t1", R1, "A.REM", RecordStatus.READY_TO_SEND, Approval.NONE)
                .withDelivery(RecordStatus.READY_TO_SEND, Delivery.WAITING), created(RecordStatus.READY_TO_SEND), "etag-1");
        Delivery.Destination to = new Delivery.Destination("LOCAL_FOLDER", "pasta", "/bank", "t1/237/A.REM");
        int contenders = 4;
        List<RecordStore> sandboxes = sandboxes(contenders);
        // two tries take it while two follow-ups add findings: a try never loses to a revise, and one try wins
        List<Boolean> written = Race.together(contenders, i -> i % 2 == 0
                ? sandboxes.get(i).decide("t1", R1, r -> RemessaDelivery.claim(r, "try-" + i, T0, to)).isPresent()
                : sandboxes.get(i).revise("t1", R1, r -> r.withFindings(List.of(new StoredFinding(
                        "WARNING", 0, 0, "F" + i, "", "m", "m")))));

        IntegrationRecord after = records.find("t1", R1).orElseThrow();
        assertThat(after.findings()).extracting(StoredFinding::code).containsExactlyInAnyOrder("F1", "F3");
        assertThat(after.delivery().state()).isEqualTo(Delivery.State.SENDING);
        assertThat(after.delivery().attempts()).isEqualTo(1);
        assertThat(after.delivery().claimId()).isIn("try-0", "try-2");
        assertThat(written).containsOnly(true);

        // the interleaving the race may miss: a try takes the record between a revise's read and its write
        records.saveNew(pagamentoRemessa("t1", R2, "B.REM", RecordStatus.READY_TO_SEND, Approval.NONE)
                .withDelivery(RecordStatus.READY_TO_SEND, Delivery.WAITING), created(RecordStatus.READY_TO_SEND), "etag-2");
        RecordStore sandbox = sameStorage();
        boolean[] tookIt = {false};
        assertThat(records.revise("t1", R2, r -> {
            if (!tookIt[0]) {
                tookIt[0] = sandbox.decide("t1", R2, now -> RemessaDelivery.claim(now, "try-x", T0, to)).isPresent();
            }
            return r.withFindings(List.of(new StoredFinding("WARNING", 0, 0, "FX", "", "m", "m")));
        })).isTrue();
        IntegrationRecord interleaved = records.find("t1", R2).orElseThrow();
        assertThat(interleaved.delivery().claimId()).isEqualTo("try-x");
        assertThat(interleaved.findings()).extracting(StoredFinding::code).containsExactly("FX");
    }

    private List<RecordStore> sandboxes(int contenders) {
        List<RecordStore> sandboxes = new ArrayList<>();
        for (int i = 0; i < contenders; i++) {
            sandboxes.add(sameStorage());
        }
        return sandboxes;
    }
}
