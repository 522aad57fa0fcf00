package br.bankhistory.history.adapter.s3;

import br.bankhistory.history.port.FileStore;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/** {@link FileStore} on the files bucket. */
public final class S3FileStore implements FileStore {

    private final S3Client s3;
    private final Supplier<S3Presigner> presigner;
    private final String bucket;

    /**
     * @param presigner asked for at the first presigned URL only (the Api's upload and download routes), so a
     *                  function that never presigns (Ingest) never builds it
     */
    public S3FileStore(S3Client s3, Supplier<S3Presigner> presigner, String bucket) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = bucket;
    }

    @Override
    public ObjectInfo describe(String key) {
        HeadObjectResponse head = s3.headObject(r -> r.bucket(bucket).key(key));
        return new ObjectInfo(head.contentLength(), head.metadata());
    }

    @Override
    public InputStream open(String key) {
        return s3.getObject(r -> r.bucket(bucket).key(key));
    }

    @Override
    public PresignedUpload presignUpload(String key, long sizeBytes, Map<String, String> metadata, Duration ttl) {
        PutObjectRequest put = PutObjectRequest.builder()
                .bucket(bucket)
                .key(key)
                .contentLength(sizeBytes)
                .metadata(metadata)
                .build();
        PresignedPutObjectRequest presigned = presigner.get().presignPutObject(r -> r.signatureDuration(ttl)
                .putObjectRequest(put));
        Map<String, String> headers = new TreeMap<>();
        presigned.signedHeaders().forEach((name, values) -> {
            if (!"host".equalsIgnoreCase(name)) {
                headers.put(name, String.join(",", values));
            }
        });
        return new PresignedUpload(URI.create(presigned.url().toString()), headers);
    }

    @Override
    public boolean exists(String key) {
        try {
            s3.headObject(r -> r.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException missing) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404 || e.statusCode() == 403) {
                // 403: without s3:ListBucket (least privilege), S3 answers a missing key with 403
                return false;
            }
            throw e;
        }
    }

    @Override
    public void putFile(String key, Path file, String contentType) {
        s3.putObject(r -> r.bucket(bucket).key(key).contentType(contentType), RequestBody.fromFile(file));
    }

    @Override
    public void putGenerated(String key, Path file, String contentType, Map<String, String> metadata) {
        s3.putObject(r -> r.bucket(bucket).key(key).contentType(contentType).metadata(metadata),
                RequestBody.fromFile(file));
    }

    @Override
    public URI presignDownload(String key, String fileName, String contentType, boolean attachment, Duration ttl) {
        GetObjectRequest get = GetObjectRequest.builder()
                .bucket(bucket)
                .key(key)
                .responseContentDisposition(attachment
                        ? ContentDisposition.attachment(fileName)
                        : ContentDisposition.inline(fileName))
                .responseContentType(contentType)
                .build();
        return URI.create(presigner.get().presignGetObject(r -> r.signatureDuration(ttl).getObjectRequest(get))
                .url().toString());
    }
}
