package br.bankhistory.cnab.bank;

import br.bankhistory.cnab.Layout;
import br.bankhistory.cnab.Service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every bank the engine knows, from {@code banks/*.bank} (listed in {@code banks/index.txt}), each file parsed
 * at the first question about its bank, once.
 * One file per bank; its lines:
 *
 * <pre>
 * code         341
 * name         Itaú
 * read         cnab240 cobranca retorno      # one line per kind of file read (layout service direction)
 * write        cnab400 cobranca remessa      # one line per remessa the typed writer produces
 * layout       cnab400-341.layout            # the bank's layout files (also listed in layouts/index.txt)
 * table        cnab400-cobranca-retorno-341.table   # its occurrence tables (occurrences/index.txt)
 * instruction  cnab400 CANCEL_PROTEST 10     # a remessa movement code of its own
 * instruction  cnab400 CHANGE_OTHER_DATA none # an instruction its layout has no code for (refused)
 * pix          cnab240                        # its boletos carry Pix in that family
 * </pre>
 *
 * {@code #} starts a comment. A bank known only by name has just {@code code} and {@code name}.
 */
public final class BankCatalog {

    private static final String RESOURCE_DIR = "/br/bankhistory/cnab/banks/";
    private static final BankCatalog STANDARD = new BankCatalog(indexed());

    /** Every described bank's code, from the index, in order. */
    private final List<String> codes;
    /** Each bank's description, parsed at the first question about that bank, once. */
    private final Map<String, BankDescription> byCode = new ConcurrentHashMap<>();

    private BankCatalog(List<String> codes) {
        this.codes = List.copyOf(codes);
    }

    public static BankCatalog standard() {
        return STANDARD;
    }

    /** Every bank, by code. */
    public List<BankDescription> all() {
        return codes.stream().map(this::described).toList();
    }

    public Optional<BankDescription> find(String code) {
        return isKnown(code) ? Optional.of(described(code)) : Optional.empty();
    }

    public boolean isKnown(String code) {
        return code != null && java.util.Collections.binarySearch(codes, code) >= 0;
    }

    /** The bank's short name, or empty when the code is not known. */
    public String name(String code) {
        return find(code).map(BankDescription::name).orElse("");
    }

    /** The codes of the banks whose remessas of that layout and service the writer produces, in order. */
    public List<String> writing(Layout layout, Service service) {
        List<String> writing = new ArrayList<>();
        for (BankDescription bank : all()) {
            if (bank.writes(layout, service)) {
                writing.add(bank.code());
            }
        }
        return List.copyOf(writing);
    }

    private BankDescription described(String code) {
        return byCode.computeIfAbsent(code, c -> parse(c + ".bank", read(c + ".bank")));
    }

    /** The index's codes, sorted: each file is {@code <code>.bank} ({@link #parse} holds every file to it). */
    private static List<String> indexed() {
        java.util.SortedSet<String> codes = new java.util.TreeSet<>();
        for (String line : read("index.txt").split("\r?\n")) {
            String name = stripComment(line);
            if (name.isEmpty()) {
                continue;
            }
            if (!name.matches("\\d{3}\\.bank")) {
                throw new IllegalStateException("banks/index.txt: " + name + " is not a bank's file (<code>.bank)");
            }
            if (!codes.add(name.substring(0, 3))) {
                throw new IllegalStateException("bank " + name.substring(0, 3) + " is described twice");
            }
        }
        return new ArrayList<>(codes);
    }

    static BankDescription parse(String source, String text) {
        String code = null;
        String name = null;
        List<Capability> reads = new ArrayList<>();
        List<Capability> writes = new ArrayList<>();
        List<String> layouts = new ArrayList<>();
        List<String> tables = new ArrayList<>();
        Map<Layout, Map<String, String>> instructions = new EnumMap<>(Layout.class);
        Set<Layout> pix = EnumSet.noneOf(Layout.class);
        String[] lines = text.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String line = stripComment(lines[i]);
            if (line.isEmpty()) {
                continue;
            }
            String where = source + ":" + (i + 1);
            String[] parts = line.split("\\s+", 2);
            String value = parts.length > 1 ? parts[1].strip() : "";
            if (value.isEmpty()) {
                throw new IllegalStateException(where + ": '" + parts[0] + "' without a value");
            }
            switch (parts[0]) {
                case "code" -> code = value;
                case "name" -> name = value;
                case "read" -> reads.add(Capability.parse(where, value));
                case "write" -> {
                    Capability written = Capability.parse(where, value);
                    if (written.direction() != br.bankhistory.cnab.Direction.REMESSA) {
                        throw new IllegalStateException(where + ": only remessas are written");
                    }
                    writes.add(written);
                }
                case "layout" -> layouts.add(value);
                case "table" -> tables.add(value);
                case "instruction" -> {
                    String[] codeParts = value.split("\\s+");
                    if (codeParts.length != 3) {
                        throw new IllegalStateException(where + ": expected 'instruction FAMILY NAME CODE'");
                    }
                    if (!codeParts[2].matches("\\d{2}") && !BankDescription.NOT_ACCEPTED.equals(codeParts[2])) {
                        throw new IllegalStateException(where + ": an instruction code is two digits or '"
                                + BankDescription.NOT_ACCEPTED + "'");
                    }
                    instructions.computeIfAbsent(family(where, codeParts[0]), k -> new LinkedHashMap<>())
                            .put(codeParts[1], codeParts[2]);
                }
                case "pix" -> pix.add(family(where, value));
                default -> throw new IllegalStateException(where + ": unknown key " + parts[0]);
            }
        }
        if (code == null || !code.matches("\\d{3}") || name == null) {
            throw new IllegalStateException(source + ": a bank needs a three-digit code and a name");
        }
        if (!source.equals(code + ".bank")) {
            throw new IllegalStateException(source + ": the file of bank " + code + " must be " + code + ".bank");
        }
        return new BankDescription(code, name, reads, writes, layouts, tables, instructions, pix);
    }

    private static Layout family(String where, String text) {
        return switch (text) {
            case "cnab240" -> Layout.CNAB240;
            case "cnab400" -> Layout.CNAB400;
            default -> throw new IllegalStateException(where + ": unknown layout family " + text);
        };
    }

    private static String stripComment(String line) {
        int hash = line.indexOf('#');
        return (hash < 0 ? line : line.substring(0, hash)).strip();
    }

    private static String read(String name) {
        try (InputStream in = BankCatalog.class.getResourceAsStream(RESOURCE_DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("missing bank resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
