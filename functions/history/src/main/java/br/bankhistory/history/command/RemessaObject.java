package br.bankhistory.history.command;

import br.bankhistory.history.command.GenerateRemittance.LayoutKind;
import br.bankhistory.history.command.GenerateRemittance.Request;
import br.bankhistory.history.command.GenerateRemittance.ServiceKind;
import br.bankhistory.history.domain.ApprovalRules;
import br.bankhistory.history.domain.Identity;
import br.bankhistory.history.domain.ObjectMetadata;
import br.bankhistory.history.domain.ObjectPlace;
import br.bankhistory.history.domain.Tenants;
import br.bankhistory.history.titles.TitleRegistry;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How a generated remessa is stored for Ingest to record it (docs/architecture.md): its file name, its object key
 * under {@code outbound/{tenant}/}, and the object metadata that say who generated it, the NSA issued, the titles
 * sent again on purpose and the approval the tenant's rules ask of it.
 */
final class RemessaObject {

    private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private RemessaObject() {
    }

    /** {@code COB240-341-20261120-131500-000042-<id>.rem}: kind, layout, bank, São Paulo time, NSA, a fresh id. */
    static String fileName(Request request, LocalDateTime at, long nsa, String fileId) {
        return (request.service() == ServiceKind.COBRANCA ? "COB" : "PAG")
                + (request.layout() == LayoutKind.CNAB240 ? "240" : "400") + "-" + request.bankCode() + "-"
                + NAME_TIME.format(at) + "-" + String.format("%06d", nsa) + "-" + fileId + ".rem";
    }

    static String key(String tenant, String fileName) {
        String key = "outbound/" + tenant + "/" + fileName;
        if (ObjectPlace.of(key).isEmpty()) {
            throw new IllegalStateException("generated key is not one Ingest accepts: " + key);
        }
        return key;
    }

    /**
     * @param resent        the titles claimed again on purpose ({@code allowResend})
     * @param approval      what the tenant's rules ask of this total now, fixed on the object for Ingest
     * @param alsoCreatedBy who else created what the remessa carries: with the caller, none of them may approve it
     */
    static Map<String, String> metadata(Identity caller, Request request, long nsa, List<TitleRegistry.Conflict> resent,
                                        Optional<ApprovalRules.Requirement> approval,
                                        Collection<String> alsoCreatedBy) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(ObjectMetadata.GENERATED_BY, "remittances-api");
        metadata.put(ObjectMetadata.ISSUED_NSA, Long.toString(nsa));
        if (request.sendAutomatically()) {
            // no user-id: Ingest attributes the file to the integration; who asked for it stays on the object
            metadata.put(ObjectMetadata.REQUESTED_BY, ObjectMetadata.encode(caller.userId()));
        } else {
            metadata.put(ObjectMetadata.USER_ID, caller.userId());
            metadata.put(ObjectMetadata.USER_NAME, ObjectMetadata.encode(caller.userName()));
        }
        if (!resent.isEmpty()) {
            metadata.put(ObjectMetadata.RESEND_ALLOWED_BY, ObjectMetadata.encode(caller.userId()) + ";"
                    + ObjectMetadata.encode(caller.userName()) + ";" + resent.size());
        }
        approval.ifPresent(needed -> {
            Set<String> creators = new LinkedHashSet<>();
            if (Tenants.isValidUserId(caller.userId())) {
                creators.add(caller.userId());
            }
            creators.addAll(alsoCreatedBy);
            ObjectMetadata.putApproval(metadata, needed, creators);
        });
        return metadata;
    }
}
