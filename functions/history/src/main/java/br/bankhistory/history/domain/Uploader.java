package br.bankhistory.history.domain;


import java.util.Map;

/**
 * Who a file is attributed to (docs/architecture.md): the user named in the object's metadata (written by the
 * service itself or signed into the presigned upload), else the bank integration.
 *
 * <p>Metadata keys are {@code user-id} and {@code user-name}; the name is percent-encoded UTF-8 because S3
 * metadata travels in HTTP headers, which are ASCII.
 */
public record Uploader(Origin origin, String userId, String userName) {


    public static Uploader of(ObjectPlace place, Map<String, String> metadata) {
        String metadataUser = metadata.getOrDefault(ObjectMetadata.USER_ID, "").strip();
        String userId = place.area() == ObjectPlace.Area.UPLOADS ? place.userIdFromKey() : metadataUser;
        if (userId.isEmpty()) {
            return new Uploader(Origin.AUTOMATIC, "", Identity.INTEGRATION_USER_NAME);
        }
        String name = ObjectMetadata.decode(metadata.getOrDefault(ObjectMetadata.USER_NAME, ""));
        return new Uploader(Origin.MANUAL, userId, name.isBlank() ? userId : name);
    }
}
