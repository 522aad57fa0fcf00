package br.bankhistory.history.query;

import br.bankhistory.cnab.Direction;
import br.bankhistory.cnab.Layout;
import br.bankhistory.cnab.Service;
import br.bankhistory.cnab.bank.BankCatalog;
import br.bankhistory.cnab.bank.BankDescription;
import br.bankhistory.cnab.bank.Capability;
import br.bankhistory.cnab.layout.LayoutCatalog;
import br.bankhistory.cnab.write.Instruction;

import java.util.ArrayList;
import java.util.List;

/**
 * The banks the service knows, as the CNAB engine's catalogue describes them: what is read and written for
 * each, whether its boletos carry Pix, and the instructions {@code POST /remittances} accepts for it. The
 * catalogue is the only place a bank is added; nothing here lists banks.
 */
public final class ListBanks {

    /** A kind of file: layout family, service and direction. */
    public record Kind(Layout layout, Service service, Direction direction) {
    }

    /** An instruction a cobrança remessa of that layout takes for the bank, with the movement code written. */
    public record AcceptedInstruction(Layout layout, Instruction instruction, String code) {
    }

    /**
     * @param described    whether the engine has the bank's own description (false: read with the FEBRABAN /
     *                     generic base, known by name)
     * @param instructions for each cobrança layout written, the instructions accepted, in the enum's order
     */
    public record Bank(String code, String name, boolean described, List<Kind> reads, List<Kind> writes,
                       List<Layout> pix, List<AcceptedInstruction> instructions) {
    }

    private final List<Bank> banks;

    public ListBanks(BankCatalog catalog) {
        this.banks = catalog.all().stream().map(ListBanks::view).toList();
    }

    /** Every bank, by code (the catalogue is loaded once: so is this list). */
    public List<Bank> all() {
        return banks;
    }

    private static Bank view(BankDescription bank) {
        List<AcceptedInstruction> instructions = new ArrayList<>();
        for (Capability written : bank.writes()) {
            if (written.service() != Service.COBRANCA) {
                continue;
            }
            String family = written.layout() == Layout.CNAB240 ? LayoutCatalog.CNAB240 : LayoutCatalog.CNAB400;
            for (Instruction instruction : Instruction.values()) {
                if (instruction.acceptedBy(family, bank.code())) {
                    instructions.add(new AcceptedInstruction(written.layout(), instruction,
                            instruction.code(family, bank.code())));
                }
            }
        }
        return new Bank(bank.code(), bank.name(), bank.isDescribed(), kinds(bank.reads()), kinds(bank.writes()),
                bank.pixFamilies().stream().sorted().toList(), List.copyOf(instructions));
    }

    private static List<Kind> kinds(List<Capability> capabilities) {
        return capabilities.stream()
                .map(c -> new Kind(c.layout(), c.service(), c.direction()))
                .sorted(java.util.Comparator.comparing(Kind::layout).thenComparing(Kind::service)
                        .thenComparing(Kind::direction))
                .toList();
    }
}
