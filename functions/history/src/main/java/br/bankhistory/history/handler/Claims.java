package br.bankhistory.history.handler;

import br.bankhistory.history.domain.Identity;
import br.bankhistory.history.domain.Tenants;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * The caller's identity from the JWT claims API Gateway verified (docs/architecture.md). Nothing else in the
 * request (query, body, headers) can name a tenant or a user.
 */
final class Claims {

    static final String TENANT = "custom:tenant_id";
    static final String USER_ID = "sub";
    static final String USER_NAME = "name";
    static final String GROUPS = "cognito:groups";
    static final String ADMIN_GROUP = "admin";

    private Claims() {
    }

    static Optional<Identity> identity(APIGatewayV2HTTPEvent event) {
        Map<String, String> claims = claims(event);
        String tenant = claims.get(TENANT);
        String userId = claims.get(USER_ID);
        if (!Tenants.isValidTenant(tenant) || userId == null || userId.isBlank()) {
            return Optional.empty();
        }
        String name = claims.getOrDefault(USER_NAME, userId);
        return Optional.of(new Identity(tenant, userId, name.isBlank() ? userId : name,
                isAdmin(claims.getOrDefault(GROUPS, ""))));
    }

    /** API Gateway renders a list claim as {@code [a b]} or {@code [a, b]}; a single group may be bare. */
    private static boolean isAdmin(String groups) {
        String bare = groups.replace("[", " ").replace("]", " ").replace(",", " ");
        return Arrays.stream(bare.split("\\s+")).anyMatch(ADMIN_GROUP::equals);
    }

    private static Map<String, String> claims(APIGatewayV2HTTPEvent event) {
        var context = event.getRequestContext();
        if (context == null || context.getAuthorizer() == null || context.getAuthorizer().getJwt() == null
                || context.getAuthorizer().getJwt().getClaims() == null) {
            return Map.of();
        }
        return context.getAuthorizer().getJwt().getClaims();
    }
}
