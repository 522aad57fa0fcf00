package br.bankhistory.history.query;

import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.domain.InvalidRequestException;
import br.bankhistory.history.domain.OurNumbers;
import br.bankhistory.history.domain.StoredItem;
import br.bankhistory.history.port.ItemStore;
import br.bankhistory.history.port.RecordStore;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where a title or payment appears across all of a tenant's files: registered, paid, rejected... */
public final class FindItems {

    public static final int LIMIT = 100;

    private final RecordStore records;
    private final ItemStore items;

    public FindItems(RecordStore records, ItemStore items) {
        this.records = records;
        this.items = items;
    }

    public List<Hit> byOurNumber(String tenant, String ourNumber) {
        String key = OurNumbers.key(ourNumber);
        if (key.isEmpty() || key.length() > 40) {
            throw new InvalidRequestException("Informe o nosso número (até 40 letras e dígitos).");
        }
        Map<String, Optional<IntegrationRecord>> files = new HashMap<>();
        return items.findByOurNumber(tenant, key, LIMIT).stream()
                .map(item -> new Hit(item, files.computeIfAbsent(item.recordId(), id -> records.find(tenant, id))))
                .filter(hit -> hit.record().isPresent())
                .toList();
    }

    public record Hit(StoredItem item, Optional<IntegrationRecord> record) {
    }
}
