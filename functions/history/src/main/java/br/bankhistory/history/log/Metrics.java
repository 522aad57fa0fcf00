package br.bankhistory.history.log;

import java.io.PrintStream;
import java.time.Clock;

/**
 * Counters in CloudWatch embedded metric format: one JSON line on stdout per data point, which CloudWatch
 * Logs turns into a metric of namespace {@code BankHistory} (no API call, no dependency).
 */
public final class Metrics {

    public static final String NAMESPACE = "BankHistory";

    private final PrintStream out;
    private final Clock clock;

    public Metrics(PrintStream out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    public static Metrics stdout() {
        return new Metrics(System.out, Clock.systemUTC());
    }

    /** Adds {@code value} to metric {@code name} (a name of letters only: no escaping needed). */
    public void count(String name, long value) {
        out.println("{\"_aws\":{\"Timestamp\":" + clock.millis() + ",\"CloudWatchMetrics\":[{\"Namespace\":\""
                + NAMESPACE + "\",\"Dimensions\":[[]],\"Metrics\":[{\"Name\":\"" + name + "\",\"Unit\":\"Count\"}]}]},\""
                + name + "\":" + value + "}");
    }
}
