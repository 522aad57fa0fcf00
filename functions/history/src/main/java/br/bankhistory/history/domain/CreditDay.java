package br.bankhistory.history.domain;

import br.bankhistory.cnab.StatementEntry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What one tenant's bank says was credited by cobrança on one date, from both sides (docs/data-model.md,
 * "Cobrança credits"): the retornos' credited totals of the date and the extratos' cobrança credit entries of the
 * date. Whichever file arrives first, the other finds it here; each file's part is replaced whole, so recording
 * a file again changes nothing.
 */
public record CreditDay(String bank, LocalDate date, List<Credit> retornos, List<Credit> entries) {

    /** FEBRABAN category of an extrato entry (segment E 170-172) that is a cobrança's liquidation. */
    public static final String COBRANCA_CATEGORY = "202";

    private static final Comparator<Credit> ORDER = Comparator.comparing(Credit::recordId)
            .thenComparingInt(Credit::seq);

    public CreditDay {
        retornos = sorted(retornos);
        entries = sorted(entries);
    }

    /**
     * One side's credit of the date.
     *
     * @param seq     an extrato entry's position (0 for a retorno's total)
     * @param line    an extrato entry's line (0 for a retorno's total)
     * @param account the file's agency/account without leading zeros, empty when the file names none
     */
    public record Credit(String recordId, String fileName, int seq, int line, String account, long amountCents) {
    }

    public static CreditDay empty(String bank, LocalDate date) {
        return new CreditDay(bank, date, List.of(), List.of());
    }

    /** The day with one record's part replaced (given empty: the record leaves the day). */
    public CreditDay replacing(String recordId, List<Credit> ofRetorno, List<Credit> ofExtrato) {
        List<Credit> r = new ArrayList<>(retornos.stream().filter(c -> !c.recordId().equals(recordId)).toList());
        r.addAll(ofRetorno);
        List<Credit> e = new ArrayList<>(entries.stream().filter(c -> !c.recordId().equals(recordId)).toList());
        e.addAll(ofExtrato);
        return new CreditDay(bank, date, r, e);
    }

    public boolean isEmpty() {
        return retornos.isEmpty() && entries.isEmpty();
    }

    /** Whether an extrato entry is a cobrança credit (category 202, "Líquido de cobrança", nature C). */
    public static boolean cobranca(StatementEntry entry) {
        return entry != null && entry.credit() && COBRANCA_CATEGORY.equals(entry.categoryCode())
                && entry.date() != null && entry.amountCents() > 0;
    }

    /** A file's agency/account as the day compares it: digits without leading zeros, empty without an account. */
    public static String accountOf(IntegrationRecord record) {
        String account = BankAccount.key(record.account());
        return account.isEmpty() ? "" : BankAccount.key(record.agency()) + "/" + account;
    }

    /** Two files may meet when they name the same account, or either names none. */
    static boolean sameAccount(Credit a, Credit b) {
        return a.account().isEmpty() || b.account().isEmpty() || a.account().equals(b.account());
    }

    private static List<Credit> sorted(List<Credit> credits) {
        List<Credit> out = new ArrayList<>(credits == null ? List.of() : credits);
        out.sort(ORDER);
        return List.copyOf(out);
    }
}
