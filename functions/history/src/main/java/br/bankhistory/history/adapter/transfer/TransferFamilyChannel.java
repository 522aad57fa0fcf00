package br.bankhistory.history.adapter.transfer;

import br.bankhistory.history.domain.BankAccount;
import br.bankhistory.history.domain.Delivery;
import br.bankhistory.history.port.BankChannel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.transfer.TransferClient;
import software.amazon.awssdk.services.transfer.model.TransferException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The bank's SFTP through the account's AWS Transfer Family SFTP connector: {@code StartFileTransfer} sends the
 * remessa from the files bucket to the account's remote directory under its own name, and its outcome comes later
 * as an EventBridge event ("SFTP Connector File Send Completed" or "Failed", handled by the TransferResult
 * function). Whether a file is there is asked with {@code StartDirectoryListing}, whose listing the connector
 * writes to the bucket under {@value #CHECKS}{tenant}/{record}/: the first question starts it (answer
 * {@link Presence#CHECKING}), a later one reads it.
 */
public final class TransferFamilyChannel implements BankChannel {

    public static final String CHANNEL = "TRANSFER_FAMILY";
    /** Where the connector writes the directory listings that tell whether a file is at the bank. */
    public static final String CHECKS = "delivery-checks/";
    private static final String STARTED = "listing-started";
    /** A listing not written by then failed: another is started. */
    private static final Duration LISTING_WAIT = Duration.ofMinutes(10);
    private static final int MAX_ITEMS = 10_000;

    private final TransferClient transfer;
    private final S3Client s3;
    private final String bucket;
    private final ObjectMapper json;
    private final Clock clock;

    public TransferFamilyChannel(TransferClient transfer, S3Client s3, String bucket, ObjectMapper json, Clock clock) {
        this.transfer = transfer;
        this.s3 = s3;
        this.bucket = bucket;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public Route route(Outgoing file, Optional<BankAccount> account) {
        if (account.isEmpty()) {
            return new Route.Unconfigured("a remessa não é de nenhuma conta cadastrada da empresa. Cadastre a conta "
                    + "com o seu canal de envio (Configurações > Contas) e peça um novo envio.");
        }
        BankAccount a = account.get();
        if (!a.hasChannel()) {
            return new Route.Unconfigured("a conta do banco " + a.bankCode() + " não tem canal de envio configurado. "
                    + "Informe o conector SFTP (transferConnectorId) e a pasta remota (remoteDirectory) em "
                    + "Configurações > Contas e peça um novo envio.");
        }
        String directory = a.remoteDirectory().endsWith("/") ? a.remoteDirectory() : a.remoteDirectory() + "/";
        return new Route.To(new Delivery.Destination(CHANNEL, "SFTP do banco (AWS Transfer Family, conector "
                + a.transferConnectorId() + ")", a.transferConnectorId(), directory + file.fileName()));
    }

    @Override
    public Sent send(Outgoing file, Delivery.Destination to) {
        try {
            String transferId = transfer.startFileTransfer(r -> r.connectorId(to.address())
                    .sendFilePaths("/" + bucket + "/" + file.objectKey())
                    .remoteDirectoryPath(directory(to))).transferId();
            return new Sent.Started(transferId);
        } catch (TransferException refused) {
            if (refused.statusCode() >= 400 && refused.statusCode() < 500 && refused.statusCode() != 429) {
                // the request was refused as it was (no such connector, a bad path, no permission): nothing started
                return new Sent.Refused("o AWS Transfer Family recusou o envio: " + refused.awsErrorDetails()
                        .errorMessage());
            }
            throw refused;
        }
    }

    @Override
    public Presence presence(Outgoing file, Delivery.Destination to) {
        String prefix = CHECKS + file.tenant() + "/" + file.recordId() + "/";
        List<S3Object> found = s3.listObjectsV2(r -> r.bucket(bucket).prefix(prefix)).contents();
        Optional<S3Object> listing = found.stream().filter(o -> o.key().endsWith(".json")).findFirst();
        if (listing.isPresent()) {
            JsonNode files = read(listing.get().key());
            found.forEach(o -> s3.deleteObject(r -> r.bucket(bucket).key(o.key())));
            for (JsonNode f : files.path("files")) {
                if (f.path("filePath").asText().equals(to.remotePath())) {
                    return Presence.THERE;
                }
            }
            if (files.path("truncated").asBoolean(false)) {
                throw new IllegalStateException("the remote directory has more than " + MAX_ITEMS + " files: whether "
                        + to.remotePath() + " is there is not known; look on the bank's server");
            }
            return Presence.ABSENT;
        }
        Instant now = clock.instant();
        boolean listingUnderWay = found.stream().anyMatch(o -> o.key().endsWith(STARTED)
                && o.lastModified().plus(LISTING_WAIT).isAfter(now));
        if (!listingUnderWay) {
            transfer.startDirectoryListing(r -> r.connectorId(to.address()).remoteDirectoryPath(directory(to))
                    .outputDirectoryPath("/" + bucket + "/" + prefix).maxItems(MAX_ITEMS));
            s3.putObject(r -> r.bucket(bucket).key(prefix + STARTED), RequestBody.fromString(now.toString()));
        }
        return Presence.CHECKING;
    }

    private JsonNode read(String key) {
        try {
            return json.readTree(s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("reading the directory listing " + key, e);
        }
    }

    private static String directory(Delivery.Destination to) {
        int slash = to.remotePath().lastIndexOf('/');
        return slash <= 0 ? "/" : to.remotePath().substring(0, slash);
    }
}
