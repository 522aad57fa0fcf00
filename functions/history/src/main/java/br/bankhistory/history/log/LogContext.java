package br.bankhistory.history.log;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What every log line of one invocation carries: the Lambda request id and whether the invocation was the
 * sandbox's first (a cold start). Handlers open it at the start of an invocation and close it at the end;
 * {@link JsonLog} reads it. Invocations of one sandbox are sequential, but the local stack and the tests run
 * several handlers on threads, so the context is per thread.
 */
public final class LogContext implements AutoCloseable {

    private static final ThreadLocal<LogContext> CURRENT = new ThreadLocal<>();
    /** Per function class: the first invocation of each handler class in this JVM is the cold one. */
    private static final ClassValue<AtomicBoolean> WARM = new ClassValue<>() {
        @Override
        protected AtomicBoolean computeValue(Class<?> type) {
            return new AtomicBoolean();
        }
    };

    private final String requestId;
    private final boolean coldStart;
    private final LogContext outer;

    private LogContext(String requestId, boolean coldStart, LogContext outer) {
        this.requestId = requestId;
        this.coldStart = coldStart;
        this.outer = outer;
    }

    /** Starts the context of one invocation of {@code handler} (the first per handler class is cold). */
    public static LogContext open(Class<?> handler, String requestId) {
        boolean cold = !WARM.get(handler).getAndSet(true);
        LogContext context = new LogContext(requestId == null ? "" : requestId, cold, CURRENT.get());
        CURRENT.set(context);
        return context;
    }

    /**
     * The next invocation of {@code handler} is a cold one again: after a priming request, which is no user's
     * invocation, so the first real one after a restore says it was cold.
     */
    public static void coldAgain(Class<?> handler) {
        WARM.get(handler).set(false);
    }

    /** The request id of the invocation running on this thread, or empty outside one. */
    public static String requestId() {
        LogContext context = CURRENT.get();
        return context == null ? "" : context.requestId;
    }

    static LogContext current() {
        return CURRENT.get();
    }

    String id() {
        return requestId;
    }

    boolean cold() {
        return coldStart;
    }

    @Override
    public void close() {
        if (outer == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(outer);
        }
    }
}
