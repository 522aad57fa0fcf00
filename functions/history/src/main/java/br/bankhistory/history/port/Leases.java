package br.bankhistory.history.port;

import java.time.Instant;

/**
 * Short exclusive leases per tenant: one holder at a time does a piece of work that must not interleave with
 * another's (two retornos of one bank applying their title events). A holder that dies keeps the lease until
 * it expires.
 */
public interface Leases {

    /** Takes the lease for {@code owner} until {@code until}, unless another live holder has it. */
    boolean acquire(String tenant, String name, String owner, Instant now, Instant until);

    /** Gives the lease up, if {@code owner} still holds it. */
    void release(String tenant, String name, String owner);
}
