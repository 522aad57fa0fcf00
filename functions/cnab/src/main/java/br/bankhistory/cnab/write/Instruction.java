package br.bankhistory.cnab.write;

import br.bankhistory.cnab.Category;
import br.bankhistory.cnab.Layout;
import br.bankhistory.cnab.bank.BankCatalog;
import br.bankhistory.cnab.layout.LayoutCatalog;

/**
 * What a remessa asks of the bank for a title, written as the bank's movement code (240 segment P 16-17,
 * FEBRABAN table C004; 400 detail 109-110, each bank's table). The codes are FEBRABAN's, with the banks'
 * own where they differ: CNAB 400 "sustar protesto" is 18 (Itaú, Santander, Bradesco, Sicredi; 10 at BB
 * and Sicoob), and Caixa's CNAB 400 numbers its instructions its own way: a bank's own codes are in its
 * description ({@code instruction} lines of {@code banks/<code>.bank}).
 * Sources (facts, MIT): eduardokum/laravel-boleto src/Cnab/Remessa/Cnab240/Banco/*.php and
 * src/Cnab/Remessa/Cnab400/Banco/*.php (OCORRENCIA_* constants).
 */
public enum Instruction {
    ENTRY("01", "01", Category.INSTRUCTION_ENTRY),
    WRITE_OFF("02", "02", Category.INSTRUCTION_WRITE_OFF),
    GRANT_REBATE("04", "04", Category.INSTRUCTION_CHANGE),
    CANCEL_REBATE("05", "05", Category.INSTRUCTION_CHANGE),
    CHANGE_DUE_DATE("06", "06", Category.INSTRUCTION_CHANGE),
    PROTEST("09", "09", Category.INSTRUCTION_PROTEST),
    CANCEL_PROTEST("10", "18", Category.INSTRUCTION_PROTEST),
    CHANGE_OTHER_DATA("31", "31", Category.INSTRUCTION_CHANGE);

    private final String code240;
    private final String code400;
    private final Category category;

    Instruction(String code240, String code400, Category category) {
        this.code240 = code240;
        this.code400 = code400;
        this.category = category;
    }

    /**
     * The movement code for a bank and family ({@link LayoutCatalog#CNAB240} or {@link LayoutCatalog#CNAB400});
     * meaningful only when {@link #acceptedBy} the bank.
     */
    public String code(String family, String bankCode) {
        boolean cnab240 = LayoutCatalog.CNAB240.equals(family);
        return BankCatalog.standard().find(bankCode)
                .flatMap(bank -> bank.instructionCode(layout(family), name()))
                .orElse(cnab240 ? code240 : code400);
    }

    /**
     * The movement code of a title that carries a Pix: a bank whose layout enters a boleto with Pix under a
     * code of its own ({@code instruction cnab400 ENTRY_PIX 71} in Itaú's description) takes it for
     * {@link #ENTRY}; every other instruction, and every other bank, keeps {@link #code(String, String)}.
     */
    public String code(String family, String bankCode, boolean withPix) {
        if (withPix && this == ENTRY) {
            java.util.Optional<String> pixEntry = BankCatalog.standard().find(bankCode)
                    .flatMap(bank -> bank.instructionCode(layout(family), ENTRY_PIX));
            if (pixEntry.isPresent()) {
                return pixEntry.get();
            }
        }
        return code(family, bankCode);
    }

    /** The name under which a bank's description gives the entry code of a boleto with Pix. */
    public static final String ENTRY_PIX = "ENTRY_PIX";

    /**
     * Whether the bank's layout of that family has a code for this instruction: its description can say it
     * has none ({@code instruction cnab400 CHANGE_OTHER_DATA none}); a bank known only by name takes the
     * common codes.
     */
    public boolean acceptedBy(String family, String bankCode) {
        return BankCatalog.standard().find(bankCode)
                .map(bank -> bank.acceptsInstruction(layout(family), name()))
                .orElse(true);
    }

    private static Layout layout(String family) {
        return LayoutCatalog.CNAB240.equals(family) ? Layout.CNAB240 : Layout.CNAB400;
    }

    /** The category the reader gives an item with this instruction. */
    public Category category() {
        return category;
    }
}
