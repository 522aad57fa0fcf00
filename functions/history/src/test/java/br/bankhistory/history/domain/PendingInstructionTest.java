package br.bankhistory.history.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/** An instruction's answers from the bank: recorded once each, the latest by order of application settling it. */
class PendingInstructionTest {

    private static final Instant AT = Instant.parse("2026-11-24T12:00:00Z");

    @Test
    void a_later_answer_settles_it_and_an_earlier_one_arriving_late_joins_the_history_only() {
        PendingInstruction carried = carried();
        Settlement confirmed = answer("02", 1, Settlement.Outcome.CONFIRMED);
        Settlement paid = answer("06", 3, Settlement.Outcome.CONFIRMED);
        Settlement changed = answer("14", 2, Settlement.Outcome.CONFIRMED);

        PendingInstruction first = carried.answered(confirmed).orElseThrow();
        PendingInstruction second = first.answered(paid).orElseThrow();
        PendingInstruction late = second.answered(changed).orElseThrow();

        assertThat(first.status()).isEqualTo(PendingInstruction.Status.SETTLED);
        assertThat(second.settlement()).contains(paid);
        assertThat(late.settlement()).contains(paid);
        assertThat(late.answers()).containsExactly(confirmed, changed, paid);
        assertThat(late.carrier()).isEqualTo(carried.carrier());
    }

    @Test
    void the_same_answer_again_changes_nothing_and_an_uncarried_instruction_takes_none() {
        Settlement confirmed = answer("02", 1, Settlement.Outcome.CONFIRMED);
        PendingInstruction settled = carried().answered(confirmed).orElseThrow();
        Settlement sameMeaning = new Settlement(confirmed.outcome(), "02", "Entrada confirmada", List.of(),
                "20261125120000000-bbbbbbbbbbbb", AT.plusSeconds(60), OptionalLong.empty(), Optional.empty(), 5, 9,
                confirmed.meaning());

        assertThat(settled.answered(sameMeaning)).isEmpty();
        PendingInstruction pending = new PendingInstruction("20261123120000000-aaaaaaaaaaaa", "acme",
                PendingInstruction.Status.PENDING, "g", "{}", AT, "ana", "Ana", Optional.empty(), Optional.empty(),
                Optional.empty(), List.of());
        assertThat(pending.answered(confirmed)).isEmpty();
    }

    @Test
    void reasons_keep_their_code_and_text_apart() {
        assertThat(Settlement.reasons(List.of("08 - Nome do pagador não informado", "A4"))).containsExactly(
                new Settlement.Reason("08", "Nome do pagador não informado"), new Settlement.Reason("A4", ""));
    }

    private static PendingInstruction carried() {
        return new PendingInstruction("20261123120000000-aaaaaaaaaaaa", "acme", PendingInstruction.Status.CARRIED,
                "341/4459/17600/REMESSA/COBRANCA/CNAB240", "{}", AT, "ana", "Ana Souza", Optional.empty(),
                Optional.of(new PendingInstruction.Carrier("outbound/acme/x.rem", "x.rem", AT)), Optional.empty(),
                List.of());
    }

    private static Settlement answer(String code, long order, Settlement.Outcome outcome) {
        return new Settlement(outcome, code, "ocorrência " + code, List.of(), "20261124120000000-cccccccccccc",
                AT.plusSeconds(order), OptionalLong.empty(), Optional.empty(), order, 1, code + "|2026-11-24|1000|0");
    }
}
