package br.bankhistory.cnab.occurrence;

import br.bankhistory.cnab.Category;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every occurrence table, loaded once from the {@code occurrences/*.table} resources listed in
 * {@code occurrences/index.txt}. A file {@code <kind>-febraban.table} is the base of a kind (e.g.
 * {@code cnab240-cobranca-retorno}) that a bank's {@code <kind>-<bank code>.table} overrides code by code
 * (FEBRABAN tables are shared). A file {@code <kind>-generic.table} is only a fallback for banks without a
 * table of their own: CNAB 400 banks number their occurrences each in their own way, so their tables
 * stand alone.
 *
 * <p>Format: {@code [occurrences]} then {@code CODE CATEGORY text...}; {@code [reasons CODE CODE...]}
 * (or {@code [reasons *]} for the occurrences without a group of their own) then {@code CODE text...}.
 * In a bank's file a reason group extends the FEBRABAN group of the same occurrences, or replaces it when
 * the header ends with {@code only} ({@code [reasons 06 09 only]}). {@code #} starts a comment.
 */
public final class OccurrenceCatalog {

    private static final String RESOURCE_DIR = "/br/bankhistory/cnab/occurrences/";
    private static final String[] BASE_NAMES = {"febraban", "generic"};
    private static final OccurrenceCatalog STANDARD = load();

    /** kind + "/" + bank (or base) -> table. */
    private final Map<String, OccurrenceTable> tables;
    private final Map<String, OccurrenceTable> baseByKind;

    private OccurrenceCatalog(Map<String, OccurrenceTable> tables, Map<String, OccurrenceTable> baseByKind) {
        this.tables = Map.copyOf(tables);
        this.baseByKind = Map.copyOf(baseByKind);
    }

    public static OccurrenceCatalog standard() {
        return STANDARD;
    }

    /** The bank's table of that kind, else the kind's base table, else an empty table. */
    public OccurrenceTable table(String kind, String bankCode) {
        OccurrenceTable own = tables.get(kind + "/" + bankCode);
        if (own != null) {
            return own;
        }
        OccurrenceTable base = baseByKind.get(kind);
        return base != null ? base : new OccurrenceTable(kind, Map.of(), Map.of());
    }

    private static OccurrenceCatalog load() {
        Map<String, Parsed> parsed = new LinkedHashMap<>();
        for (String line : read("index.txt").split("\r?\n")) {
            String name = line.strip();
            if (!name.isEmpty() && !name.startsWith("#")) {
                parsed.put(name.substring(0, name.length() - ".table".length()), parse(name, read(name)));
            }
        }
        Map<String, OccurrenceTable> bases = new HashMap<>();
        parsed.forEach((stem, table) -> {
            for (String base : BASE_NAMES) {
                if (stem.endsWith("-" + base)) {
                    String kind = stem.substring(0, stem.length() - base.length() - 1);
                    bases.put(kind, new OccurrenceTable(stem, table.occurrences, table.reasons));
                }
            }
        });
        Map<String, OccurrenceTable> tables = new HashMap<>();
        parsed.forEach((stem, table) -> {
            int dash = stem.lastIndexOf('-');
            String kind = stem.substring(0, dash);
            String bank = stem.substring(dash + 1);
            if (bank.equals("febraban") || bank.equals("generic")) {
                return;
            }
            OccurrenceTable base = parsed.containsKey(kind + "-febraban") ? bases.get(kind) : null;
            tables.put(kind + "/" + bank, base == null
                    ? new OccurrenceTable(stem, table.occurrences, table.reasons)
                    : base.overriddenBy(stem, table.occurrences, table.reasons, table.replacedGroups));
        });
        return new OccurrenceCatalog(tables, bases);
    }

    private record Parsed(Map<String, Occurrence> occurrences, Map<String, Map<String, String>> reasons,
                          java.util.Set<String> replacedGroups) {
    }

    private static Parsed parse(String source, String text) {
        Map<String, Occurrence> occurrences = new LinkedHashMap<>();
        Map<String, Map<String, String>> reasons = new LinkedHashMap<>();
        java.util.Set<String> replacedGroups = new java.util.HashSet<>();
        String[] groups = null;
        boolean inOccurrences = false;
        String[] lines = text.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int hash = line.indexOf('#');
            line = (hash < 0 ? line : line.substring(0, hash)).strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.equals("[occurrences]")) {
                inOccurrences = true;
                groups = null;
            } else if (line.startsWith("[reasons") && line.endsWith("]")) {
                inOccurrences = false;
                groups = line.substring("[reasons".length(), line.length() - 1).strip().split("\\s+");
                if (groups[groups.length - 1].equals("only")) {
                    groups = java.util.Arrays.copyOf(groups, groups.length - 1);
                    replacedGroups.addAll(java.util.List.of(groups));
                }
            } else if (inOccurrences) {
                String[] parts = line.split("\\s+", 3);
                if (parts.length < 3) {
                    throw new IllegalStateException(source + ":" + (i + 1) + ": expected 'CODE CATEGORY text'");
                }
                occurrences.put(parts[0], new Occurrence(parts[0], parts[2], Category.valueOf(parts[1])));
            } else if (groups != null) {
                String[] parts = line.split("\\s+", 2);
                if (parts.length < 2) {
                    throw new IllegalStateException(source + ":" + (i + 1) + ": expected 'CODE text'");
                }
                for (String group : groups) {
                    reasons.computeIfAbsent(group, k -> new LinkedHashMap<>()).put(parts[0], parts[1]);
                }
            } else {
                throw new IllegalStateException(source + ":" + (i + 1) + ": line outside a section");
            }
        }
        return new Parsed(occurrences, reasons, replacedGroups);
    }

    private static String read(String name) {
        try (InputStream in = OccurrenceCatalog.class.getResourceAsStream(RESOURCE_DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("missing occurrence resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
