package br.bankhistory.local;

import java.util.regex.Pattern;

/**
 * Who a locally minted token speaks for: the claims the deployed API reads from Cognito
 * ({@code custom:tenant_id}, {@code sub}, {@code name}, {@code cognito:groups}).
 */
public record LocalIdentity(String tenant, String userId, String name, boolean admin) {

  private static final Pattern TENANT = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
  private static final Pattern USER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,127}");

  public LocalIdentity {
    if (tenant == null || !TENANT.matcher(tenant).matches()) {
      throw new IllegalArgumentException("tenant must match " + TENANT.pattern());
    }
    if (userId == null || !USER.matcher(userId).matches()) {
      throw new IllegalArgumentException("user must match " + USER.pattern());
    }
    if (name == null || name.isBlank()) {
      name = userId;
    }
  }

  /** The demo admin of the demo company. */
  public static LocalIdentity demoAdmin() {
    return new LocalIdentity("acme", "ana", "Ana Souza", true);
  }
}
