package br.bankhistory.history.domain;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * Record ids: {@code yyyyMMddHHmmssSSS-xxxxxxxxxxxx}, the receipt time (UTC) then 12 hex digits of the
 * delivered object's identity. They sort by receipt time and are the same on every delivery of one object.
 */
public final class RecordIds {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS")
            .withZone(ZoneOffset.UTC);
    private static final Pattern SHAPE = Pattern.compile("\\d{17}-[0-9a-f]{12}");

    private RecordIds() {
    }

    public static String of(Instant receivedAt, String objectIdentityHex) {
        return TIME.format(receivedAt) + "-" + objectIdentityHex.substring(0, 12);
    }

    public static boolean isValid(String id) {
        return id != null && SHAPE.matcher(id).matches();
    }
}
