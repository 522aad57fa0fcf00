package br.bankhistory.history.support;

import br.bankhistory.history.domain.BankAccount;
import br.bankhistory.history.domain.Delivery;
import br.bankhistory.history.port.BankChannel;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * The bank's channel as a test sees it, around the real one of the wiring (the local folder): its sends counted,
 * a sandbox that dies right after its transfer, or a channel that takes files and tells the outcome later, as AWS
 * Transfer Family does (no emulator has it).
 */
public final class Channels {

    private Channels() {
    }

    /** Every send counted in {@code sends}, whatever it answered. */
    public static UnaryOperator<BankChannel> counting(AtomicInteger sends) {
        return real -> new Around(real) {
            @Override
            public Sent send(Outgoing file, Delivery.Destination to) {
                sends.incrementAndGet();
                return real.send(file, to);
            }
        };
    }

    /** The file reaches the bank, then the sandbox dies before it can write so: the outcome nobody recorded. */
    public static UnaryOperator<BankChannel> dyingAfterTheTransfer(AtomicInteger sends) {
        return real -> new Around(real) {
            @Override
            public Sent send(Outgoing file, Delivery.Destination to) {
                sends.incrementAndGet();
                real.send(file, to);
                throw new IllegalStateException("the sandbox died right after the transfer");
            }
        };
    }

    /**
     * An SFTP connector's channel: each send starts transfer {@code transferId} whose outcome comes later as a result
     * event; the file is never seen at the destination ({@link Presence#ABSENT}).
     */
    public static UnaryOperator<BankChannel> startingTransfers(String connectorId, String transferId,
                                                               AtomicInteger sends) {
        return startingTransfers(connectorId, transferId, sends, BankChannel.Presence.ABSENT);
    }

    /** The same, whose destination, once checked, answers {@code checked}. */
    public static UnaryOperator<BankChannel> startingTransfers(String connectorId, String transferId,
                                                               AtomicInteger sends, BankChannel.Presence checked) {
        return real -> new Around(real) {
            @Override
            public Route route(Outgoing file, Optional<BankAccount> account) {
                return new Route.To(new Delivery.Destination("TRANSFER_FAMILY", "SFTP do banco (conector "
                        + connectorId + ")", connectorId, "/remessas/" + file.fileName()));
            }

            @Override
            public Sent send(Outgoing file, Delivery.Destination to) {
                sends.incrementAndGet();
                return new Sent.Started(transferId);
            }

            @Override
            public Presence presence(Outgoing file, Delivery.Destination to) {
                return checked;
            }
        };
    }

    private static class Around implements BankChannel {

        private final BankChannel real;

        Around(BankChannel real) {
            this.real = real;
        }

        @Override
        public Route route(Outgoing file, Optional<BankAccount> account) {
            return real.route(file, account);
        }

        @Override
        public Sent send(Outgoing file, Delivery.Destination to) {
            return real.send(file, to);
        }

        @Override
        public Presence presence(Outgoing file, Delivery.Destination to) {
            return real.presence(file, to);
        }
    }
}
