package br.bankhistory.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The local stand-in for the Cognito user pool: HS256 tokens signed with a secret drawn at start-up and
 * issued by {@value #ISSUER}. The deployed API's JWT authorizer trusts only its Cognito issuer and its
 * published RS256 keys, so it can never accept one of these.
 */
public final class LocalJwt {

  public static final String ISSUER = "urn:local-stack";
  public static final String AUDIENCE = "local-stack";

  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder BASE64URL_DECODER = Base64.getUrlDecoder();
  private static final String HEADER = BASE64URL.encodeToString(
      "{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

  private final SecretKeySpec key;
  private final ObjectMapper json;
  private final Clock clock;

  LocalJwt(byte[] secret, ObjectMapper json, Clock clock) {
    this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
    this.json = json;
    this.clock = clock;
  }

  /** A signer with a fresh random secret: tokens are valid until this process stops. */
  public static LocalJwt withRandomSecret(ObjectMapper json) {
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    return new LocalJwt(secret, json, Clock.systemUTC());
  }

  /** A signed token for the identity, valid for {@code ttl}. */
  public String mint(LocalIdentity identity, Duration ttl) {
    long now = clock.instant().getEpochSecond();
    ObjectNode claims = json.createObjectNode()
        .put("iss", ISSUER)
        .put("aud", AUDIENCE)
        .put("sub", identity.userId())
        .put("name", identity.name())
        .put("custom:tenant_id", identity.tenant())
        .put("token_use", "id")
        .put("iat", now)
        .put("exp", now + ttl.toSeconds());
    if (identity.admin()) {
      claims.putArray("cognito:groups").add("admin");
    }
    String signingInput = HEADER + "." + BASE64URL.encodeToString(write(claims));
    return signingInput + "." + BASE64URL.encodeToString(sign(signingInput));
  }

  /**
   * The token's claims as API Gateway's JWT authorizer hands them to the function (every value a string,
   * arrays as {@code [a b]}), or empty when the signature, issuer, algorithm or expiry is wrong.
   */
  public Optional<Map<String, String>> verify(String token) {
    String[] parts = token == null ? new String[0] : token.split("\\.", -1);
    if (parts.length != 3) {
      return Optional.empty();
    }
    try {
      JsonNode header = json.readTree(BASE64URL_DECODER.decode(parts[0]));
      byte[] signature = BASE64URL_DECODER.decode(parts[2]);
      if (!"HS256".equals(header.path("alg").asText())
          || !MessageDigest.isEqual(signature, sign(parts[0] + "." + parts[1]))) {
        return Optional.empty();
      }
      JsonNode claims = json.readTree(BASE64URL_DECODER.decode(parts[1]));
      if (!ISSUER.equals(claims.path("iss").asText())
          || !claims.path("exp").canConvertToLong()
          || claims.path("exp").asLong() <= clock.instant().getEpochSecond()) {
        return Optional.empty();
      }
      return Optional.of(asGatewayClaims(claims));
    } catch (IllegalArgumentException | java.io.IOException malformed) {
      return Optional.empty();
    }
  }

  private static Map<String, String> asGatewayClaims(JsonNode claims) {
    Map<String, String> flat = new LinkedHashMap<>();
    claims.fields().forEachRemaining(field -> flat.put(field.getKey(), gatewayValue(field.getValue())));
    return flat;
  }

  private static String gatewayValue(JsonNode value) {
    if (value.isArray()) {
      return StreamSupport.stream(value.spliterator(), false).map(JsonNode::asText)
          .collect(Collectors.joining(" ", "[", "]"));
    }
    return value.isValueNode() ? value.asText() : value.toString();
  }

  private byte[] sign(String signingInput) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  private byte[] write(JsonNode node) {
    try {
      return json.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
