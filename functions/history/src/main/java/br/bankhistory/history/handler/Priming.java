package br.bankhistory.history.handler;

import br.bankhistory.history.log.JsonLog;
import br.bankhistory.history.log.LogContext;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

import br.bankhistory.history.wiring.ApiWiring;
import br.bankhistory.history.wiring.FollowUpWiring;
import br.bankhistory.history.wiring.IngestWiring;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * SnapStart priming (docs/benchmarks.md, "Cold start"): before Lambda takes the snapshot of an initialised
 * sandbox, one request of the function's own kind is run through its handler against a wiring whose every AWS
 * endpoint is a closed local port, so it reaches no real service, writes nothing and fails fast; what it loads
 * and warms (the handler, Jackson's serialisers, the SDK's marshallers, signer and HTTP client, the engine) is in
 * the snapshot, and the first real request after a restore does not pay for it. After a restore nothing needs
 * refreshing: credentials are read from the environment on each call, no connection is kept open by the
 * wiring, and ids are drawn from {@link java.security.SecureRandom}, which Lambda's Java runtimes reseed on
 * restore.
 *
 * <p>Outside a CRaC-enabled JVM (tests, the local stack, Lambda without SnapStart) registering does nothing and
 * the hooks never run; the tests call them directly.
 */
public final class Priming implements Resource {

    private static final JsonLog LOG = JsonLog.of(Priming.class);
    /** The request id of the priming request's log lines, so nobody mistakes its expected failure for a fault. */
    static final String REQUEST_ID = "snapstart-priming";

    private final Class<?> handler;
    private final Supplier<String> request;
    private final Runnable buildAll;
    private final AtomicInteger primed = new AtomicInteger();
    private final AtomicInteger restored = new AtomicInteger();

    private volatile String outcome = "";

    private Priming(Class<?> handler, Supplier<String> request, Runnable buildAll) {
        this.handler = handler;
        this.request = request;
        this.buildAll = buildAll;
    }

    /**
     * The Api function's: {@code GET /integrations} by an administrator, its most common route; then every
     * route's use case of the function's own wiring is built (they are otherwise built at a route's first
     * request), so the snapshot holds them.
     */
    static Priming forApi(ApiWiring wiring) {
        return new Priming(ApiHandler.class, () -> "answered " + new ApiHandler(ApiWiring.create(
                PrimingRequests.unreachable(wiring.config()))).handleRequest(PrimingRequests.listIntegrations(),
                PrimingRequests.context()).getStatusCode(), wiring::buildAll);
    }

    /** The Ingest function's: the S3 notification of a bank file dropped for a tenant. */
    static Priming forIngest(IngestWiring wiring) {
        return new Priming(IngestHandler.class, () -> "recorded " + new IngestHandler(IngestWiring.create(
                PrimingRequests.unreachable(wiring.config()))).handleRequest(
                PrimingRequests.objectCreated(wiring.config().bucketName()), PrimingRequests.context()).outcomes(),
                () -> { });
    }

    /** The FollowUp function's: a follow-up message asking for a record to be processed. */
    static Priming forFollowUp(FollowUpWiring wiring) {
        return new Priming(FollowUpHandler.class, () -> "failed items " + new FollowUpHandler(FollowUpWiring.create(
                PrimingRequests.unreachable(wiring.config()))).handleRequest(PrimingRequests.followUp(),
                PrimingRequests.context()).getBatchItemFailures().size(), () -> { });
    }

    /**
     * Registers the hooks of a function; keep the returned object referenced (CRaC holds resources weakly), as
     * the handlers' production holders do.
     */
    static Priming register(Priming priming) {
        Core.getGlobalContext().register(priming);
        return priming;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        long start = System.nanoTime();
        LOG.info("snapstart.priming", Map.of("function", handler.getSimpleName(),
                "note", "one request against closed local endpoints; its failure lines are expected"));
        try {
            outcome = request.get();
        } catch (RuntimeException expected) {
            // the request was meant to fail at its first AWS call: what it loaded is what counts
            outcome = "failed: " + expected;
        }
        buildAll.run();
        LogContext.coldAgain(handler);
        primed.incrementAndGet();
        LOG.info("snapstart.primed", Map.of("function", handler.getSimpleName(), "outcome", outcome,
                "millis", (System.nanoTime() - start) / 1_000_000));
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        restored.incrementAndGet();
        LOG.info("snapstart.restored", Map.of("function", handler.getSimpleName()));
    }

    /** What the priming request came to (its answer, or the failure it was meant to meet). */
    String outcome() {
        return outcome;
    }

    int primed() {
        return primed.get();
    }

    int restored() {
        return restored.get();
    }
}
