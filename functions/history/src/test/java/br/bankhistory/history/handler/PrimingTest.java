package br.bankhistory.history.handler;

import br.bankhistory.history.Services;
import br.bankhistory.history.support.Api;
import br.bankhistory.history.support.HistoryEnvironment;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SnapStart's hooks, called as Lambda calls them around a snapshot: each function's priming request runs through
 * its real handler, reaches no service (its storage stays untouched) and fails only at its first AWS call; after
 * the restore the same sandbox's wiring serves real requests.
 */
class PrimingTest {

    private static HistoryEnvironment environment;

    @BeforeAll
    static void startEmulators() {
        environment = HistoryEnvironment.start();
    }

    @AfterAll
    static void stopEmulators() {
        environment.close();
    }

    @Test
    void each_function_primes_through_its_handler_without_touching_storage_and_serves_after_the_restore() {
        Services services = environment.freshServices();
        Api.ingest(services, "inbound/acme/caixa.ret", "laravel-boleto/caixa.ret", java.util.Map.of(),
                "2026-11-22T12:00:00.000Z");
        Priming api = Priming.forApi(services.api());
        Priming ingest = Priming.forIngest(services.ingest());
        Priming followUp = Priming.forFollowUp(services.followUp());

        for (Priming priming : List.of(api, ingest, followUp)) {
            priming.beforeCheckpoint(null);
        }

        // each request went the whole way to its first AWS call, which a closed port refused
        assertThat(api.outcome()).isEqualTo("answered 500");
        assertThat(ingest.outcome()).startsWith("failed: ").contains("SdkClientException");
        assertThat(followUp.outcome()).isEqualTo("failed items 1");
        assertThat(List.of(api, ingest, followUp)).allSatisfy(p -> assertThat(p.primed()).isEqualTo(1));
        // nothing of the priming tenant reached the real storage
        JsonNode primingTenant = Api.json(Api.admin(services, "snapstart-priming")
                .call("api-list-integrations.json", e -> { }), 200);
        assertThat(primingTenant.get("items")).isEmpty();
        assertThat(services.s3().listObjectsV2(r -> r.bucket(services.config().bucketName())
                .prefix("inbound/snapstart-priming/")).contents()).isEmpty();

        for (Priming priming : List.of(api, ingest, followUp)) {
            priming.afterRestore(null);
        }

        assertThat(List.of(api, ingest, followUp)).allSatisfy(p -> assertThat(p.restored()).isEqualTo(1));
        JsonNode acme = Api.json(Api.admin(services, "acme").call("api-list-integrations.json",
                e -> { }), 200);
        assertThat(acme.get("items")).hasSize(1);
    }
}
