package br.bankhistory.history.command;

import br.bankhistory.history.domain.InvalidRequestException;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Refusals gathered over the whole request, shown together (the first few, all counted). */
public final class RequestErrors {

    private static final int ERRORS_SHOWN = 10;

    private final Set<String> messages = new LinkedHashSet<>();
    private long count;

    public void add(String message) {
        if (messages.add(message)) {
            count++;
        }
    }

    public boolean isEmpty() {
        return count == 0;
    }

    public void throwIfAny() {
        if (count == 0) {
            return;
        }
        List<String> shown = messages.stream().limit(ERRORS_SHOWN).toList();
        if (count == 1) {
            throw new InvalidRequestException(shown.get(0));
        }
        String more = count > shown.size() ? " (e mais " + (count - shown.size()) + ")" : "";
        String all = String.join(" | ", shown) + more;
        throw new InvalidRequestException(count + " problemas na remessa: " + all + (all.endsWith(".") ? "" : "."));
    }
}
