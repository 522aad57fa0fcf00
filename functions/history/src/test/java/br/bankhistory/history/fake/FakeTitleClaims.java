package br.bankhistory.history.fake;

import br.bankhistory.history.port.TitleClaims;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link TitleClaims} in memory, with the adapter's conditions and its atomicity: each title's claim changes
 * on its own (one title at a time, as the adapter's conditional write per item), never a remessa's titles
 * all at once.
 */
public final class FakeTitleClaims implements TitleClaims {

    private final Map<String, Holder> claims = new ConcurrentHashMap<>();

    @Override
    public Map<String, Holder> claim(String tenant, String objectKey, String fileName, List<Title> titles,
                                     Instant now) {
        Map<String, Title> byKey = new LinkedHashMap<>();
        titles.forEach(t -> byKey.putIfAbsent(t.key(), t));
        Map<String, Holder> held = new HashMap<>();
        for (Title title : byKey.values()) {
            Holder after = claims.compute(key(tenant, title.key()), (k, current) -> current != null ? current
                    : new Holder(objectKey, fileName, title.line(), now, ""));
            if (!after.objectKey().equals(objectKey)) {
                held.put(title.key(), after);
            }
        }
        return held;
    }

    @Override
    public boolean takeOver(String tenant, String objectKey, String fileName, Title title, Holder from, Instant now) {
        Holder mine = new Holder(objectKey, fileName, title.line(), now, "");
        Holder after = claims.compute(key(tenant, title.key()), (k, current) ->
                current == null || current.objectKey().equals(from.objectKey()) ? mine : current);
        return after == mine;
    }

    @Override
    public void settle(String tenant, String titleKey, String objectKey, String fileName, String byRetorno,
                       Instant now) {
        claims.compute(key(tenant, titleKey), (k, current) -> {
            if (current == null) {
                return new Holder(objectKey, fileName, 0, now, byRetorno);
            }
            return current.objectKey().equals(objectKey)
                    ? new Holder(objectKey, current.fileName(), current.line(), current.claimedAt(), byRetorno)
                    : current;
        });
    }

    @Override
    public void release(String tenant, String objectKey, List<String> titleKeys) {
        for (String titleKey : titleKeys) {
            claims.computeIfPresent(key(tenant, titleKey), (k, current) ->
                    current.objectKey().equals(objectKey) ? null : current);
        }
    }

    private static String key(String tenant, String titleKey) {
        return tenant + "\u0000" + titleKey;
    }
}
