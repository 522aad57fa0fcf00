package br.bankhistory.history.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The events of the changes to a pending instruction (docs/events/README.md): the bank's answer that settles it.
 * The envelope's {@code recordId} is the instruction's id and its {@code sequence} the answer's number, so an
 * instruction's answers are ordered and each is published once.
 */
public final class InstructionEvents {

    private InstructionEvents() {
    }

    /**
     * @param after   the instruction with the answer recorded
     * @param remessa the remessa that carried it, and the position of its title there
     * @param title   the retorno's title that answered it
     */
    public static ChangeEvent settled(PendingInstruction after, Settlement answer, IntegrationRecord remessa,
                                      int remessaPosition, IntegrationRecord retorno, StoredItem title) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("instructionId", after.id());
        data.put("bankCode", remessa.bankCode());
        data.put("remessa", Map.of("recordId", remessa.id(), "fileName", remessa.fileName(),
                "position", remessaPosition));
        Map<String, Object> answered = new LinkedHashMap<>();
        answered.put("recordId", retorno.id());
        answered.put("fileName", retorno.fileName());
        answered.put("position", title.seq());
        answered.put("line", title.line());
        answered.put("ourNumber", title.ourNumber());
        answered.put("yourNumber", title.yourNumber());
        data.put("retorno", answered);
        data.put("answerNumber", after.answers().size());
        data.put("answer", settlement(answer));
        data.put("settlement", settlement(after.settlement().orElseThrow()));
        return new ChangeEvent(EventTypes.INSTRUCTION_SETTLED, data);
    }

    /**
     * An answer as the API and the events show it: {@code outcome}, {@code occurrence} (code, description),
     * {@code reasons} (code, description), {@code retornoId}, {@code at}, and for a title or payment the bank
     * paid {@code amountCents} and {@code paidOn} when the retorno gives them (null otherwise).
     */
    public static Map<String, Object> settlement(Settlement s) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("outcome", s.outcome().name());
        view.put("occurrence", Map.of("code", s.occurrenceCode(), "description", s.occurrenceDescription()));
        view.put("reasons", s.reasons().stream().map(r -> Map.of("code", r.code(), "description", r.description()))
                .toList());
        view.put("retornoId", s.retornoId());
        view.put("at", s.at().toString());
        view.put("amountCents", s.amountCents().isPresent() ? s.amountCents().getAsLong() : null);
        view.put("paidOn", s.paidOn().map(Object::toString).orElse(null));
        return view;
    }
}
