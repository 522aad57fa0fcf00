package br.bankhistory.bench;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs in a fresh JVM, as the Lambda runtime would: deserialise the event with the runtime's serialiser,
 * load and construct the handler (class initialisation), answer the first request. Prints the times as one
 * JSON line: {@code init} (class loading and construction) and {@code firstResponse} (init plus the first
 * invocation), in milliseconds, and the JVM's uptime when done.
 */
public final class ColdStartProbe {

    private ColdStartProbe() {
    }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        String handlerClass = args[0];
        Class<?> eventType = Class.forName(args[1]);
        String json = Files.readString(Path.of(args[2]));
        Object event = LambdaEventSerializers.serializerFor(eventType, ColdStartProbe.class.getClassLoader())
                .fromJson(json);
        @SuppressWarnings("unchecked")
        RequestHandler<Object, Object> handler = (RequestHandler<Object, Object>) Class.forName(handlerClass)
                .getDeclaredConstructor().newInstance();
        long constructed = System.nanoTime();
        Object response = handler.handleRequest(event, null);
        long answered = System.nanoTime();
        if (response == null) {
            throw new IllegalStateException("no response");
        }
        System.out.printf("{\"init\":%.1f,\"firstResponse\":%.1f,\"uptime\":%d}%n",
                (constructed - start) / 1e6, (answered - start) / 1e6,
                java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
    }
}
