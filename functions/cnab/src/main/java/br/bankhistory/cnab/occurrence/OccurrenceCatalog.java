package br.bankhistory.cnab.occurrence;

import br.bankhistory.cnab.Category;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every occurrence table, from the {@code occurrences/*.table} resources listed in
 * {@code occurrences/index.txt}, each parsed at the first question about its kind or bank, once. A file
 * {@code <kind>-febraban.table} is the base of a kind (e.g. {@code cnab240-cobranca-retorno}) that a bank's
 * {@code <kind>-<bank code>.table} overrides code by code (FEBRABAN tables are shared). A file
 * {@code <kind>-generic.table} is only a fallback for banks without a table of their own: CNAB 400 banks
 * number their occurrences each in their own way, so their tables stand alone.
 *
 * <p>Format: {@code [occurrences]} then {@code CODE CATEGORY text...}; {@code [reasons CODE CODE...]}
 * (or {@code [reasons *]} for the occurrences without a group of their own) then {@code CODE text...}.
 * In a bank's file a reason group extends the FEBRABAN group of the same occurrences, or replaces it when
 * the header ends with {@code only} ({@code [reasons 06 09 only]}). {@code #} starts a comment.
 */
public final class OccurrenceCatalog {

    private static final String RESOURCE_DIR = "/br/bankhistory/cnab/occurrences/";
    private static final String FEBRABAN = "febraban";
    private static final String GENERIC = "generic";
    private static final OccurrenceCatalog STANDARD = new OccurrenceCatalog(indexed());

    /** The stems of the index's files: {@code <kind>-<bank or base>}. */
    private final Set<String> stems;
    /** kind -> its base table, if it has one. Each file is parsed at the first question about it, once. */
    private final Map<String, Optional<OccurrenceTable>> baseByKind = new ConcurrentHashMap<>();
    /** kind + "/" + bank -> the bank's own table, merged over a FEBRABAN base. */
    private final Map<String, OccurrenceTable> tables = new ConcurrentHashMap<>();

    private OccurrenceCatalog(Set<String> stems) {
        this.stems = Set.copyOf(stems);
    }

    public static OccurrenceCatalog standard() {
        return STANDARD;
    }

    /** The bank's table of that kind, else the kind's base table, else an empty table. */
    public OccurrenceTable table(String kind, String bankCode) {
        String stem = kind + "-" + bankCode;
        if (!FEBRABAN.equals(bankCode) && !GENERIC.equals(bankCode) && stems.contains(stem)) {
            Optional<OccurrenceTable> base = stems.contains(kind + "-" + FEBRABAN) ? base(kind) : Optional.empty();
            return tables.computeIfAbsent(kind + "/" + bankCode, k -> {
                Parsed own = parse(stem + ".table", read(stem + ".table"));
                return base.map(b -> b.overriddenBy(stem, own.occurrences, own.reasons, own.replacedGroups))
                        .orElseGet(() -> new OccurrenceTable(stem, own.occurrences, own.reasons));
            });
        }
        return base(kind).orElseGet(() -> new OccurrenceTable(kind, Map.of(), Map.of()));
    }

    /** The kind's FEBRABAN table (which banks' tables override), else its generic fallback, else none. */
    private Optional<OccurrenceTable> base(String kind) {
        return baseByKind.computeIfAbsent(kind, k -> {
            for (String base : new String[] {FEBRABAN, GENERIC}) {
                String stem = k + "-" + base;
                if (stems.contains(stem)) {
                    Parsed table = parse(stem + ".table", read(stem + ".table"));
                    return Optional.of(new OccurrenceTable(stem, table.occurrences, table.reasons));
                }
            }
            return Optional.empty();
        });
    }

    private static Set<String> indexed() {
        Set<String> stems = new HashSet<>();
        for (String line : read("index.txt").split("\r?\n")) {
            String name = line.strip();
            if (!name.isEmpty() && !name.startsWith("#")) {
                stems.add(name.substring(0, name.length() - ".table".length()));
            }
        }
        return stems;
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
