package br.bankhistory.history.config;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.endpoints.Endpoint;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.endpoints.DynamoDbEndpointParams;
import software.amazon.awssdk.services.dynamodb.endpoints.DynamoDbEndpointProvider;
import software.amazon.awssdk.services.sqs.endpoints.SqsEndpointParams;
import software.amazon.awssdk.services.sqs.endpoints.SqsEndpointProvider;

import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The endpoints resolved without the SDK's rules are the ones the rules give (docs/benchmarks.md). */
class RegionalEndpointsTest {

    private static final List<Region> REGIONS = List.of(Region.US_EAST_1, Region.SA_EAST_1, Region.EU_WEST_1,
            Region.AP_SOUTHEAST_2, Region.CN_NORTH_1, Region.US_GOV_WEST_1);

    @Test
    void dynamoDbAsTheRulesGiveIt() {
        for (Region region : REGIONS) {
            for (boolean fips : List.of(false, true)) {
                var params = DynamoDbEndpointParams.builder().region(region).useFips(fips).useDualStack(false).build();
                assertThat(url(resolve("dynamodb", params.region(), params.endpoint(), params.useFips(),
                        params.useDualStack(), DynamoDbEndpointProvider.defaultProvider().resolveEndpoint(params)
                                .join())))
                        .as("%s fips=%s", region, fips)
                        .isEqualTo(DynamoDbEndpointProvider.defaultProvider().resolveEndpoint(params).join().url());
            }
        }
    }

    @Test
    void sqsAsTheRulesGiveIt() {
        for (Region region : REGIONS) {
            var params = SqsEndpointParams.builder().region(region).useFips(false).useDualStack(true).build();
            var plain = params.toBuilder().useDualStack(false).build();
            for (var p : List.of(params, plain)) {
                Endpoint sdk = SqsEndpointProvider.defaultProvider().resolveEndpoint(p).join();
                assertThat(url(resolve("sqs", p.region(), p.endpoint(), p.useFips(), p.useDualStack(), sdk)))
                        .as("%s dualstack=%s", region, p.useDualStack()).isEqualTo(sdk.url());
            }
        }
    }

    @Test
    void theConfiguredEndpointWins() {
        var params = DynamoDbEndpointParams.builder().region(Region.US_EAST_1).useFips(false).useDualStack(false)
                .endpoint("http://localhost:8000").build();
        assertThat(url(resolve("dynamodb", params.region(), params.endpoint(), false, false, null)))
                .isEqualTo(URI.create("http://localhost:8000"))
                .isEqualTo(DynamoDbEndpointProvider.defaultProvider().resolveEndpoint(params).join().url());
    }

    private static Endpoint resolve(String prefix, Region region, String endpoint, Boolean fips, Boolean dualStack,
                                    Endpoint sdk) {
        return RegionalEndpoints.resolve(prefix, region, endpoint, fips, dualStack,
                () -> java.util.concurrent.CompletableFuture.completedFuture(sdk)).join();
    }

    private static URI url(Endpoint endpoint) {
        return endpoint.url();
    }
}
