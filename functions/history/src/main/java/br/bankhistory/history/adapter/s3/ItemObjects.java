package br.bankhistory.history.adapter.s3;

import br.bankhistory.history.domain.Reconciliation;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The objects of the item store in the files bucket (docs/data-model.md, "Items"): their keys under
 * {@code items/{tenant}/{recordId}/}, and the GETs, PUTs, LISTs and DELETEs of them; link and answer
 * documents as gzip JSON.
 */
final class ItemObjects {

    private final S3Client s3;
    private final String bucket;

    ItemObjects(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    static String prefix(String tenant, String recordId) {
        return "items/" + tenant + "/" + recordId + "/";
    }

    static String chunkKey(String tenant, String recordId, int chunk) {
        return prefix(tenant, recordId) + String.format("c%06d.jsonl.gz", chunk);
    }

    static String linksKey(String tenant, String recordId, int chunk) {
        return prefix(tenant, recordId) + String.format("links/c%06d.json.gz", chunk);
    }

    static String answersPrefix(String tenant, String remessaId, int chunk) {
        return prefix(tenant, remessaId) + String.format("answers/c%06d/", chunk);
    }

    static String answersKey(String tenant, String remessaId, int chunk, String retornoId) {
        return answersPrefix(tenant, remessaId, chunk) + retornoId + ".json.gz";
    }

    /** Whether any object's key starts with {@code prefix} (one LIST of one key). */
    boolean any(String prefix) {
        return !s3.listObjectsV2(r -> r.bucket(bucket).prefix(prefix).maxKeys(1)).contents().isEmpty();
    }

    Optional<byte[]> get(String key) {
        try (ResponseInputStream<GetObjectResponse> in = s3.getObject(r -> r.bucket(bucket).key(key))) {
            return Optional.of(in.readAllBytes());
        } catch (NoSuchKeyException absent) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + key, e);
        }
    }

    void put(String key, byte[] bytes) {
        s3.putObject(r -> r.bucket(bucket).key(key).contentType("application/gzip"), RequestBody.fromBytes(bytes));
    }

    void delete(String key) {
        s3.deleteObject(r -> r.bucket(bucket).key(key));
    }

    /** Deletes every object under {@code prefix}, a thousand keys a request. */
    void deleteUnder(String prefix) {
        List<S3Object> objects = list(prefix);
        for (int from = 0; from < objects.size(); from += 1000) {
            List<ObjectIdentifier> batch = objects.subList(from, Math.min(objects.size(), from + 1000)).stream()
                    .map(o -> ObjectIdentifier.builder().key(o.key()).build()).toList();
            s3.deleteObjects(r -> r.bucket(bucket).delete(d -> d.objects(batch).quiet(true)));
        }
    }

    List<S3Object> list(String prefix) {
        List<S3Object> all = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            ListObjectsV2Response page = s3.listObjectsV2(r -> r.bucket(bucket).prefix(prefix).continuationToken(next));
            all.addAll(page.contents());
            token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
        } while (token != null);
        return all;
    }

    static byte[] linksBytes(Map<Integer, Reconciliation> bySeq) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            LinkDocumentCodec.writeLinks(gz, new TreeMap<>(bySeq));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Map<Integer, Reconciliation> links(byte[] gz) {
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gz))) {
            return LinkDocumentCodec.readLinks(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
