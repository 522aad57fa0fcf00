package br.bankhistory.history.query;

import br.bankhistory.history.domain.InvalidRequestException;
import br.bankhistory.history.domain.PendingInstruction;
import br.bankhistory.history.port.InstructionStore;
import br.bankhistory.history.port.RecordStore;

import java.util.List;
import java.util.Optional;

/**
 * A tenant's instructions in one status, newest first, a page at a time; a carried (or settled) one names the
 * record of its remessa once Ingest has recorded it.
 */
public final class ListInstructions {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    private final InstructionStore store;
    private final RecordStore records;

    public ListInstructions(InstructionStore store, RecordStore records) {
        this.store = store;
        this.records = records;
    }

    /** @param recordId the record of the carrying remessa, when recorded */
    public record Listed(PendingInstruction instruction, Optional<String> recordId) {
    }

    public record Page(List<Listed> instructions, Optional<String> nextCursor) {
    }

    public Page page(String tenant, String status, Optional<String> cursor, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidRequestException("O parâmetro limit deve estar entre 1 e " + MAX_LIMIT + ".");
        }
        PendingInstruction.Status wanted;
        try {
            wanted = PendingInstruction.Status.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("O parâmetro status deve ser PENDING, CARRIED, SETTLED ou CANCELLED.");
        }
        String scope = "instructions|" + wanted.name();
        Optional<String> after = Optional.empty();
        if (cursor.isPresent()) {
            after = Cursor.decode(tenant, scope, cursor.get()).filter(PendingInstruction::isValidId);
            if (after.isEmpty()) {
                throw new InvalidRequestException("Cursor inválido para esta consulta; recomece da primeira página.");
            }
        }
        InstructionStore.Page page = store.list(tenant, wanted, after, limit);
        List<Listed> listed = page.instructions().stream().map(i -> new Listed(i,
                i.carrier().flatMap(c -> records.recordIdForKey(tenant, c.key())))).toList();
        return new Page(listed, page.lastId().map(last -> Cursor.encode(tenant, scope, last)));
    }
}
