package br.bankhistory.history.handler;

import br.bankhistory.history.command.GenerateRemittance;
import com.fasterxml.jackson.databind.JsonNode;

/** A {@code POST /remittances} body read as the API reads it, for the scheduled run's remessas. */
public final class RemittanceBodies {

    private RemittanceBodies() {
    }

    public static GenerateRemittance.Request parse(JsonNode body) {
        return RemittanceRequests.parse(body);
    }
}
