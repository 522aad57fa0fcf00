package br.bankhistory.history.adapter.folder;

import br.bankhistory.history.domain.BankAccount;
import br.bankhistory.history.domain.Delivery;
import br.bankhistory.history.domain.Tenants;
import br.bankhistory.history.port.BankChannel;
import br.bankhistory.history.port.FileStore;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The bank's SFTP on this machine (the local stack, the tests): a folder {@code {root}/{tenant}/{bank}/} per bank
 * of a tenant, always there whatever the account's settings. A file lands whole or not at all (written aside, then
 * linked under its name, which fails if the name is taken: nothing is ever overwritten), and the same file sent
 * again is recognised by its bytes. A file {@code .refuse} in the bank's folder makes it refuse every delivery,
 * with the file's text (or a default) as the reason: the stand-in for an SFTP that is down or refuses the login.
 */
public final class FolderBankChannel implements BankChannel {

    public static final String CHANNEL = "LOCAL_FOLDER";
    /** Present in a bank's folder, deliveries to it are refused. */
    public static final String REFUSE = ".refuse";
    static final String LABEL = "pasta local bank-outbox (no lugar do SFTP do banco)";

    private final Path root;
    private final FileStore files;

    public FolderBankChannel(Path root, FileStore files) {
        this.root = root.toAbsolutePath().normalize();
        this.files = files;
    }

    @Override
    public Route route(Outgoing file, Optional<BankAccount> account) {
        if (!Tenants.isValidTenant(file.tenant()) || !file.bankCode().matches("\\d{3}")
                || file.fileName().startsWith(".") || file.fileName().contains("/")) {
            return new Route.Unconfigured("o arquivo não tem banco, empresa ou nome que a pasta local aceite.");
        }
        return new Route.To(new Delivery.Destination(CHANNEL, LABEL, root.toString(),
                file.tenant() + "/" + file.bankCode() + "/" + file.fileName()));
    }

    @Override
    public Sent send(Outgoing file, Delivery.Destination to) {
        Path target = target(to);
        try {
            Files.createDirectories(target.getParent());
            Path refuse = target.getParent().resolve(REFUSE);
            if (Files.exists(refuse)) {
                String said = Files.readString(refuse, StandardCharsets.UTF_8).strip();
                return new Sent.Refused(said.isEmpty()
                        ? "o SFTP do banco recusou o arquivo (simulação local: " + REFUSE + " na pasta do banco)."
                        : said);
            }
            Path part = Files.createTempFile(target.getParent(), "." + file.fileName() + ".", ".part");
            try {
                String sha256;
                try (InputStream in = files.open(file.objectKey());
                     OutputStream out = Files.newOutputStream(part)) {
                    sha256 = copy(in, out);
                }
                if (!sha256.equals(file.sha256())) {
                    // never put in the bank's folder what the history did not record
                    return new Sent.Refused("os bytes lidos do arquivo não são os gravados no histórico.");
                }
                Files.createLink(target, part);
                return new Sent.Delivered();
            } catch (FileAlreadyExistsException taken) {
                return sha256(target).equals(file.sha256()) ? new Sent.Delivered()
                        : new Sent.Refused("já existe outro arquivo com o nome " + file.fileName()
                                + " no SFTP do banco.");
            } finally {
                Files.deleteIfExists(part);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("delivering " + file.fileName() + " to " + target, e);
        }
    }

    @Override
    public Presence presence(Outgoing file, Delivery.Destination to) {
        Path target = target(to);
        try {
            return Files.isRegularFile(target) && sha256(target).equals(file.sha256()) ? Presence.THERE
                    : Presence.ABSENT;
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + target, e);
        }
    }

    /** The destination's file, inside the root whatever the record says. */
    private Path target(Delivery.Destination to) {
        Path target = root.resolve(to.remotePath()).normalize();
        if (!target.startsWith(root) || target.equals(root)) {
            throw new IllegalArgumentException("remote path outside the bank folder: " + to.remotePath());
        }
        return target;
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return copy(in, OutputStream.nullOutputStream());
        }
    }

    private static String copy(InputStream in, OutputStream out) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
        new DigestInputStream(in, digest).transferTo(out);
        return HexFormat.of().formatHex(digest.digest());
    }
}
