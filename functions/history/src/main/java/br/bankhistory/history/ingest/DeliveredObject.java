package br.bankhistory.history.ingest;

import java.time.Instant;

/**
 * One object-created notification, as delivered (possibly more than once).
 *
 * @param key       the object key, already URL-decoded
 * @param version   what tells two writes of the same key apart: the event's sequencer, else the ETag
 * @param eventTime when S3 received the object; the record's receipt time
 */
public record DeliveredObject(String bucket, String key, long sizeBytes, String version, Instant eventTime) {
}
