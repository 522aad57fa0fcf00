package br.bankhistory.cnab.bank;

import br.bankhistory.cnab.Direction;
import br.bankhistory.cnab.Layout;
import br.bankhistory.cnab.Service;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the engine knows of one bank, from its description file ({@code banks/<code>.bank}): the
 * only place a bank is added.
 *
 * @param code             the three-digit FEBRABAN (COMPE) code
 * @param name             the short name people know the bank by ("Itaú", "Banco do Brasil")
 * @param reads            the kinds of file read with the bank's own description, each proven by a test
 * @param writes           the remessas the typed writer produces for the bank (direction REMESSA)
 * @param layoutFiles      the bank's layout files ({@code cnab240-341.layout}), empty when the FEBRABAN /
 *                         generic base alone applies
 * @param occurrenceTables the bank's occurrence tables ({@code cnab400-cobranca-retorno-341.table})
 * @param instructionCodes the bank's own remessa movement codes where they differ from the common ones, by
 *                         layout family then {@code br.bankhistory.cnab.write.Instruction} name; the code
 *                         {@value #NOT_ACCEPTED} marks an instruction the bank's layout has no code for
 * @param pixFamilies      the layout families in which the bank's cobrança files carry Pix (boleto
 *                         híbrido: txid, key, EMV), as its manual defines them
 */
public record BankDescription(String code, String name, List<Capability> reads, List<Capability> writes,
                              List<String> layoutFiles, List<String> occurrenceTables,
                              Map<Layout, Map<String, String>> instructionCodes, Set<Layout> pixFamilies) {

    /** The code of an instruction the bank does not accept in that family. */
    public static final String NOT_ACCEPTED = "none";

    public BankDescription {
        reads = List.copyOf(reads);
        writes = List.copyOf(writes);
        layoutFiles = List.copyOf(layoutFiles);
        occurrenceTables = List.copyOf(occurrenceTables);
        instructionCodes = Map.copyOf(instructionCodes);
        pixFamilies = Set.copyOf(pixFamilies);
    }

    /** Whether the engine reads that kind of file with the bank's own description. */
    public boolean reads(Layout layout, Service service, Direction direction) {
        return reads.contains(new Capability(layout, service, direction));
    }

    /** Whether the writer produces remessas of that layout and service for the bank. */
    public boolean writes(Layout layout, Service service) {
        return writes.contains(new Capability(layout, service, Direction.REMESSA));
    }

    /** Whether the bank's boletos carry Pix in any layout the engine describes. */
    public boolean pixInBoleto() {
        return !pixFamilies.isEmpty();
    }

    /** The bank's own movement code of a remessa instruction (an {@code Instruction} name), if it has one. */
    public Optional<String> instructionCode(Layout layout, String instruction) {
        return Optional.ofNullable(instructionCodes.getOrDefault(layout, Map.of()).get(instruction))
                .filter(code -> !NOT_ACCEPTED.equals(code));
    }

    /** Whether the bank's layout of that family has a movement code for the instruction (an {@code Instruction} name). */
    public boolean acceptsInstruction(Layout layout, String instruction) {
        return !NOT_ACCEPTED.equals(instructionCodes.getOrDefault(layout, Map.of()).get(instruction));
    }

    /** Whether the description says more than the bank's name (a layout, a table, a capability). */
    public boolean isDescribed() {
        return !reads.isEmpty() || !writes.isEmpty() || !layoutFiles.isEmpty() || !occurrenceTables.isEmpty();
    }
}
