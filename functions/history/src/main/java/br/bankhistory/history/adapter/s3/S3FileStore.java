package br.bankhistory.history.adapter.s3;

import br.bankhistory.history.port.FileStore;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.io.InputStream;
import java.net.URI;
import java.time.Duration;

/** {@link FileStore} on the files bucket. */
public final class S3FileStore implements FileStore {

    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;

    public S3FileStore(S3Client s3, S3Presigner presigner, String bucket) {
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
    public URI presignDownload(String key, String fileName, Duration ttl) {
        GetObjectRequest get = GetObjectRequest.builder()
                .bucket(bucket)
                .key(key)
                .responseContentDisposition(ContentDisposition.attachment(fileName))
                .responseContentType("text/plain; charset=ISO-8859-1")
                .build();
        return URI.create(presigner.presignGetObject(r -> r.signatureDuration(ttl).getObjectRequest(get))
                .url().toString());
    }
}
