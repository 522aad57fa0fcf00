package br.bankhistory.cnab.bank;

import br.bankhistory.cnab.Direction;
import br.bankhistory.cnab.Layout;
import br.bankhistory.cnab.Service;
import br.bankhistory.cnab.layout.FieldSpec;
import br.bankhistory.cnab.layout.LayoutCatalog;
import br.bankhistory.cnab.layout.RecordLayout;
import br.bankhistory.cnab.occurrence.OccurrenceCatalog;
import br.bankhistory.cnab.write.Instruction;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lint over all layout and bank data: what a bank author's slip (a mistyped position, a missing index
 * line, a table named but not written) looks like, caught before any file is read.
 */
class LayoutDataLintTest {

    private static final LayoutCatalog LAYOUTS = LayoutCatalog.standard();
    private static final String ROOT = "/br/bankhistory/cnab/";

    /** The records a reader needs for each kind of file a bank says it reads. */
    private static final Map<String, List<String>> NEEDED = Map.of(
            "cnab240 cobranca retorno", List.of("file-header", "lote-header-cobranca", "segment-T", "segment-U",
                    "lote-trailer-cobranca", "file-trailer"),
            "cnab240 cobranca remessa", List.of("file-header", "lote-header-cobranca", "segment-P", "segment-Q",
                    "lote-trailer-cobranca", "file-trailer"),
            "cnab240 pagamento retorno", List.of("file-header", "lote-header-pagamento", "segment-A", "segment-B",
                    "segment-J", "segment-J52", "segment-O", "segment-N", "segment-Z", "lote-trailer-pagamento",
                    "file-trailer"),
            "cnab240 pagamento remessa", List.of("file-header", "lote-header-pagamento", "segment-A", "segment-B",
                    "segment-J", "segment-J52", "lote-trailer-pagamento", "file-trailer"),
            "cnab240 extrato retorno", List.of("file-header", "lote-header-extrato", "segment-E",
                    "lote-trailer-extrato", "file-trailer"),
            "cnab400 cobranca retorno", List.of("header", "detail-retorno", "trailer-retorno"),
            "cnab400 cobranca remessa", List.of("header", "detail-remessa", "trailer-remessa"));

    @Test
    void noFieldOverlapsAnotherUnlessItIsANamedPartOfIt() {
        List<String> problems = new ArrayList<>();
        forEveryRecord((name, record) -> {
            FieldSpec[] fields = record.fields();
            for (int i = 0; i < fields.length; i++) {
                for (int j = i + 1; j < fields.length; j++) {
                    FieldSpec a = fields[i];
                    FieldSpec b = fields[j];
                    boolean overlap = b.start() <= a.end() && a.start() <= b.end();
                    boolean within = (b.start() >= a.start() && b.end() <= a.end())
                            || (a.start() >= b.start() && a.end() <= b.end());
                    if (overlap && !within) {
                        problems.add(name + ": " + a.name() + " " + a.start() + "-" + a.end() + " / " + b.name() + " "
                                + b.start() + "-" + b.end());
                    }
                }
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void everyPositionIsAFieldOrADeclaredFiller() {
        List<String> gaps = new ArrayList<>();
        forEveryRecord((name, record) -> {
            int width = width(name, record);
            boolean[] covered = new boolean[width + 1];
            for (FieldSpec field : record.fields()) {
                for (int p = field.start(); p <= Math.min(field.end(), width); p++) {
                    covered[p] = true;
                }
            }
            for (int[] filler : record.fillers()) {
                for (int p = filler[0]; p <= Math.min(filler[1], width); p++) {
                    covered[p] = true;
                }
            }
            for (int p = 1; p <= width; p++) {
                if (!covered[p]) {
                    int end = p;
                    while (end < width && !covered[end + 1]) {
                        end++;
                    }
                    gaps.add(name + " " + p + " " + end);
                    p = end;
                }
            }
        });
        assertThat(gaps).isEmpty();
    }

    @Test
    void everyKindOfFileABankReadsHasEveryRecordItNeeds() {
        for (BankDescription bank : BankCatalog.standard().all()) {
            for (Capability capability : bank.reads()) {
                String kind = capability.toString();
                assertThat(NEEDED).as(bank.code() + " reads " + kind).containsKey(kind);
                String family = capability.layout() == Layout.CNAB240 ? LayoutCatalog.CNAB240 : LayoutCatalog.CNAB400;
                for (String record : NEEDED.get(kind)) {
                    assertThat(LAYOUTS.find(family, bank.code(), record)).as(bank.code() + " " + kind + " " + record)
                            .isPresent();
                }
            }
        }
    }

    @Test
    void everyFileABankNamesExistsAndIsIndexed() {
        Set<String> layoutIndex = Set.copyOf(lines("layouts/index.txt"));
        Set<String> tableIndex = Set.copyOf(lines("occurrences/index.txt"));
        for (BankDescription bank : BankCatalog.standard().all()) {
            for (String file : bank.layoutFiles()) {
                assertThat(layoutIndex).as(bank.code() + " layout " + file).contains(file);
                assertThat(file).endsWith("-" + bank.code() + ".layout");
            }
            for (String table : bank.occurrenceTables()) {
                assertThat(tableIndex).as(bank.code() + " table " + table).contains(table);
                assertThat(table).endsWith("-" + bank.code() + ".table");
                assertThat(OccurrenceCatalog.standard().table(table.substring(0, table.lastIndexOf('-')), bank.code())
                        .name()).isEqualTo(table.substring(0, table.length() - ".table".length()));
            }
        }
        // and the other way round: every bank file in an index belongs to a described bank
        for (String file : layoutIndex) {
            String bank = file.substring(file.indexOf('-') + 1, file.lastIndexOf('.'));
            if (bank.matches("\\d{3}")) {
                assertThat(BankCatalog.standard().find(bank).orElseThrow().layoutFiles()).as(file).contains(file);
            }
        }
        for (String table : tableIndex) {
            String bank = table.substring(table.lastIndexOf('-') + 1, table.lastIndexOf('.'));
            if (bank.matches("\\d{3}")) {
                assertThat(BankCatalog.standard().find(bank).orElseThrow().occurrenceTables()).as(table).contains(table);
            }
        }
        assertThat(lines("banks/index.txt")).hasSize(BankCatalog.standard().all().size());
    }

    @Test
    void everyInstructionABankWritesIsAnInstructionAndACodeOfItsRemessaTable() {
        for (BankDescription bank : BankCatalog.standard().all()) {
            for (var family : bank.instructionCodes().entrySet()) {
                for (String name : family.getValue().keySet()) {
                    // ENTRY_PIX: the entry code of a boleto with Pix (Itaú 400's 71), not an instruction of its own
                    assertThat(java.util.stream.Stream.concat(java.util.Arrays.stream(Instruction.values())
                            .map(Enum::name), java.util.stream.Stream.of(Instruction.ENTRY_PIX)))
                            .as(bank.code() + " instruction " + name).contains(name);
                }
            }
            for (Capability written : bank.writes()) {
                if (written.service() != Service.COBRANCA) {
                    continue;
                }
                String family = written.layout() == Layout.CNAB240 ? LayoutCatalog.CNAB240 : LayoutCatalog.CNAB400;
                var table = OccurrenceCatalog.standard().table(family + "-cobranca-remessa", bank.code());
                assertThat(table.knows(Instruction.ENTRY.code(family, bank.code(), true)))
                        .as(bank.code() + " " + family + " entry with Pix").isTrue();
                for (Instruction instruction : Instruction.values()) {
                    if (instruction.acceptedBy(family, bank.code())) {
                        assertThat(table.knows(instruction.code(family, bank.code())))
                                .as(bank.code() + " " + family + " " + instruction).isTrue();
                    }
                }
            }
        }
    }

    @Test
    void everyWrittenKindIsAlsoRead() {
        for (BankDescription bank : BankCatalog.standard().all()) {
            for (Capability written : bank.writes()) {
                if (written.service() == Service.COBRANCA) {
                    assertThat(bank.reads(written.layout(), written.service(), Direction.REMESSA)
                            || bank.reads(written.layout(), written.service(), Direction.RETORNO))
                            .as(bank.code() + " writes " + written).isTrue();
                }
            }
        }
    }

    private interface RecordCheck {
        void check(String name, RecordLayout record);
    }

    /** Every base record, and every record a bank describes itself (merged over the base). */
    private static void forEveryRecord(RecordCheck check) {
        for (String family : List.of(LayoutCatalog.CNAB240, LayoutCatalog.CNAB400)) {
            String base = family.equals(LayoutCatalog.CNAB240) ? "febraban" : "generic";
            for (String record : LAYOUTS.recordNames(family, base)) {
                check.check(family + "/" + base + "/" + record, LAYOUTS.record(family, base, record));
            }
            for (BankDescription bank : BankCatalog.standard().all()) {
                for (String record : LAYOUTS.recordNames(family, bank.code())) {
                    if (LAYOUTS.hasOwn(family, bank.code(), record)) {
                        check.check(family + "/" + bank.code() + "/" + record,
                                LAYOUTS.record(family, bank.code(), record));
                    }
                }
            }
        }
    }

    private static int width(String name, RecordLayout record) {
        int width = record.width() > 0 ? record.width() : name.startsWith(LayoutCatalog.CNAB240) ? 240 : 400;
        for (FieldSpec field : record.fields()) {
            width = Math.max(width, field.end());
        }
        return width;
    }

    private static List<String> lines(String resource) {
        try (InputStream in = LayoutDataLintTest.class.getResourceAsStream(ROOT + resource)) {
            List<String> lines = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n")) {
                String stripped = line.strip();
                if (!stripped.isEmpty() && !stripped.startsWith("#")) {
                    lines.add(stripped);
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
