package br.bankhistory.history.domain;


import java.util.Optional;

/**
 * Where an object was written, which says whose it is and how it came. The tenant comes only from the key
 * prefix the writer is confined to:
 * <ul>
 *   <li>{@code inbound/{tenant}/{file}}: dropped by the bank's SFTP/VAN (automatic);</li>
 *   <li>{@code uploads/{tenant}/{userId}/{uploadId}/{file}} (or without the upload id): a manual import
 *       through a presigned upload;</li>
 *   <li>{@code outbound/{tenant}/{file}}: a remessa written by the ERP or this service.</li>
 * </ul>
 *
 * @param userIdFromKey the user segment of an upload key, empty otherwise
 */
public record ObjectPlace(Area area, String tenant, String userIdFromKey, String fileName) {

    public enum Area { INBOUND, UPLOADS, OUTBOUND }

    private static final int MAX_KEY_LENGTH = 1024;
    private static final int MAX_FILE_NAME_LENGTH = 255;

    /** The place of a key, or empty with no exception when the key is not one the service accepts. */
    public static Optional<ObjectPlace> of(String key) {
        if (key == null || key.isEmpty() || key.length() > MAX_KEY_LENGTH || key.indexOf('\\') >= 0
                || key.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return Optional.empty();
        }
        String[] parts = key.split("/", -1);
        for (String part : parts) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                return Optional.empty();
            }
        }
        return switch (parts[0]) {
            case "inbound" -> parts.length == 3 ? place(Area.INBOUND, parts[1], "", parts[2]) : Optional.empty();
            case "outbound" -> parts.length == 3 ? place(Area.OUTBOUND, parts[1], "", parts[2]) : Optional.empty();
            case "uploads" -> (parts.length == 4 || parts.length == 5) && Tenants.isValidUserId(parts[2])
                    ? place(Area.UPLOADS, parts[1], parts[2], parts[parts.length - 1])
                    : Optional.empty();
            default -> Optional.empty();
        };
    }

    private static Optional<ObjectPlace> place(Area area, String tenant, String user, String fileName) {
        if (!Tenants.isValidTenant(tenant) || fileName.length() > MAX_FILE_NAME_LENGTH || fileName.startsWith(".")) {
            return Optional.empty();
        }
        return Optional.of(new ObjectPlace(area, tenant, user, fileName));
    }
}
