package br.bankhistory.history.adapter.dynamodb;

import br.bankhistory.history.domain.CreditDay;
import br.bankhistory.history.domain.CreditLink;
import br.bankhistory.history.domain.RecordCredits;
import br.bankhistory.history.port.CreditBook;
import br.bankhistory.history.config.PlainJson;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static br.bankhistory.history.config.PlainJson.elementsOf;
import static br.bankhistory.history.config.PlainJson.fieldsOf;
import static br.bankhistory.history.config.PlainJson.longOf;
import static br.bankhistory.history.config.PlainJson.textOf;

/**
 * {@link CreditBook} on the history table: a day is {@code T#{tenant}} / {@code CREDIT_DAY#{bank}#{yyyy-MM-dd}},
 * a file's side {@code T#{tenant}} / {@code CREDITS#{recordId}}, each a JSON {@code body}; read by GetItem
 * (consistent), written by PutItem; the bodies are plain maps and lists ({@link PlainJson}).
 */
public final class DynamoCreditBook implements CreditBook {

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoCreditBook(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public CreditDay day(String tenant, String bank, LocalDate date) {
        Map<String, Object> body = read(tenant, daySort(bank, date));
        if (body == null) {
            return CreditDay.empty(bank, date);
        }
        return new CreditDay(bank, date, credits(body.get("retornos")), credits(body.get("entries")));
    }

    @Override
    public void putDay(String tenant, CreditDay day) {
        String sort = daySort(day.bank(), day.date());
        if (day.isEmpty()) {
            dynamoDb.deleteItem(r -> r.tableName(tableName).key(key(tenant, sort)));
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("retornos", written(day.retornos()));
        body.put("entries", written(day.entries()));
        write(tenant, sort, "CREDIT_DAY", body);
    }

    @Override
    public RecordCredits credits(String tenant, String recordId) {
        Map<String, Object> body = read(tenant, "CREDITS#" + recordId);
        if (body == null) {
            return RecordCredits.none(recordId);
        }
        List<LocalDate> days = new ArrayList<>();
        elementsOf(body.get("days")).forEach(d -> days.add(LocalDate.parse(textOf(d))));
        Map<String, CreditLink> links = new LinkedHashMap<>();
        fieldsOf(body.get("links")).forEach((k, l) -> links.put(k.toString(), link(fieldsOf(l))));
        return new RecordCredits(recordId, days, links);
    }

    @Override
    public void putCredits(String tenant, RecordCredits credits) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("days", credits.days().stream().map(LocalDate::toString).toList());
        Map<String, Object> links = new LinkedHashMap<>();
        credits.links().forEach((k, link) -> {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("status", link.status().name());
            l.put("date", link.date().toString());
            l.put("cents", link.amountCents());
            l.put("with", link.with().stream().map(p -> {
                Map<String, Object> party = line(p.recordId(), p.fileName(), p.seq(), p.line());
                party.put("cents", p.amountCents());
                return party;
            }).toList());
            links.put(k, l);
        });
        body.put("links", links);
        write(tenant, "CREDITS#" + credits.recordId(), "CREDITS", body);
    }

    private static CreditLink link(Map<?, ?> l) {
        List<CreditLink.Party> with = new ArrayList<>();
        elementsOf(l.get("with")).forEach(element -> {
            Map<?, ?> p = fieldsOf(element);
            with.add(new CreditLink.Party(textOf(p.get("id")), textOf(p.get("file")), (int) longOf(p.get("seq")),
                    (int) longOf(p.get("line")), longOf(p.get("cents"))));
        });
        return new CreditLink(CreditLink.Status.valueOf(textOf(l.get("status"))),
                LocalDate.parse(textOf(l.get("date"))), longOf(l.get("cents")), with);
    }

    private static List<CreditDay.Credit> credits(Object array) {
        List<CreditDay.Credit> out = new ArrayList<>();
        elementsOf(array).forEach(element -> {
            Map<?, ?> c = fieldsOf(element);
            out.add(new CreditDay.Credit(textOf(c.get("id")), textOf(c.get("file")), (int) longOf(c.get("seq")),
                    (int) longOf(c.get("line")), textOf(c.get("account")), longOf(c.get("cents"))));
        });
        return out;
    }

    private static List<Map<String, Object>> written(List<CreditDay.Credit> credits) {
        return credits.stream().map(c -> {
            Map<String, Object> credit = line(c.recordId(), c.fileName(), c.seq(), c.line());
            credit.put("account", c.account());
            credit.put("cents", c.amountCents());
            return credit;
        }).toList();
    }

    /** The first fields of a credit's or a party's object: the file's line it stands on. */
    private static Map<String, Object> line(String recordId, String fileName, int seq, int line) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", recordId);
        fields.put("file", fileName);
        fields.put("seq", seq);
        fields.put("line", line);
        return fields;
    }

    private Map<String, Object> read(String tenant, String sort) {
        Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(tableName).key(key(tenant, sort))
                .consistentRead(true)).item();
        if (item == null || item.isEmpty() || !item.containsKey("body")) {
            return null;
        }
        return PlainJson.map(item.get("body").s());
    }

    private void write(String tenant, String sort, String type, Map<String, Object> body) {
        String text = PlainJson.write(body);
        Map<String, AttributeValue> item = new LinkedHashMap<>(key(tenant, sort));
        item.put("type", AttributeValue.fromS(type));
        item.put("body", AttributeValue.fromS(text));
        dynamoDb.putItem(r -> r.tableName(tableName).item(item));
    }

    private static Map<String, AttributeValue> key(String tenant, String sort) {
        return Map.of("PK", AttributeValue.fromS(TableKeys.tenantPartition(tenant)), "SK", AttributeValue.fromS(sort));
    }

    private static String daySort(String bank, LocalDate date) {
        return "CREDIT_DAY#" + bank + "#" + date;
    }
}
