package br.bankhistory.history.port;

import java.time.Duration;

/** The delivery queue, whose message wakes a remessa's delivery step: kept and shown again after a wait. */
public interface DeliveryQueue {

    /** The received message {@code receiptHandle} comes back after {@code after} (at most 12 hours). */
    void postpone(String receiptHandle, Duration after);
}
