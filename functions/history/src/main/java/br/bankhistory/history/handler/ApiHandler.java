package br.bankhistory.history.handler;

import br.bankhistory.history.wiring.ApiWiring;
import br.bankhistory.history.domain.ConflictException;
import br.bankhistory.history.domain.ForbiddenException;
import br.bankhistory.history.domain.Identity;
import br.bankhistory.history.domain.InvalidRequestException;
import br.bankhistory.history.domain.PayloadTooLargeException;
import br.bankhistory.history.idempotency.IdempotentRequests;
import br.bankhistory.history.log.JsonLog;
import br.bankhistory.history.log.LogContext;
import br.bankhistory.history.port.IdempotencyStore;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/** The HTTP API (payload format 2.0): routes each request to its use case and the result to a response. */
public final class ApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final JsonLog LOG = JsonLog.of(ApiHandler.class);

    private static final class Production {
        static final ApiWiring WIRING = ApiWiring.fromEnvironment();
        /** Held so the checkpoint hook stays registered (docs/benchmarks.md, "Cold start"). */
        static final Priming PRIMING = Priming.register(Priming.forApi(WIRING));
    }

    private final ApiWiring wiring;
    private final Supplier<ObjectMapper> json;
    private final Responses responses;
    private final ReadRoutes reads;
    private final WriteRoutes writes;

    /** The Lambda runtime's constructor: production wiring from the environment, built once per sandbox. */
    public ApiHandler() {
        this(Production.WIRING);
    }

    public ApiHandler(ApiWiring wiring) {
        this.wiring = wiring;
        // a class, not a method reference: resolving one would load ObjectMapper, named in its type
        this.json = new Supplier<>() {
            @Override
            public ObjectMapper get() {
                return wiring.json();
            }
        };
        this.responses = new Responses(json);
        this.reads = new ReadRoutes(wiring, responses);
        this.writes = new WriteRoutes(wiring, responses);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        try (LogContext log = LogContext.open(ApiHandler.class, requestId(event, context))) {
            ApiRequest request = new ApiRequest(event, json);
            Optional<Identity> identity = Claims.identity(event);
            if (identity.isEmpty()) {
                return responses.unauthorized(request.path());
            }
            APIGatewayV2HTTPResponse response;
            try {
                response = guarded(request, () -> request.mutating()
                        ? idempotent(request, identity.get(), () -> writes.route(request, identity.get()))
                        : reads.route(request, identity.get()));
            } catch (RuntimeException unexpected) {
                // Nobody planned for it: the caller gets a 500 naming the request, the log the whole story.
                LOG.error("api.failed", Map.of("route", request.route(), "tenant", identity.get().tenant(),
                        "error", String.valueOf(unexpected), "stack", JsonLog.stackTrace(unexpected)));
                response = responses.serverError(LogContext.requestId(), request.path());
            }
            LOG.info("api.request", Map.of("route", request.route(), "tenant", identity.get().tenant(),
                    "status", response.getStatusCode()));
            return response;
        }
    }

    /** The use cases' refusals as problem responses, in one place. */
    private APIGatewayV2HTTPResponse guarded(ApiRequest request, Supplier<APIGatewayV2HTTPResponse> action) {
        String instance = request.path();
        try {
            return action.get();
        } catch (InvalidRequestException e) {
            return responses.badRequest(e.getMessage(), instance, e.code());
        } catch (ForbiddenException e) {
            return responses.problem(403, "Acesso negado", e.getMessage(), instance);
        } catch (ConflictException e) {
            return responses.problem(409, "Conflito", e.getMessage(), instance);
        } catch (PayloadTooLargeException e) {
            return responses.problem(413, "Grande demais", e.getMessage(), instance);
        } catch (UnsupportedMediaTypeException e) {
            return responses.problem(415, "Tipo de conteúdo não aceito", e.getMessage(), instance);
        }
    }

    /**
     * With an {@code Idempotency-Key}, the request runs at most once ({@link IdempotentRequests}); without
     * one, it simply runs.
     */
    private APIGatewayV2HTTPResponse idempotent(ApiRequest request, Identity caller,
                                                Supplier<APIGatewayV2HTTPResponse> action) {
        Optional<String> key = request.header("idempotency-key");
        if (key.isEmpty()) {
            return action.get();
        }
        if (!key.get().matches("[A-Za-z0-9._:-]{8,128}")) {
            throw new InvalidRequestException("Idempotency-Key inválida (8 a 128 letras, dígitos, . _ : -).");
        }
        IdempotentRequests.Outcome outcome = wiring.idempotentRequests().run(new IdempotentRequests.Request(
                caller.tenant(), key.get(), request.route(), request.id(), caller.userId(), request.rawBody()),
                () -> {
                    APIGatewayV2HTTPResponse fresh = guarded(request, action);
                    return new IdempotencyStore.Answer(fresh.getStatusCode(), fresh.getBody());
                });
        String instance = request.path();
        if (outcome instanceof IdempotentRequests.Outcome.Fresh fresh) {
            return responses.replay(fresh.answer().status(), fresh.answer().body());
        }
        if (outcome instanceof IdempotentRequests.Outcome.Replayed replayed) {
            return responses.replay(replayed.answer().status(), replayed.answer().body());
        }
        if (outcome instanceof IdempotentRequests.Outcome.InProgress running) {
            return responses.inProgress(running.retryAfter(), instance);
        }
        return responses.problem(422, "Idempotency-Key reutilizada", "Esta Idempotency-Key já foi usada em outra "
                + "requisição (outra rota, outro registro, outro usuário ou outro corpo). Use uma chave nova para "
                + "cada requisição diferente.", instance);
    }

    private static String requestId(APIGatewayV2HTTPEvent event, Context context) {
        if (context != null && context.getAwsRequestId() != null) {
            return context.getAwsRequestId();
        }
        if (event.getRequestContext() != null && event.getRequestContext().getRequestId() != null) {
            return event.getRequestContext().getRequestId();
        }
        return UUID.randomUUID().toString();
    }


}
