package br.bankhistory.local;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The S3 {@code ObjectCreated:Put} notification AWS sends the Ingest function (event version 2.1), rendered
 * as JSON and read back with the managed Java runtime's own deserialiser. (s3proxy has no bucket
 * notifications, so the local stack sends them itself.)
 */
final class S3Events {

  private final ObjectMapper json;
  private final String region;
  private final PojoSerializer<S3Event> serializer;
  private final AtomicLong sequencer = new AtomicLong(System.currentTimeMillis() * 1_000);

  S3Events(ObjectMapper json, String region) {
    this.json = json;
    this.region = region;
    this.serializer = LambdaEventSerializers.serializerFor(S3Event.class, S3Events.class.getClassLoader());
  }

  S3Event objectCreated(String bucket, String key, long size, String eTag, Instant eventTime) {
    return serializer.fromJson(render(bucket, key, size, eTag, eventTime).toString());
  }

  ObjectNode render(String bucket, String key, long size, String eTag, Instant eventTime) {
    ObjectNode event = json.createObjectNode();
    ObjectNode record = event.putArray("Records").addObject();
    record.put("eventVersion", "2.1");
    record.put("eventSource", "aws:s3");
    record.put("awsRegion", region);
    record.put("eventTime", eventTime.toString());
    record.put("eventName", "ObjectCreated:Put");
    record.putObject("userIdentity").put("principalId", "AWS:AROALOCALSTACK:local-drop-folder");
    record.putObject("requestParameters").put("sourceIPAddress", "127.0.0.1");
    record.putObject("responseElements")
        .put("x-amz-request-id", hex(8))
        .put("x-amz-id-2", hex(32));
    ObjectNode s3 = record.putObject("s3");
    s3.put("s3SchemaVersion", "1.0");
    s3.put("configurationId", "local-stack");
    s3.putObject("bucket")
        .put("name", bucket)
        .put("arn", "arn:aws:s3:::" + bucket)
        .putObject("ownerIdentity").put("principalId", "LOCALSTACKOWNER");
    s3.putObject("object")
        .put("key", encodeKey(key))
        .put("size", size)
        .put("eTag", eTag)
        .put("sequencer", String.format("%016X", sequencer.incrementAndGet()));
    return event;
  }

  /** Keys arrive URL-encoded as in an HTML form (a space is {@code +}), with the slashes left as they are. */
  static String encodeKey(String key) {
    return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/");
  }

  private static String hex(int bytes) {
    StringBuilder out = new StringBuilder(bytes * 2);
    for (int i = 0; i < bytes; i++) {
      out.append(String.format("%02X", ThreadLocalRandom.current().nextInt(256)));
    }
    return out.toString();
  }
}
