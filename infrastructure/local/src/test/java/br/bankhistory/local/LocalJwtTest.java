package br.bankhistory.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class LocalJwtTest {

  private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
  private final LocalJwt jwt = new LocalJwt("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII),
      JsonMapper.builder().build(), Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void aMintedTokenGivesTheClaimsAsApiGatewayPassesThem() {
    String token = jwt.mint(new LocalIdentity("acme", "ana", "Ana Souza", true), Duration.ofHours(1));

    assertThat(jwt.verify(token)).hasValueSatisfying(claims -> assertThat(claims)
        .containsEntry("custom:tenant_id", "acme")
        .containsEntry("sub", "ana")
        .containsEntry("name", "Ana Souza")
        .containsEntry("cognito:groups", "[admin]")
        .containsEntry("iss", LocalJwt.ISSUER)
        .containsEntry("exp", Long.toString(NOW.getEpochSecond() + 3600)));
  }

  @Test
  void aUserWithoutAdminRoleHasNoGroups() {
    String token = jwt.mint(new LocalIdentity("acme", "bruno", "Bruno Lima", false), Duration.ofHours(1));

    assertThat(jwt.verify(token)).hasValueSatisfying(claims -> assertThat(claims).doesNotContainKey("cognito:groups"));
  }

  @Test
  void aTamperedPayloadIsRejected() {
    String token = jwt.mint(new LocalIdentity("acme", "ana", "Ana", true), Duration.ofHours(1));
    String[] parts = token.split("\\.");
    String forged = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("acme", "evil");
    String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
        .encodeToString(forged.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

    assertThat(jwt.verify(tampered)).isEmpty();
  }

  @Test
  void anotherSecretsTokenIsRejected() {
    LocalJwt other = LocalJwt.withRandomSecret(JsonMapper.builder().build());

    assertThat(jwt.verify(other.mint(LocalIdentity.demoAdmin(), Duration.ofHours(1)))).isEmpty();
  }

  @Test
  void anExpiredTokenIsRejected() {
    LocalJwt earlier = new LocalJwt("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII),
        JsonMapper.builder().build(), Clock.fixed(NOW.minus(Duration.ofHours(2)), ZoneOffset.UTC));

    assertThat(jwt.verify(earlier.mint(LocalIdentity.demoAdmin(), Duration.ofHours(1)))).isEmpty();
  }

  @Test
  void garbageIsRejected() {
    assertThat(jwt.verify("not-a-token")).isEmpty();
    assertThat(jwt.verify("a.b.c")).isEmpty();
    assertThat(jwt.verify("")).isEmpty();
    assertThat(jwt.verify(null)).isEmpty();
  }

  @Test
  void anUnsignedTokenIsRejected() {
    String token = jwt.mint(LocalIdentity.demoAdmin(), Duration.ofHours(1));
    String[] parts = token.split("\\.");
    String none = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));

    assertThat(jwt.verify(none + "." + parts[1] + ".")).isEmpty();
  }
}
