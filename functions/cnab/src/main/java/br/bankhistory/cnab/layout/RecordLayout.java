package br.bankhistory.cnab.layout;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The compiled description of one record type (a header, a trailer, a segment, a 400 detail): its
 * fields in position order, and the required ones kept apart so validation is one loop over an array.
 * For writing it also carries each field's default (the value a remessa holds when the input gives none:
 * constants such as {@code REMESSA} or a bank's layout version) and which fields are free text, cut to
 * their width rather than refused when too long.
 */
public final class RecordLayout {

    private final String name;
    private final Map<String, FieldSpec> byName;
    private final FieldSpec[] fields;
    private final FieldSpec[] required;
    private final Map<String, String> defaults;
    private final java.util.Set<String> freeText;
    private final Map<String, String> sources;
    private final java.util.Set<String> blankOnWrite;
    private final int width;
    /** Declared filler ranges {start, end} (positions no field describes), for the layout lint. */
    private java.util.List<int[]> fillers = java.util.List.of();
    /** Fields the writer keeps in their letter case; set while the catalogue loads. */
    private java.util.Set<String> keepCase = java.util.Set.of();

    RecordLayout(String name, Map<String, FieldSpec> fields) {
        this(name, fields, Map.of(), java.util.Set.of(), Map.of(), java.util.Set.of(), 0);
    }

    RecordLayout(String name, Map<String, FieldSpec> fields, Map<String, String> defaults,
                 java.util.Set<String> freeText, Map<String, String> sources, java.util.Set<String> blankOnWrite,
                 int width) {
        this.name = name;
        this.blankOnWrite = java.util.Set.copyOf(blankOnWrite);
        this.defaults = Map.copyOf(defaults);
        this.sources = Map.copyOf(sources);
        this.freeText = java.util.Set.copyOf(freeText);
        this.width = width;
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

    /**
     * The value a written record holds in this field when the input gives none, as it is printed
     * (digits for a numeric field), or empty: zeros for a numeric field, blanks for text.
     */
    public Optional<String> defaultValue(String fieldName) {
        return Optional.ofNullable(defaults.get(fieldName));
    }

    /** The field whose value this field repeats when it has none of its own ({@code from=NAME}), or empty. */
    public Optional<String> sourceOf(String fieldName) {
        return Optional.ofNullable(sources.get(fieldName));
    }

    /** Whether a remessa leaves the field blank whatever the input ({@code blank} in the layout). */
    public boolean isBlankOnWrite(String fieldName) {
        return blankOnWrite.contains(fieldName);
    }

    /** Whether the field is free text (a name, an address, a message): cut to its width when too long. */
    public boolean isFreeText(String fieldName) {
        return freeText.contains(fieldName);
    }

    /** The record's width when the layout sets one (BRB's 39-character header), else 0: the family's. */
    public int width() {
        return width;
    }

    /** A copy with the given fields added or replacing those of the same name (a bank override). */
    RecordLayout overriddenBy(String overrideName, Map<String, FieldSpec> overrides, java.util.Set<String> dropped) {
        return overriddenBy(overrideName, overrides, dropped, Map.of(), java.util.Set.of(), Map.of(), java.util.Set.of(),
                0);
    }

    /**
     * A copy with the given fields added or replacing those of the same name (a bank override); a replaced
     * field takes its default and free-text mark from the override only.
     */
    RecordLayout overriddenBy(String overrideName, Map<String, FieldSpec> overrides, java.util.Set<String> dropped,
                              Map<String, String> overrideDefaults, java.util.Set<String> overrideFreeText,
                              Map<String, String> overrideSources, java.util.Set<String> overrideBlank,
                              int overrideWidth) {
        Map<String, FieldSpec> merged = new LinkedHashMap<>(byName);
        merged.keySet().removeAll(dropped);
        merged.putAll(overrides);
        Map<String, String> mergedDefaults = new LinkedHashMap<>(defaults);
        java.util.Set<String> mergedFreeText = new java.util.LinkedHashSet<>(freeText);
        Map<String, String> mergedSources = new LinkedHashMap<>(sources);
        java.util.Set<String> mergedBlank = new java.util.LinkedHashSet<>(blankOnWrite);
        for (String replaced : overrides.keySet()) {
            mergedDefaults.remove(replaced);
            mergedFreeText.remove(replaced);
            mergedSources.remove(replaced);
            mergedBlank.remove(replaced);
        }
        mergedDefaults.keySet().removeAll(dropped);
        mergedFreeText.removeAll(dropped);
        mergedSources.keySet().removeAll(dropped);
        mergedBlank.removeAll(dropped);
        mergedDefaults.putAll(overrideDefaults);
        mergedFreeText.addAll(overrideFreeText);
        mergedSources.putAll(overrideSources);
        mergedBlank.addAll(overrideBlank);
        return new RecordLayout(overrideName, merged, mergedDefaults, mergedFreeText, mergedSources, mergedBlank,
                overrideWidth > 0 ? overrideWidth : width);
    }

    /** Whether the writer keeps the field's letter case ({@code case} in the layout: Pix keys, txids). */
    public boolean keepsCase(String fieldName) {
        return keepCase.contains(fieldName);
    }

    java.util.Set<String> keptCase() {
        return keepCase;
    }

    /** This layout with more case-kept fields; only while the catalogue loads. */
    RecordLayout withKeptCase(java.util.Set<String> more) {
        java.util.Set<String> all = new java.util.HashSet<>(keepCase);
        all.addAll(more);
        this.keepCase = java.util.Set.copyOf(all);
        return this;
    }

    /** The declared fillers, each {start, end} (1-based, inclusive): positions no field describes. */
    public java.util.List<int[]> fillers() {
        java.util.List<int[]> copy = new java.util.ArrayList<>();
        for (int[] range : fillers) {
            copy.add(range.clone());
        }
        return copy;
    }

    /** This layout with more declared fillers (a bank's own added to its base's); only while the catalogue loads. */
    RecordLayout withFillers(java.util.List<int[]> more) {
        java.util.List<int[]> all = new java.util.ArrayList<>(fillers);
        all.addAll(more);
        this.fillers = java.util.List.copyOf(all);
        return this;
    }

    @Override
    public String toString() {
        return name;
    }
}
