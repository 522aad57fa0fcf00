package br.bankhistory.history.command;

import br.bankhistory.cnab.write.CobrancaTitle;
import br.bankhistory.cnab.write.Instruction;
import br.bankhistory.history.domain.InvalidRequestException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A cobrança remessa's instructions must be ones the chosen bank's layout has a code for (the bank's
 * description in the CNAB engine says which it has none for): refused before anything is written, each title
 * named, with the code {@value #CODE}.
 */
final class AcceptedInstructions {

    static final String CODE = "UNSUPPORTED_INSTRUCTION";
    private static final int SHOWN = 10;

    private AcceptedInstructions() {
    }

    static void check(String family, String bank, List<CobrancaTitle> titles) {
        List<String> refused = new ArrayList<>();
        int count = 0;
        for (int i = 0; i < titles.size(); i++) {
            Instruction instruction = titles.get(i).instruction();
            if (!instruction.acceptedBy(family, bank)) {
                count++;
                if (refused.size() < SHOWN) {
                    refused.add("titles[" + i + "].instruction: o leiaute " + family.toUpperCase(java.util.Locale.ROOT)
                            + " do banco " + bank + " não tem código para a instrução " + instruction.name());
                }
            }
        }
        if (count == 0) {
            return;
        }
        String accepted = String.join(", ", Arrays.stream(Instruction.values())
                .filter(i -> i.acceptedBy(family, bank)).map(Enum::name).toList());
        String more = count > refused.size() ? " (e mais " + (count - refused.size()) + ")" : "";
        throw new InvalidRequestException(String.join(" | ", refused) + more + ". Instruções aceitas por este banco "
                + "neste leiaute: " + accepted + " (GET /banks).", CODE);
    }
}
