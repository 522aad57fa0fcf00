package br.bankhistory.history.command;

import br.bankhistory.history.domain.Identity;
import br.bankhistory.history.domain.PendingInstruction;
import br.bankhistory.history.port.FileStore;
import br.bankhistory.history.port.InstructionStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;

/**
 * The remessa of one group's claimed instructions, written through {@link GenerateRemittance} as a
 * {@code POST /remittances} body would be (the oldest instruction's account header, every title or payment in
 * order), by the integration. Just before the file is stored, which instructions it carries is noted under its
 * key ({@link InstructionStore#recordCarry}): its title at position p is the p-th instruction's, which is how a
 * retorno's answer finds its instruction, and how the run after a crash finds the remessa. A remessa that was not
 * stored gives the claims back.
 */
public final class ScheduleRemessa {

    private final InstructionStore store;
    private final FileStore files;
    private final GenerateRemittance generate;
    private final Function<JsonNode, GenerateRemittance.Request> remittanceBodies;
    private final ObjectMapper json;
    private final Clock clock;
    private final RunSchedule.Hook hook;

    /** @param remittanceBodies reads a {@code POST /remittances} body, as the API does */
    public ScheduleRemessa(InstructionStore store, FileStore files, GenerateRemittance generate,
                           Function<JsonNode, GenerateRemittance.Request> remittanceBodies, ObjectMapper json,
                           Clock clock, RunSchedule.Hook hook) {
        this.store = store;
        this.files = files;
        this.generate = generate;
        this.remittanceBodies = remittanceBodies;
        this.json = json;
        this.clock = clock;
        this.hook = hook;
    }

    GenerateRemittance.Generated generate(String tenant, String runId, String group, List<PendingInstruction> claimed) {
        List<String> ids = claimed.stream().map(PendingInstruction::id).toList();
        String[] placed = {null};
        GenerateRemittance.Generated generated;
        try {
            generated = generate.generate(new Identity(tenant, RunSchedule.RUN_USER_ID, Identity.INTEGRATION_USER_NAME,
                            true), remittanceBodies.apply(remessaBody(claimed)),
                    claimed.stream().map(PendingInstruction::createdByUserId).distinct().toList(), (key, fileName) -> {
                        store.recordCarry(tenant, new InstructionStore.Carry(key, fileName, runId, group, ids,
                                clock.instant()));
                        placed[0] = key;
                        hook.reached(RunSchedule.Step.PLACED, key);
                    });
        } catch (RuntimeException notStored) {
            if (placed[0] == null || !files.exists(placed[0])) {
                claimed.forEach(instruction -> store.release(tenant, instruction.id(), runId));
            } // else it was stored after all: the next run marks them carried by it
            throw notStored;
        }
        hook.reached(RunSchedule.Step.STORED, generated.key());
        return generated;
    }

    private ObjectNode remessaBody(List<PendingInstruction> instructions) {
        JsonNode first = read(instructions.get(0).body());
        ObjectNode body = json.createObjectNode();
        body.set("service", first.get("service"));
        body.set("layout", first.get("layout"));
        body.set("bankCode", first.get("bankCode"));
        body.put("sendAutomatically", true);
        body.set("header", first.get("header"));
        boolean cobranca = "COBRANCA".equals(first.path("service").asText());
        ArrayNode items = body.putArray(cobranca ? "titles" : "payments");
        for (PendingInstruction instruction : instructions) {
            items.add(read(instruction.body()).get(cobranca ? "title" : "payment"));
        }
        return body;
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored instruction is not JSON", e);
        }
    }
}
