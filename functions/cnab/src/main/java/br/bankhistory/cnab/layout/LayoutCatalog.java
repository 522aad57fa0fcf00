package br.bankhistory.cnab.layout;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every record layout the engine knows, from the {@code layouts/*.layout} resources listed in
 * {@code layouts/index.txt}. A file named {@code <family>-<base>.layout} (base {@code febraban} for 240,
 * {@code generic} for 400) holds the generic records; a file named {@code <family>-<bank code>.layout}
 * overrides fields of those records, or adds records, for one bank.
 *
 * <p>Each file is parsed and compiled at the first question about its family or bank, once: reading one
 * bank's file needs its family's base and its own description only, not the other banks' (a Lambda
 * function's first file pays for two of the 44 descriptions; docs/benchmarks.md, "Lambda init").
 */
public final class LayoutCatalog {

    public static final String CNAB240 = "cnab240";
    public static final String CNAB400 = "cnab400";
    private static final String RESOURCE_DIR = "/br/bankhistory/cnab/layouts/";
    private static final Map<String, String> BASE_BY_FAMILY = Map.of(CNAB240, "febraban", CNAB400, "generic");

    private static final LayoutCatalog STANDARD = new LayoutCatalog(indexed());

    /** The files of the index: {@code <family>-<bank or base>.layout}. */
    private final Set<String> files;
    /** family -> record -> the base's layout. */
    private final Map<String, Map<String, RecordLayout>> bases = new ConcurrentHashMap<>();
    /** family + "/" + bank -> record -> the bank's own layout, already merged over the base. */
    private final Map<String, Map<String, RecordLayout>> banks = new ConcurrentHashMap<>();

    private LayoutCatalog(Set<String> files) {
        this.files = Set.copyOf(files);
    }

    public static LayoutCatalog standard() {
        return STANDARD;
    }

    /** The layout of a record for a bank: the bank's own, else the family's base. */
    public Optional<RecordLayout> find(String family, String bankCode, String record) {
        RecordLayout own = own(family, bankCode).get(record);
        return own != null ? Optional.of(own) : Optional.ofNullable(base(family).get(record));
    }

    /** Like {@link #find} for a record the reader cannot do without. */
    public RecordLayout record(String family, String bankCode, String record) {
        return find(family, bankCode, record).orElseThrow(
                () -> new IllegalStateException("no layout " + family + "/" + bankCode + "/" + record));
    }

    /** The names of every record a bank has, its own and the family base's ({@code segment-P}, ...), sorted. */
    public java.util.SortedSet<String> recordNames(String family, String bankCode) {
        java.util.SortedSet<String> names = new java.util.TreeSet<>(base(family).keySet());
        names.addAll(own(family, bankCode).keySet());
        return names;
    }

    /** Whether the bank has its own description of that record (not just the base). */
    public boolean hasOwn(String family, String bankCode, String record) {
        return own(family, bankCode).containsKey(record);
    }

    /** The base's records of a family (none for a family without a base). */
    private Map<String, RecordLayout> base(String family) {
        String baseName = BASE_BY_FAMILY.get(family);
        if (baseName == null) {
            return Map.of();
        }
        return bases.computeIfAbsent(family, f -> {
            String file = fileName(f, baseName);
            if (!files.contains(file)) {
                return Map.of();
            }
            Map<String, RecordLayout> layouts = new HashMap<>();
            LayoutFileParser.parse(file, readResource(file)).forEach((record, section) -> layouts.put(record,
                    new RecordLayout(f + "/" + record, section.fields(), section.defaults(), section.truncated(),
                            section.sources(), section.blank(), section.width()[0])
                            .withFillers(section.fillers()).withKeptCase(section.keepCase())));
            return Map.copyOf(layouts);
        });
    }

    /** A bank's own records merged over the base (the base itself when asked by the base's name; none if undescribed). */
    private Map<String, RecordLayout> own(String family, String bank) {
        if (bank != null && bank.equals(BASE_BY_FAMILY.get(family))) {
            return base(family);
        }
        String file = fileName(family, bank);
        if (!files.contains(file)) {
            return Map.of(); // not cached: a code read from a file may be anything
        }
        Map<String, RecordLayout> base = base(family); // another map: no nested update of the one below
        return banks.computeIfAbsent(family + "/" + bank, k -> {
            Map<String, RecordLayout> layouts = new HashMap<>();
            LayoutFileParser.parse(file, readResource(file)).forEach((record, section) -> {
                RecordLayout generic = base.get(record);
                String name = k + "/" + record;
                RecordLayout merged = generic == null
                        ? new RecordLayout(name, section.fields(), section.defaults(), section.truncated(),
                                section.sources(), section.blank(), section.width()[0])
                        : generic.overriddenBy(name, section.fields(), section.dropped(), section.defaults(),
                                section.truncated(), section.sources(), section.blank(), section.width()[0])
                                .withFillers(generic.fillers()).withKeptCase(generic.keptCase());
                layouts.put(record, merged.withFillers(section.fillers()).withKeptCase(section.keepCase()));
            });
            return Map.copyOf(layouts);
        });
    }

    private static String fileName(String family, String bank) {
        return family + "-" + bank + ".layout";
    }

    private static Set<String> indexed() {
        Set<String> files = new HashSet<>();
        for (String line : readResource("index.txt").split("\r?\n")) {
            String name = line.strip();
            if (!name.isEmpty() && !name.startsWith("#")) {
                files.add(name);
            }
        }
        return files;
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
