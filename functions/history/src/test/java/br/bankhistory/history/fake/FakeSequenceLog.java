package br.bankhistory.history.fake;

import br.bankhistory.history.port.SequenceLog;

import java.util.HashMap;
import java.util.Map;

/**
 * {@link SequenceLog} in memory, with the adapter's conditions: per account the highest NSA seen in a file
 * (and the record that carried it) and the highest issued here; issuing is a compare-and-set against both.
 */
public final class FakeSequenceLog implements SequenceLog {

    /** {@code seen} and {@code issued} are null until first set, as the adapter's attributes are absent. */
    private record Account(Long seen, String seenBy, Long issued) {
    }

    private final Map<String, Account> accounts = new HashMap<>();

    @Override
    public synchronized long last(String tenant, String accountKey) {
        Account account = accounts.get(key(tenant, accountKey));
        return account == null ? 0 : Math.max(orZero(account.seen()), orZero(account.issued()));
    }

    @Override
    public synchronized boolean issue(String tenant, String accountKey, long expectedLast, long next) {
        Account account = accounts.getOrDefault(key(tenant, accountKey), new Account(null, null, null));
        boolean unmoved = (account.seen() == null || account.seen() <= expectedLast)
                && (account.issued() == null || account.issued() <= expectedLast);
        if (unmoved) {
            accounts.put(key(tenant, accountKey), new Account(account.seen(), account.seenBy(), next));
        }
        return unmoved;
    }

    @Override
    public synchronized void takeBack(String tenant, String accountKey, long issued) {
        Account account = accounts.get(key(tenant, accountKey));
        if (account != null && account.issued() != null && account.issued() == issued
                && (account.seen() == null || account.seen() < issued)) {
            accounts.put(key(tenant, accountKey), new Account(account.seen(), account.seenBy(), issued - 1));
        }
    }

    @Override
    public synchronized Observation observe(String tenant, String accountKey, long nsa, String recordId) {
        Account account = accounts.getOrDefault(key(tenant, accountKey), new Account(null, null, null));
        if (account.seen() == null || account.seen() < nsa) {
            accounts.put(key(tenant, accountKey), new Account(nsa, recordId, account.issued()));
            if (account.seen() == null) {
                return new Observation(Kind.FIRST, 0);
            }
            return new Observation(nsa == account.seen() + 1 ? Kind.NEXT : Kind.GAP, account.seen());
        }
        boolean sameFileAgain = account.seen() == nsa && recordId.equals(account.seenBy());
        return new Observation(sameFileAgain ? Kind.NEXT : Kind.REPEATED, account.seen());
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }

    private static String key(String tenant, String accountKey) {
        return tenant + "\u0000" + accountKey;
    }
}
