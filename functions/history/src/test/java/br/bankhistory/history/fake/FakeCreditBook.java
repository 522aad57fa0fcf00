package br.bankhistory.history.fake;

import br.bankhistory.history.domain.CreditDay;
import br.bankhistory.history.domain.RecordCredits;
import br.bankhistory.history.port.CreditBook;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@link CreditBook} in memory: each day and each file's side kept whole by key, the last write winning. */
public final class FakeCreditBook implements CreditBook {

    private final Map<String, CreditDay> days = new ConcurrentHashMap<>();
    private final Map<String, RecordCredits> sides = new ConcurrentHashMap<>();

    @Override
    public CreditDay day(String tenant, String bank, LocalDate date) {
        return days.getOrDefault(dayKey(tenant, bank, date), CreditDay.empty(bank, date));
    }

    @Override
    public void putDay(String tenant, CreditDay day) {
        String key = dayKey(tenant, day.bank(), day.date());
        if (day.isEmpty()) {
            days.remove(key);
        } else {
            days.put(key, day);
        }
    }

    @Override
    public RecordCredits credits(String tenant, String recordId) {
        return sides.getOrDefault(tenant + "/" + recordId, RecordCredits.none(recordId));
    }

    @Override
    public void putCredits(String tenant, RecordCredits credits) {
        sides.put(tenant + "/" + credits.recordId(), credits);
    }

    private static String dayKey(String tenant, String bank, LocalDate date) {
        return tenant + "/" + bank + "/" + date;
    }
}
