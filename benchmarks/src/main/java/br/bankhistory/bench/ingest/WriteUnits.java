package br.bankhistory.bench.ingest;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * DynamoDB's write cost of an item by AWS's published rules: an item's size is the sum of its attribute names'
 * and values' sizes (a string its UTF-8 bytes, a number about one byte per two significant digits plus one,
 * binary its bytes, a boolean or null one byte, a list or map three bytes plus one per element plus the
 * elements); a standard write costs one unit per KB (1,024 bytes) or part of one, a transactional write twice
 * that, and every global secondary index the item has a key of writes a copy (the history table's indexes
 * project every attribute, so a copy costs what the item costs).
 */
public final class WriteUnits {

    /** The key attributes of the history table's global secondary indexes (template.yaml). */
    public static final List<String> INDEX_KEYS = List.of("fileNameKey", "kindBankKey", "userKey", "accountKey",
            "bankKey", "statusKey", "kindKey", "directionKey", "originKey");

    private WriteUnits() {
    }

    public static long units(long itemBytes) {
        return Math.max(1, (itemBytes + 1023) / 1024);
    }

    public static long itemBytes(Map<String, AttributeValue> item) {
        long size = 0;
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            size += utf8(e.getKey()) + valueBytes(e.getValue());
        }
        return size;
    }

    static long valueBytes(AttributeValue v) {
        if (v.s() != null) {
            return utf8(v.s());
        } else if (v.n() != null) {
            return numberBytes(v.n());
        } else if (v.b() != null) {
            return v.b().asByteArrayUnsafe().length;
        } else if (v.bool() != null || Boolean.TRUE.equals(v.nul())) {
            return 1;
        } else if (v.hasL()) {
            long size = 3;
            for (AttributeValue e : v.l()) {
                size += 1 + valueBytes(e);
            }
            return size;
        } else if (v.hasM()) {
            long size = 3;
            for (Map.Entry<String, AttributeValue> e : v.m().entrySet()) {
                size += 1 + utf8(e.getKey()) + valueBytes(e.getValue());
            }
            return size;
        } else if (v.hasSs()) {
            return v.ss().stream().mapToLong(WriteUnits::utf8).sum();
        } else if (v.hasNs()) {
            return v.ns().stream().mapToLong(WriteUnits::numberBytes).sum();
        } else if (v.hasBs()) {
            return v.bs().stream().mapToLong(b -> b.asByteArrayUnsafe().length).sum();
        }
        return 0;
    }

    /** About one byte per two significant digits, plus one (leading and trailing zeros do not count). */
    static long numberBytes(String n) {
        String digits = n.replace("-", "").replace(".", "");
        digits = digits.replaceFirst("^0+", "").replaceFirst("0+$", "");
        return (digits.length() + 1) / 2 + 1;
    }

    private static long utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
