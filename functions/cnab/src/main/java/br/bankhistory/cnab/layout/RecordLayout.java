package br.bankhistory.cnab.layout;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The compiled description of one record type (a header, a trailer, a segment, a 400 detail): its
 * fields in position order, and the required ones kept apart so validation is one loop over an array.
 */
public final class RecordLayout {

    private final String name;
    private final Map<String, FieldSpec> byName;
    private final FieldSpec[] fields;
    private final FieldSpec[] required;

    RecordLayout(String name, Map<String, FieldSpec> fields) {
        this.name = name;
        this.byName = Map.copyOf(fields);
        this.fields = fields.values().stream()
                .sorted((a, b) -> Integer.compare(a.start(), b.start()))
                .toArray(FieldSpec[]::new);
        this.required = Arrays.stream(this.fields).filter(FieldSpec::required).toArray(FieldSpec[]::new);
    }

    public String name() {
        return name;
    }

    /** Every field, in position order. */
    public FieldSpec[] fields() {
        return fields.clone();
    }

    /** The fields whose content is validated on every record (the array is shared: do not modify it). */
    public FieldSpec[] requiredFields() {
        return required;
    }

    public Optional<FieldSpec> find(String fieldName) {
        return Optional.ofNullable(byName.get(fieldName));
    }

    /** A field the reader cannot do without; its absence is a defect of the layout data. */
    public FieldSpec field(String fieldName) {
        FieldSpec spec = byName.get(fieldName);
        if (spec == null) {
            throw new IllegalStateException("layout " + name + " has no field " + fieldName);
        }
        return spec;
    }

    /** A copy with the given fields added or replacing those of the same name (a bank override). */
    RecordLayout overriddenBy(String overrideName, Map<String, FieldSpec> overrides, java.util.Set<String> dropped) {
        Map<String, FieldSpec> merged = new LinkedHashMap<>(byName);
        merged.keySet().removeAll(dropped);
        merged.putAll(overrides);
        return new RecordLayout(overrideName, merged);
    }

    @Override
    public String toString() {
        return name;
    }
}
