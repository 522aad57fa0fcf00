package br.bankhistory.history.command;

import br.bankhistory.history.domain.ObjectMetadata;
import br.bankhistory.history.domain.FileNames;
import br.bankhistory.history.domain.Identity;
import br.bankhistory.history.domain.InvalidRequestException;
import br.bankhistory.history.domain.PayloadTooLargeException;
import br.bankhistory.history.domain.Tenants;
import br.bankhistory.history.domain.Uploader;
import br.bankhistory.history.port.FileStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A manual import: a presigned PUT under {@code uploads/{tenant}/{user}/{uploadId}/{file}}, signed for the
 * exact size and carrying the user's id and display name as object metadata, so Ingest attributes the file
 * to them (docs/architecture.md, attribution). The tenant and user come from the caller's verified identity only.
 */
public final class CreateUpload {

    private static final int MAX_NAME = 255;

    private final FileStore files;
    private final long maxFileBytes;
    private final Duration ttl;
    private final Clock clock;
    private final Supplier<String> uploadIds;

    /** @param uploadIds a fresh unique id per call (drawn at call time, never at init: SnapStart) */
    public CreateUpload(FileStore files, long maxFileBytes, Duration ttl, Clock clock, Supplier<String> uploadIds) {
        this.files = files;
        this.maxFileBytes = maxFileBytes;
        this.ttl = ttl;
        this.clock = clock;
        this.uploadIds = uploadIds;
    }

    public Upload create(Identity caller, String fileName, long sizeBytes) {
        String name = fileName == null ? "" : fileName.strip();
        FileNames.deceptionIn(name).ifPresent(reason -> {
            throw new InvalidRequestException(reason);
        });
        if (name.isEmpty() || name.length() > MAX_NAME || name.startsWith(".") || name.contains("/")
                || name.contains("\\")) {
            throw new InvalidRequestException("Nome de arquivo inválido: use até " + MAX_NAME
                    + " caracteres, sem barras, e que não comece com ponto.");
        }
        if (sizeBytes < 1) {
            throw new InvalidRequestException("O arquivo está vazio.");
        }
        if (sizeBytes > maxFileBytes) {
            throw new PayloadTooLargeException("O arquivo tem " + sizeBytes + " bytes; o limite é " + maxFileBytes
                    + " bytes.");
        }
        if (!Tenants.isValidUserId(caller.userId())) {
            throw new InvalidRequestException("O identificador do usuário não pode compor o caminho do arquivo.");
        }
        String uploadId = uploadIds.get();
        String key = "uploads/" + caller.tenant() + "/" + caller.userId() + "/" + uploadId + "/" + name;
        Map<String, String> metadata = Map.of(
                ObjectMetadata.USER_ID, caller.userId(),
                ObjectMetadata.USER_NAME,
                ObjectMetadata.encode(caller.userName()));
        FileStore.PresignedUpload presigned = files.presignUpload(key, sizeBytes, metadata, ttl);
        return new Upload(presigned, key, clock.instant().plus(ttl));
    }

    public record Upload(FileStore.PresignedUpload presigned, String key, Instant expiresAt) {
    }
}
