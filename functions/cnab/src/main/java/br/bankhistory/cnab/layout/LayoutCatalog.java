package br.bankhistory.cnab.layout;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every record layout the engine knows, loaded once from the {@code layouts/*.layout} resources listed
 * in {@code layouts/index.txt} and compiled. A file named {@code <family>-<base>.layout} (base
 * {@code febraban} for 240, {@code generic} for 400) holds the generic records; a file named
 * {@code <family>-<bank code>.layout} overrides fields of those records, or adds records, for one bank.
 */
public final class LayoutCatalog {

    public static final String CNAB240 = "cnab240";
    public static final String CNAB400 = "cnab400";
    private static final String RESOURCE_DIR = "/br/bankhistory/cnab/layouts/";
    private static final Map<String, String> BASE_BY_FAMILY = Map.of(CNAB240, "febraban", CNAB400, "generic");

    private static final LayoutCatalog STANDARD = load();

    /** family + "/" + bank (or base) + "/" + record -> layout, bank entries already merged over the base. */
    private final Map<String, RecordLayout> layouts;

    private LayoutCatalog(Map<String, RecordLayout> layouts) {
        this.layouts = Map.copyOf(layouts);
    }

    public static LayoutCatalog standard() {
        return STANDARD;
    }

    /** The layout of a record for a bank: the bank's own, else the family's base. */
    public Optional<RecordLayout> find(String family, String bankCode, String record) {
        RecordLayout own = layouts.get(key(family, bankCode, record));
        if (own != null) {
            return Optional.of(own);
        }
        return Optional.ofNullable(layouts.get(key(family, BASE_BY_FAMILY.get(family), record)));
    }

    /** Like {@link #find} for a record the reader cannot do without. */
    public RecordLayout record(String family, String bankCode, String record) {
        return find(family, bankCode, record).orElseThrow(
                () -> new IllegalStateException("no layout " + family + "/" + bankCode + "/" + record));
    }

    /** The names of every record a bank has, its own and the family base's ({@code segment-P}, ...), sorted. */
    public java.util.SortedSet<String> recordNames(String family, String bankCode) {
        java.util.SortedSet<String> names = new java.util.TreeSet<>();
        String own = family + "/" + bankCode + "/";
        String base = family + "/" + BASE_BY_FAMILY.get(family) + "/";
        for (String key : layouts.keySet()) {
            if (key.startsWith(own)) {
                names.add(key.substring(own.length()));
            } else if (key.startsWith(base)) {
                names.add(key.substring(base.length()));
            }
        }
        return names;
    }

    /** Whether the bank has its own description of that record (not just the base). */
    public boolean hasOwn(String family, String bankCode, String record) {
        return layouts.containsKey(key(family, bankCode, record));
    }

    private static String key(String family, String bank, String record) {
        return family + "/" + bank + "/" + record;
    }

    private static LayoutCatalog load() {
        Map<String, Map<String, LayoutFileParser.Section>> parsedByFile = new HashMap<>();
        for (String file : readResource("index.txt").split("\r?\n")) {
            String name = file.strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            parsedByFile.put(name, LayoutFileParser.parse(name, readResource(name)));
        }
        Map<String, RecordLayout> layouts = new HashMap<>();
        for (var family : BASE_BY_FAMILY.entrySet()) {
            String baseFile = family.getKey() + "-" + family.getValue() + ".layout";
            Map<String, LayoutFileParser.Section> base = parsedByFile.getOrDefault(baseFile, Map.of());
            base.forEach((record, section) -> layouts.put(key(family.getKey(), family.getValue(), record),
                    new RecordLayout(family.getKey() + "/" + record, section.fields(), section.defaults(),
                            section.truncated(), section.sources(), section.blank(), section.width()[0])
                            .withFillers(section.fillers()).withKeptCase(section.keepCase())));
        }
        parsedByFile.forEach((file, records) -> {
            String stem = file.substring(0, file.length() - ".layout".length());
            int dash = stem.indexOf('-');
            String family = stem.substring(0, dash);
            String bank = stem.substring(dash + 1);
            if (bank.equals(BASE_BY_FAMILY.get(family))) {
                return;
            }
            records.forEach((record, section) -> {
                RecordLayout base = layouts.get(key(family, BASE_BY_FAMILY.get(family), record));
                String name = family + "/" + bank + "/" + record;
                RecordLayout merged = base == null
                        ? new RecordLayout(name, section.fields(), section.defaults(), section.truncated(),
                                section.sources(), section.blank(), section.width()[0])
                        : base.overriddenBy(name, section.fields(), section.dropped(), section.defaults(),
                                section.truncated(), section.sources(), section.blank(), section.width()[0])
                                .withFillers(base.fillers()).withKeptCase(base.keptCase());
                layouts.put(key(family, bank, record), merged.withFillers(section.fillers())
                        .withKeptCase(section.keepCase()));
            });
        });
        return new LayoutCatalog(layouts);
    }

    private static String readResource(String name) {
        try (InputStream in = LayoutCatalog.class.getResourceAsStream(RESOURCE_DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("missing layout resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
