package br.bankhistory.history.port;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** The files bucket: original bytes are read, never rewritten. */
public interface FileStore {

    /** Size and user metadata of an object (keys lower-case, without the {@code x-amz-meta-} prefix). */
    ObjectInfo describe(String key);

    InputStream open(String key);

    /** Whether an object exists (a derived file such as a cached statement). */
    boolean exists(String key);

    /** Writes a derived file (never an original: originals are written by their senders only). */
    void putFile(String key, Path file, String contentType);

    /**
     * Writes an original this service generated itself (a remessa under {@code outbound/}), with user
     * metadata (keys without the {@code x-amz-meta-} prefix, ASCII values) that Ingest reads when the
     * object's notification arrives. The key must be new: generated keys carry a random part.
     */
    void putGenerated(String key, Path file, String contentType, Map<String, String> metadata);

    /**
     * A short-lived GET URL for the object, served with {@code contentType} and a {@code Content-Disposition}
     * naming it {@code fileName} ({@code attachment} to save it, {@code inline} to show it).
     */
    URI presignDownload(String key, String fileName, String contentType, boolean attachment, Duration ttl);

    /**
     * A short-lived PUT URL for exactly {@code sizeBytes} bytes with the given user metadata signed in: the
     * uploader must send the returned headers unchanged, or S3 refuses the upload.
     */
    PresignedUpload presignUpload(String key, long sizeBytes, Map<String, String> metadata, Duration ttl);

    record ObjectInfo(long sizeBytes, Map<String, String> metadata) {
    }

    record PresignedUpload(URI url, Map<String, String> headers) {
    }
}
