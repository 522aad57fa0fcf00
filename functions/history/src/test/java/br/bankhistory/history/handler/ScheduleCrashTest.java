package br.bankhistory.history.handler;

import br.bankhistory.history.Services;
import br.bankhistory.history.command.RunSchedule;
import br.bankhistory.history.support.Api;
import br.bankhistory.history.support.CobrancaRetorno240;
import br.bankhistory.history.support.HistoryEnvironment;
import br.bankhistory.history.support.Instructions;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static br.bankhistory.history.support.Api.json;
import static br.bankhistory.history.support.Instructions.cancel;
import static br.bankhistory.history.support.Instructions.created;
import static br.bankhistory.history.support.Instructions.ids;
import static br.bankhistory.history.support.Instructions.list;
import static br.bankhistory.history.support.Instructions.listed;
import static br.bankhistory.history.support.Instructions.texts;
import static br.bankhistory.history.support.Instructions.title;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A run that dies between storing its remessa and marking its instructions (stopped there by a hook in its
 * wiring, as a crash would stop it: nothing after runs, not even its error handling) leaves them claimed; the
 * next run marks them carried by that remessa when it is in the bucket, and gives them back to pending once the
 * claim is older than a run's lease when it is not.
 */
class ScheduleCrashTest {

    /** What a crash is to the run: nothing it catches. */
    private static final class Crash extends Error {
        Crash(RunSchedule.Step step) {
            super("the run died at " + step);
        }
    }

    private static HistoryEnvironment environment;
    private Services services;
    private Api ana;

    @BeforeAll
    static void startEmulators() {
        environment = HistoryEnvironment.start();
    }

    @AfterAll
    static void stopEmulators() {
        environment.close();
    }

    @BeforeEach
    void freshStorage() {
        services = environment.freshServices();
        ana = Api.user(services, "acme", "ana", "Ana Souza");
    }

    @Test
    void a_run_that_died_after_storing_its_remessa_leaves_it_to_the_next_which_marks_the_instructions_carried() {
        String a1 = created(ana, title("17600", "90000001", 10_000));
        String a2 = created(ana, title("17600", "90000002", 20_000));
        String stored = crashAt(RunSchedule.Step.STORED);

        assertThat(Instructions.outbound(services)).extracting(o -> o.key()).containsExactly(stored);
        assertThat(ids(list(ana, "PENDING"))).containsExactlyInAnyOrder(a1, a2);
        assertThat(list(ana, "PENDING").get("items")).allSatisfy(i ->
                assertThat(i.get("cancellable").asBoolean()).isFalse());
        json(cancel(ana, a1), 409);

        JsonNode next = Instructions.runNow(services);

        assertThat(next.get("remessas")).isEmpty();
        assertThat(next.get("recovered")).singleElement().satisfies(r -> {
            assertThat(r.get("outcome").asText()).isEqualTo("CARRIED");
            assertThat(r.get("key").asText()).isEqualTo(stored);
            assertThat(texts(r.get("instructions"))).containsExactlyInAnyOrder(a1, a2);
        });
        assertThat(Instructions.outbound(services)).hasSize(1);
        String recordId = Api.deliver(services, "s3-put-outbound.json", stored, "2026-11-23T19:30:05.000Z");
        assertThat(listed(ana, "CARRIED", a1).get("carriedBy").get("recordId").asText()).isEqualTo(recordId);
        assertThat(listed(ana, "CARRIED", a2).get("carriedBy").get("key").asText()).isEqualTo(stored);
    }

    @Test
    void a_run_that_died_before_storing_its_remessa_gives_the_instructions_back_once_its_lease_is_over() {
        String a1 = created(ana, title("17600", "90000001", 10_000));
        String placed = crashAt(RunSchedule.Step.PLACED);
        assertThat(Instructions.outbound(services)).isEmpty();

        // within the lease the dead run may still be storing it: nothing is touched
        JsonNode soon = Instructions.runNow(services);
        assertThat(soon.get("remessas")).isEmpty();
        assertThat(soon.get("recovered")).isEmpty();
        assertThat(listed(ana, "PENDING", a1).get("cancellable").asBoolean()).isFalse();

        Services later = environment.sameStorage(services, null, Clock.offset(Clock.systemUTC(), Duration.ofMinutes(6)));
        JsonNode after = Instructions.runNow(later);

        assertThat(after.get("recovered")).singleElement().satisfies(r -> {
            assertThat(r.get("outcome").asText()).isEqualTo("PENDING_AGAIN");
            assertThat(r.get("key").asText()).isEqualTo(placed);
            assertThat(texts(r.get("instructions"))).containsExactly(a1);
        });
        String key = after.get("remessas").get(0).get("key").asText();
        assertThat(key).isNotEqualTo(placed);
        assertThat(Instructions.outbound(services)).extracting(o -> o.key()).containsExactly(key);
        assertThat(listed(ana, "CARRIED", a1).get("carriedBy").get("key").asText()).isEqualTo(key);
    }

    @Test
    void a_retorno_answering_the_remessa_of_a_run_that_died_carries_and_settles_its_instructions() {
        String a1 = created(ana, title("17600", "90000001", 10_000));
        String stored = crashAt(RunSchedule.Step.STORED);
        Api.deliver(services, "s3-put-outbound.json", stored, "2026-11-23T19:30:05.000Z");

        Api.drop(services, "acme", "RET.ret", CobrancaRetorno240.answering(HistoryEnvironment.get(services, stored),
                Map.of(1, CobrancaRetorno240.Answer.of("02")), 600), "2026-11-24T12:00:00.000Z");

        JsonNode settled = listed(ana, "SETTLED", a1);
        assertThat(settled.get("carriedBy").get("key").asText()).isEqualTo(stored);
        assertThat(settled.get("settlement").get("outcome").asText()).isEqualTo("CONFIRMED");
        assertThat(Instructions.runNow(services).get("recovered")).isEmpty();
    }

    /** Runs now with a wiring whose run dies at the step; answers the key it was storing. */
    private String crashAt(RunSchedule.Step step) {
        AtomicReference<String> key = new AtomicReference<>();
        RunSchedule.Hook dies = (reached, at) -> {
            if (reached == step) {
                key.set(at);
                throw new Crash(step);
            }
        };
        assertThatThrownBy(() -> Instructions.run(services.scheduleWith(dies), Instructions.RUN_NOW, null))
                .isInstanceOf(Crash.class);
        return key.get();
    }
}
