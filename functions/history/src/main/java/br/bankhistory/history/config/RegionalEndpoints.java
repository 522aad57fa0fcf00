package br.bankhistory.history.config;

import software.amazon.awssdk.endpoints.Endpoint;
import software.amazon.awssdk.regions.Region;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The endpoint of a JSON-protocol service (DynamoDB, its streams, SQS, EventBridge, SESv2, Transfer Family) as
 * its endpoint rules give it in the common case, without running the rules: the configured endpoint when there
 * is one, otherwise {@code https://<prefix>.<region>.amazonaws.com} for a region of the commercial partition.
 * The rules' first use parses every partition's data and costs a few hundred milliseconds of a cold start
 * (docs/benchmarks.md, "Endpoints and service metadata"). Anything else (FIPS, dual-stack, another partition)
 * goes to the SDK's own rules, so the answer never differs from theirs.
 */
final class RegionalEndpoints {

    /** The commercial partition's regions (us-east-1, sa-east-1, ap-southeast-7...); not us-gov-*, cn-*, iso. */
    private static final Pattern COMMERCIAL = Pattern.compile("(us|eu|ap|sa|ca|me|af|il|mx)-[a-z]+-\\d+");

    private RegionalEndpoints() {
    }

    /**
     * @param prefix     the service's endpoint prefix ({@code dynamodb}, {@code sqs}...)
     * @param endpoint   the endpoint parameter of the request (the configured override), or null
     * @param sdkDefault the SDK's own rules, for every case this class does not answer
     */
    static CompletableFuture<Endpoint> resolve(String prefix, Region region, String endpoint, Boolean fips,
                                               Boolean dualStack, Supplier<CompletableFuture<Endpoint>> sdkDefault) {
        if (endpoint != null) {
            return at(URI.create(endpoint));
        }
        if (region == null || Boolean.TRUE.equals(fips) || Boolean.TRUE.equals(dualStack)
                || !COMMERCIAL.matcher(region.id()).matches()) {
            return sdkDefault.get();
        }
        return at(URI.create("https://" + prefix + "." + region.id() + ".amazonaws.com"));
    }

    private static CompletableFuture<Endpoint> at(URI url) {
        return CompletableFuture.completedFuture(Endpoint.builder().url(url).build());
    }
}
