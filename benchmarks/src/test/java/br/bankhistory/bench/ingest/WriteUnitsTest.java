package br.bankhistory.bench.ingest;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The item-size rules the ingest benchmark costs DynamoDB writes by (AWS's published rules). */
class WriteUnitsTest {

    @Test
    void an_item_is_its_names_and_values_in_bytes() {
        Map<String, AttributeValue> item = Map.of(
                "PK", AttributeValue.fromS("T#acme"),             // 2 + 6
                "SK", AttributeValue.fromS("R#ção"),               // 2 + 7 (UTF-8)
                "e", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[100])), // 1 + 100
                "order", AttributeValue.fromN("12300"),           // 5 + (3 significant digits + 1) / 2 + 1
                "ok", AttributeValue.fromBool(true));             // 2 + 1
        assertThat(WriteUnits.itemBytes(item)).isEqualTo(8 + 9 + 101 + 5 + 3 + 3);
    }

    @Test
    void a_write_costs_one_unit_per_kilobyte_or_part_of_one() {
        assertThat(WriteUnits.units(0)).isEqualTo(1);
        assertThat(WriteUnits.units(1024)).isEqualTo(1);
        assertThat(WriteUnits.units(1025)).isEqualTo(2);
        assertThat(WriteUnits.units(300 * 1024)).isEqualTo(300);
    }

    @Test
    void lists_and_maps_add_three_bytes_and_one_per_element() {
        AttributeValue list = AttributeValue.fromL(java.util.List.of(AttributeValue.fromS("ab"),
                AttributeValue.fromN("7")));
        assertThat(WriteUnits.valueBytes(list)).isEqualTo(3 + (1 + 2) + (1 + 2));
        AttributeValue map = AttributeValue.fromM(Map.of("k", AttributeValue.fromS("v")));
        assertThat(WriteUnits.valueBytes(map)).isEqualTo(3 + 1 + 1 + 1);
    }
}
