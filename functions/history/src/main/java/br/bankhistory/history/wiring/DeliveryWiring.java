package br.bankhistory.history.wiring;

import br.bankhistory.history.adapter.folder.FolderBankChannel;
import br.bankhistory.history.adapter.sqs.SqsDeliveryQueue;
import br.bankhistory.history.adapter.transfer.TransferFamilyChannel;
import br.bankhistory.history.config.DeliveryConfig;
import br.bankhistory.history.config.Lazy;
import br.bankhistory.history.config.ServiceConfig;
import br.bankhistory.history.delivery.DeliverRemessa;
import br.bankhistory.history.log.Metrics;
import br.bankhistory.history.port.BankChannel;
import br.bankhistory.history.port.DeliveryQueue;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Clock;
import java.util.function.UnaryOperator;

/**
 * The Delivery and TransferResult functions' wiring: {@link DeliverRemessa} over the record store, the accounts,
 * the bank's channel (each account's AWS Transfer Family connector, or a local folder when {@code DELIVERY_FOLDER}
 * is set) and the delivery queue's postponing. It builds no engine, statement or email; the channel's clients are
 * built at the first try.
 */
public final class DeliveryWiring {

    private final Components parts;
    private final Lazy<DeliverRemessa> deliverRemessa;
    private final Lazy<DeliveryQueue> queue;

    public DeliveryWiring(Components parts) {
        this(parts, UnaryOperator.identity(), Metrics.stdout());
    }

    /**
     * @param around what the channel is seen through (a test counts the sends, or makes a sandbox die after one)
     * @param metrics where the delivery's metrics go (a test reads them)
     */
    public DeliveryWiring(Components parts, UnaryOperator<BankChannel> around, Metrics metrics) {
        this.parts = parts;
        DeliveryConfig config = parts.config().delivery();
        this.deliverRemessa = Lazy.of(() -> new DeliverRemessa(parts.records(), parts.settings(),
                around.apply(channel(parts, config)), config.policy(), metrics, parts.clock(), Components.ids(16)));
        this.queue = Lazy.of(() -> config.queueUrl().<DeliveryQueue>map(url -> new SqsDeliveryQueue(
                parts.clients()::sqs, url)).orElse((receipt, after) -> {
                    throw new IllegalStateException("DELIVERY_QUEUE_URL is not set: no message can be postponed");
                }));
    }

    private static BankChannel channel(Components parts, DeliveryConfig config) {
        return config.folder().<BankChannel>map(folder -> new FolderBankChannel(folder, parts.files()))
                .orElseGet(() -> new TransferFamilyChannel(parts.clients().transfer(), parts.clients().s3(),
                        parts.config().bucketName(), parts.json(), parts.clock()));
    }

    public static DeliveryWiring create(ServiceConfig config) {
        return new DeliveryWiring(new Components(config, Clock.systemUTC()));
    }

    public static DeliveryWiring fromEnvironment() {
        return create(ServiceConfig.fromEnvironment(System.getenv()));
    }

    public ServiceConfig config() {
        return parts.config();
    }

    public ObjectMapper json() {
        return parts.json();
    }

    public DeliverRemessa deliverRemessa() {
        return deliverRemessa.get();
    }

    public DeliveryQueue queue() {
        return queue.get();
    }
}
