package br.bankhistory.history.port;

import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/** The files bucket: original bytes are read, never rewritten. */
public interface FileStore {

    /** Size and user metadata of an object (keys lower-case, without the {@code x-amz-meta-} prefix). */
    ObjectInfo describe(String key);

    InputStream open(String key);

    /** A short-lived GET URL that makes the browser save the file under {@code fileName}. */
    URI presignDownload(String key, String fileName, Duration ttl);

    record ObjectInfo(long sizeBytes, Map<String, String> metadata) {
    }
}
