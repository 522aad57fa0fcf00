package br.bankhistory.history.port;

import br.bankhistory.history.domain.BankAccount;
import br.bankhistory.history.domain.Delivery;

import java.util.Optional;

/**
 * The bank's channel a remessa is delivered through (docs/remessa-lifecycle.md, "Delivery to the bank"): the
 * bank's SFTP through an AWS Transfer Family connector on AWS, a local folder standing in for it on this machine.
 * A remessa keeps its own file name at the destination, so whether it got there can be checked by name.
 */
public interface BankChannel {

    /**
     * A remessa to deliver: its record, bank and stored object.
     *
     * @param objectKey the original bytes' key in the files bucket ({@code outbound/{tenant}/{file}})
     */
    record Outgoing(String tenant, String recordId, String bankCode, String objectKey, String fileName,
                    String sha256, long sizeBytes) {
    }

    /** Where the remessa goes for the account's settings, or why it cannot go (in pt-BR). */
    sealed interface Route {
        record To(Delivery.Destination destination) implements Route {
        }

        record Unconfigured(String reason) implements Route {
        }
    }

    /** What a send did. An outcome nobody knows (a timeout, a crash) is thrown instead. */
    sealed interface Sent {
        /** The file is at the destination. */
        record Delivered() implements Sent {
        }

        /** The channel took the file; its outcome comes later (a result event) for {@code transferId}. */
        record Started(String transferId) implements Sent {
        }

        /** The destination refused the file: nothing is there. */
        record Refused(String reason) implements Sent {
        }
    }

    /** Whether a remessa's file is at its destination. */
    enum Presence {
        THERE, ABSENT,
        /** Not known yet: the channel is looking (ask again a little later). */
        CHECKING
    }

    /** @param account the tenant's registered account the remessa is of, if any */
    Route route(Outgoing file, Optional<BankAccount> account);

    Sent send(Outgoing file, Delivery.Destination to);

    /** Checked before a try that follows one whose outcome was not known, so a remessa never goes twice. */
    Presence presence(Outgoing file, Delivery.Destination to);
}
