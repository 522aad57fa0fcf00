package br.bankhistory.history.titles;

import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.domain.RecordEvents;
import br.bankhistory.history.domain.StoredItem;
import br.bankhistory.history.port.ItemStore;

import java.util.List;

/** The titles an event about a record lists: all of them when they are few (one chunk read), else none. */
public final class EventTitles {

    private EventTitles() {
    }

    public static List<StoredItem> of(ItemStore items, IntegrationRecord record) {
        return RecordEvents.listsTitles(record) ? items.itemsOfChunk(record.tenant(), record.id(), 0) : List.of();
    }
}
