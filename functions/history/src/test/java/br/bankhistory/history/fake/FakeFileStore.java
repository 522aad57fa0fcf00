package br.bankhistory.history.fake;

import br.bankhistory.history.port.FileStore;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link FileStore} in memory: objects with their bytes and user metadata (keys lower-cased, as S3 answers
 * them). Presigned URLs are S3's own and are not faked.
 */
public final class FakeFileStore implements FileStore {

    private record StoredObject(byte[] bytes, Map<String, String> metadata) {
    }

    private final Map<String, StoredObject> objects = new ConcurrentHashMap<>();

    /** An object as its sender (a bank integration, an uploader) writes it. */
    public void put(String key, byte[] bytes, Map<String, String> metadata) {
        Map<String, String> lower = new TreeMap<>();
        metadata.forEach((name, value) -> lower.put(name.toLowerCase(Locale.ROOT), value));
        objects.put(key, new StoredObject(bytes.clone(), Map.copyOf(lower)));
    }

    @Override
    public ObjectInfo describe(String key) {
        StoredObject object = find(key);
        return new ObjectInfo(object.bytes().length, object.metadata());
    }

    @Override
    public InputStream open(String key) {
        return new ByteArrayInputStream(find(key).bytes());
    }

    @Override
    public boolean exists(String key) {
        return objects.containsKey(key);
    }

    @Override
    public void putFile(String key, Path file, String contentType) {
        put(key, read(file), Map.of());
    }

    @Override
    public void putGenerated(String key, Path file, String contentType, Map<String, String> metadata) {
        put(key, read(file), metadata);
    }

    @Override
    public URI presignDownload(String key, String fileName, String contentType, boolean attachment, Duration ttl) {
        throw new UnsupportedOperationException("presigned URLs are S3's: test them against s3proxy");
    }

    @Override
    public PresignedUpload presignUpload(String key, long sizeBytes, Map<String, String> metadata, Duration ttl) {
        throw new UnsupportedOperationException("presigned URLs are S3's: test them against s3proxy");
    }

    private StoredObject find(String key) {
        StoredObject object = objects.get(key);
        if (object == null) {
            throw new NoSuchElementException("no object " + key);
        }
        return object;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
