package br.bankhistory.history.command;

import br.bankhistory.cnab.Direction;
import br.bankhistory.cnab.layout.LayoutCatalog;
import br.bankhistory.history.command.GenerateRemittance.Header;
import br.bankhistory.history.domain.Accounts;
import br.bankhistory.history.domain.ConflictException;
import br.bankhistory.history.domain.ForbiddenException;
import br.bankhistory.history.domain.Identity;
import br.bankhistory.history.domain.InvalidRequestException;
import br.bankhistory.history.domain.PendingInstruction;
import br.bankhistory.history.domain.PendingInstruction.Status;
import br.bankhistory.history.domain.Tenants;
import br.bankhistory.history.log.JsonLog;
import br.bankhistory.history.port.InstructionStore;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Creates and cancels pending instructions (docs/remessa-lifecycle.md, "Pending instructions and scheduled
 * remessas"). An instruction is checked at creation as a remessa of its one title or payment would be
 * (bank, service and layout the writer produces, instruction codes, layout fields) and then written nowhere,
 * so the scheduled run meets no value the writer refuses (a seu número wider than its field, say): one such
 * instruction would otherwise hold back its whole account's remessa at every run. Only its creator or an administrator cancels it,
 * and only while no remessa carries it.
 */
public final class PendingInstructions {

    private static final JsonLog LOG = JsonLog.of(PendingInstructions.class);
    private static final int MAX_REASON = 500;

    private final InstructionStore store;
    private final RemittanceChecks checks;
    private final Clock clock;
    private final Supplier<String> randomHex;

    /** @param randomHex 12 random hex digits per call (drawn at call time, never at init: SnapStart) */
    public PendingInstructions(InstructionStore store, LayoutCatalog layouts, Clock clock, Supplier<String> randomHex) {
        this.store = store;
        this.checks = new RemittanceChecks(layouts);
        this.clock = clock;
        this.randomHex = randomHex;
    }

    /**
     * @param request the instruction as a remessa of its one title or payment
     * @param body    the request body as given, kept to build the remessa that carries it
     */
    public PendingInstruction create(Identity caller, GenerateRemittance.Request request, String body) {
        if (!Tenants.isValidUserId(caller.userId())) {
            throw new InvalidRequestException("O identificador do usuário não pode ser gravado na instrução.");
        }
        checks.check(request);
        Instant now = clock.instant();
        try {
            RemessaWriting.check(request, RemessaWriting.header(request,
                    LocalDateTime.ofInstant(now, GenerateRemittance.SAO_PAULO), 1));
        } catch (InvalidRequestException refused) {
            // the writer names the remessa's list; the instruction has one title or payment
            throw new InvalidRequestException(refused.getMessage().replace("titles[0].", "title.")
                    .replace("payments[0].", "payment."), refused.code());
        }
        PendingInstruction instruction = new PendingInstruction(PendingInstruction.newId(now, randomHex.get()),
                caller.tenant(), Status.PENDING, groupKey(request), body, now, caller.userId(), caller.userName(),
                Optional.empty(), Optional.empty(), Optional.empty(), java.util.List.of());
        store.create(instruction);
        LOG.info("instruction.created", Map.of("tenant", caller.tenant(), "id", instruction.id(),
                "bank", request.bankCode(), "service", request.service().name(), "by", caller.userId()));
        return instruction;
    }

    /** Empty when the tenant has no such instruction. */
    public Optional<PendingInstruction> cancel(Identity caller, String id, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.length() > MAX_REASON) {
            throw new InvalidRequestException("reason: no máximo " + MAX_REASON + " caracteres.");
        }
        if (!PendingInstruction.isValidId(id)) {
            return Optional.empty();
        }
        Optional<PendingInstruction> found = store.find(caller.tenant(), id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        PendingInstruction before = found.get();
        if (!caller.admin() && !caller.userId().equals(before.createdByUserId())) {
            throw new ForbiddenException("Somente quem criou a instrução ou um administrador pode cancelá-la.");
        }
        refuseUnlessCancellable(before);
        PendingInstruction.Cancellation cancellation = new PendingInstruction.Cancellation(clock.instant(),
                caller.userId(), caller.userName(), why);
        if (!store.cancel(caller.tenant(), id, cancellation)) {
            store.find(caller.tenant(), id).ifPresent(PendingInstructions::refuseUnlessCancellable);
            throw new ConflictException("A instrução foi alterada por outra solicitação; recarregue e tente de novo.");
        }
        LOG.info("instruction.cancelled", Map.of("tenant", caller.tenant(), "id", id, "by", caller.userId()));
        return store.find(caller.tenant(), id);
    }

    private static void refuseUnlessCancellable(PendingInstruction instruction) {
        if (instruction.status() == Status.CARRIED || instruction.status() == Status.SETTLED) {
            throw new ConflictException("A instrução já foi levada ao banco pela remessa "
                    + instruction.carrier().map(PendingInstruction.Carrier::fileName).orElse("") + "; cancele a "
                    + "remessa ou envie uma instrução de baixa.");
        }
        if (instruction.status() == Status.CANCELLED) {
            throw new ConflictException("A instrução já está cancelada.");
        }
        if (instruction.claimedBy().isPresent()) {
            throw new ConflictException("A instrução está sendo incluída numa remessa agora; aguarde e consulte de "
                    + "novo.");
        }
    }

    /** Bank, account (or convênio), service and layout: the instructions that go in one remessa. */
    static String groupKey(GenerateRemittance.Request request) {
        Header h = request.header();
        return Accounts.sequenceKey(request.bankCode(), h.agency(), h.account(), h.agreement(),
                Direction.REMESSA.name()) + "/" + request.service().name() + "/" + request.layout().name();
    }
}
