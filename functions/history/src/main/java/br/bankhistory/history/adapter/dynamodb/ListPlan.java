package br.bankhistory.history.adapter.dynamodb;

import br.bankhistory.history.domain.Accounts;
import br.bankhistory.history.domain.FileNames;
import br.bankhistory.history.domain.ListFilter;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.Page;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * How one filtered list is read: the most selective filter picks the index (none: the table itself), the
 * period becomes a range on the sort key, and any other filter is checked on each record read.
 */
final class ListPlan {

    /** Builds the exclusive start key positioned on a record, for the chosen index. */
    interface StartKeys {
        Map<String, AttributeValue> at(String tenant, String id, ListIndex index, String indexPartition);
    }

    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS")
            .withZone(ZoneOffset.UTC);
    /** Sorts after every record id that starts with a given time. */
    private static final String AFTER_ALL_SUFFIXES = "~";

    private final ListIndex index;
    private final String partition;
    private final Optional<String> lowestId;
    private final Optional<String> highestId;
    private final Predicate<RecordItem> rest;

    private ListPlan(ListIndex index, String partition, Optional<String> lowestId, Optional<String> highestId,
                     Predicate<RecordItem> rest) {
        this.index = index;
        this.partition = partition;
        this.lowestId = lowestId;
        this.highestId = highestId;
        this.rest = rest;
    }

    static ListPlan of(String tenant, ListFilter f) {
        List<Candidate> candidates = new ArrayList<>();
        f.userId().ifPresent(v -> candidates.add(new Candidate(ListIndex.USER, v, RecordItem::getUserKey)));
        f.account().ifPresent(v -> candidates.add(new Candidate(ListIndex.ACCOUNT, Accounts.accountKey(v),
                RecordItem::getAccountKey)));
        if (f.kind().isPresent() && f.bankCode().isPresent()) {
            candidates.add(new Candidate(ListIndex.KIND_BANK, f.kind().get().name() + "#" + f.bankCode().get(),
                    RecordItem::getKindBankKey));
        } else {
            f.bankCode().ifPresent(v -> candidates.add(new Candidate(ListIndex.BANK, v, RecordItem::getBankKey)));
            f.kind().ifPresent(v -> candidates.add(new Candidate(ListIndex.KIND, v.name(), RecordItem::getKindKey)));
        }
        f.status().ifPresent(v -> candidates.add(new Candidate(ListIndex.STATUS, v.name(), RecordItem::getStatusKey)));
        f.direction().ifPresent(v -> candidates.add(new Candidate(ListIndex.DIRECTION, v,
                RecordItem::getDirectionKey)));
        f.origin().ifPresent(v -> candidates.add(new Candidate(ListIndex.ORIGIN, v.name(), RecordItem::getOriginKey)));

        // Checked on each record read, never an index: a part of the name, and the agency typed with the account.
        Predicate<RecordItem> always = item -> true;
        if (f.fileName().isPresent()) {
            String part = FileNames.key(f.fileName().get());
            always = always.and(item -> item.getFileName() != null && FileNames.key(item.getFileName()).contains(part));
        }
        Optional<String> agency = f.account().flatMap(Accounts::agencyOf);
        if (agency.isPresent()) {
            String expected = agency.get();
            always = always.and(item -> Accounts.sameNumber(item.getAgency(), expected));
        }
        Optional<String> lowest = f.receivedFrom().map(ID_TIME::format);
        Optional<String> highest = f.receivedBefore().map(t -> ID_TIME.format(t.minusMillis(1)) + AFTER_ALL_SUFFIXES);
        if (candidates.isEmpty()) {
            return new ListPlan(null, TableKeys.tenantPartition(tenant), lowest, highest, always);
        }
        // Candidates were added in the index's order of preference; the first drives the query.
        candidates.sort((a, b) -> Integer.compare(a.index.ordinal(), b.index.ordinal()));
        Candidate driver = candidates.get(0);
        Predicate<RecordItem> rest = always;
        for (Candidate other : candidates.subList(1, candidates.size())) {
            String expected = other.index.partition(tenant, other.value);
            rest = rest.and(item -> expected.equals(other.attribute.apply(item)));
        }
        return new ListPlan(driver.index, driver.index.partition(tenant, driver.value), lowest, highest, rest);
    }

    boolean accepts(RecordItem item) {
        return rest.test(item);
    }

    Page<RecordItem> query(DynamoDbTable<RecordItem> table, String tenant, Optional<String> afterId, int limit,
                           StartKeys startKeys) {
        QueryEnhancedRequest.Builder request = QueryEnhancedRequest.builder()
                .queryConditional(condition())
                .scanIndexForward(false)
                .limit(limit);
        afterId.ifPresent(id -> request.exclusiveStartKey(startKeys.at(tenant, id, index, partition)));
        return index == null
                ? table.query(request.build()).iterator().next()
                : table.index(index.indexName).query(request.build()).iterator().next();
    }

    /** Newest first; the period (if any) as a range of record ids, which start with the receipt time. */
    private QueryConditional condition() {
        String prefix = index == null ? TableKeys.RECORD_PREFIX : "";
        if (lowestId.isEmpty() && highestId.isEmpty()) {
            return index == null
                    ? QueryConditional.sortBeginsWith(key(TableKeys.RECORD_PREFIX))
                    : QueryConditional.keyEqualTo(Key.builder().partitionValue(partition).build());
        }
        String low = prefix + lowestId.orElse("0");
        String high = prefix + highestId.orElse("9" + AFTER_ALL_SUFFIXES);
        return QueryConditional.sortBetween(key(low), key(high));
    }

    private Key key(String sortValue) {
        return Key.builder().partitionValue(partition).sortValue(sortValue).build();
    }

    private record Candidate(ListIndex index, String value,
                             java.util.function.Function<RecordItem, String> attribute) {
    }

}
