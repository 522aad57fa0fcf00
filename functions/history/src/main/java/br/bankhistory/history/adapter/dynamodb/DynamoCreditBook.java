package br.bankhistory.history.adapter.dynamodb;

import br.bankhistory.history.domain.CreditDay;
import br.bankhistory.history.domain.CreditLink;
import br.bankhistory.history.domain.RecordCredits;
import br.bankhistory.history.port.CreditBook;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link CreditBook} on the history table: a day is {@code T#{tenant}} / {@code CREDIT_DAY#{bank}#{yyyy-MM-dd}},
 * a file's side {@code T#{tenant}} / {@code CREDITS#{recordId}}, each a JSON {@code body}; read by GetItem
 * (consistent), written by PutItem.
 */
public final class DynamoCreditBook implements CreditBook {

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final ObjectMapper json;

    public DynamoCreditBook(DynamoDbClient dynamoDb, String tableName, ObjectMapper json) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.json = json;
    }

    @Override
    public CreditDay day(String tenant, String bank, LocalDate date) {
        JsonNode body = read(tenant, daySort(bank, date));
        if (body == null) {
            return CreditDay.empty(bank, date);
        }
        return new CreditDay(bank, date, credits(body.path("retornos")), credits(body.path("entries")));
    }

    @Override
    public void putDay(String tenant, CreditDay day) {
        String sort = daySort(day.bank(), day.date());
        if (day.isEmpty()) {
            dynamoDb.deleteItem(r -> r.tableName(tableName).key(key(tenant, sort)));
            return;
        }
        ObjectNode body = json.createObjectNode();
        body.set("retornos", credits(day.retornos()));
        body.set("entries", credits(day.entries()));
        write(tenant, sort, "CREDIT_DAY", body);
    }

    @Override
    public RecordCredits credits(String tenant, String recordId) {
        JsonNode body = read(tenant, "CREDITS#" + recordId);
        if (body == null) {
            return RecordCredits.none(recordId);
        }
        List<LocalDate> days = new ArrayList<>();
        body.path("days").forEach(d -> days.add(LocalDate.parse(d.asText())));
        Map<String, CreditLink> links = new LinkedHashMap<>();
        body.path("links").fields().forEachRemaining(e -> links.put(e.getKey(), link(e.getValue())));
        return new RecordCredits(recordId, days, links);
    }

    @Override
    public void putCredits(String tenant, RecordCredits credits) {
        ObjectNode body = json.createObjectNode();
        ArrayNode days = body.putArray("days");
        credits.days().forEach(d -> days.add(d.toString()));
        ObjectNode links = body.putObject("links");
        credits.links().forEach((k, link) -> {
            ObjectNode l = links.putObject(k);
            l.put("status", link.status().name());
            l.put("date", link.date().toString());
            l.put("cents", link.amountCents());
            ArrayNode with = l.putArray("with");
            link.with().forEach(p -> with.addObject().put("id", p.recordId()).put("file", p.fileName())
                    .put("seq", p.seq()).put("line", p.line()).put("cents", p.amountCents()));
        });
        write(tenant, "CREDITS#" + credits.recordId(), "CREDITS", body);
    }

    private static CreditLink link(JsonNode l) {
        List<CreditLink.Party> with = new ArrayList<>();
        l.path("with").forEach(p -> with.add(new CreditLink.Party(p.path("id").asText(), p.path("file").asText(),
                p.path("seq").asInt(), p.path("line").asInt(), p.path("cents").asLong())));
        return new CreditLink(CreditLink.Status.valueOf(l.path("status").asText()),
                LocalDate.parse(l.path("date").asText()), l.path("cents").asLong(), with);
    }

    private static List<CreditDay.Credit> credits(JsonNode array) {
        List<CreditDay.Credit> out = new ArrayList<>();
        array.forEach(c -> out.add(new CreditDay.Credit(c.path("id").asText(), c.path("file").asText(),
                c.path("seq").asInt(), c.path("line").asInt(), c.path("account").asText(), c.path("cents").asLong())));
        return out;
    }

    private ArrayNode credits(List<CreditDay.Credit> credits) {
        ArrayNode out = json.createArrayNode();
        credits.forEach(c -> out.addObject().put("id", c.recordId()).put("file", c.fileName()).put("seq", c.seq())
                .put("line", c.line()).put("account", c.account()).put("cents", c.amountCents()));
        return out;
    }

    private JsonNode read(String tenant, String sort) {
        Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(tableName).key(key(tenant, sort))
                .consistentRead(true)).item();
        if (item == null || item.isEmpty() || !item.containsKey("body")) {
            return null;
        }
        try {
            return json.readTree(item.get("body").s());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(String tenant, String sort, String type, ObjectNode body) {
        String text;
        try {
            text = json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
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
