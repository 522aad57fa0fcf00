package br.bankhistory.history.notify;

import java.util.List;

/**
 * What a processed retorno's email says first, read from its items after reconciliation: the rejected ones, the
 * titles of cancelled remessas the bank acted on, and the titles no remessa sent.
 *
 * @param rejected        the first rejected items, in file order
 * @param cancelled       the first titles (payments) of cancelled remessas the bank acted on
 * @param notFound        the numbers of the first titles (payments) found in no remessa
 * @param notFoundCount   how many titles were found in no remessa among the items read
 * @param complete        whether every item of the file was read (false: a huge file, only its first items)
 * @param cobrancaCredits an extrato's cobrança credits (0 for any other file)
 * @param creditsMatched  how many of them were matched to retornos
 */
public record RetornoHighlights(List<RejectedItemLine> rejected, List<CancelledRemessaTitle> cancelled,
                                List<String> notFound, long notFoundCount, boolean complete, long cobrancaCredits,
                                long creditsMatched) {

    public RetornoHighlights(List<RejectedItemLine> rejected, List<CancelledRemessaTitle> cancelled,
                             List<String> notFound, long notFoundCount, boolean complete) {
        this(rejected, cancelled, notFound, notFoundCount, complete, 0, 0);
    }

    /** The same, with an extrato's cobrança credits and how many were matched. */
    public RetornoHighlights withCredits(long matched, long total) {
        return new RetornoHighlights(rejected, cancelled, notFound, notFoundCount, complete, total, matched);
    }

    public RetornoHighlights {
        rejected = rejected == null ? List.of() : List.copyOf(rejected);
        cancelled = cancelled == null ? List.of() : List.copyOf(cancelled);
        notFound = notFound == null ? List.of() : List.copyOf(notFound);
        notFoundCount = Math.max(notFoundCount, notFound.size());
    }

    /** Nothing known beyond the record (no items read). */
    public static RetornoHighlights none() {
        return new RetornoHighlights(List.of(), List.of(), List.of(), 0, false);
    }

    /** Only the rejected items known. */
    public static RetornoHighlights ofRejected(List<RejectedItemLine> rejected) {
        return new RetornoHighlights(rejected, List.of(), List.of(), 0, false);
    }

    /**
     * A title (payment) of a remessa the company cancelled that the bank acted on anyway.
     *
     * @param number         the title's nosso número, or a payment's seu número
     * @param category       what the bank did ({@code br.bankhistory.cnab.Category} name: PAID, EFFECTED, ...)
     * @param remessaFile    the cancelled remessa's file name
     * @param amountCents    the title's or payment's amount
     */
    public record CancelledRemessaTitle(String number, String category, String remessaFile, long amountCents) {

        public CancelledRemessaTitle {
            number = number == null ? "" : number;
            category = category == null ? "" : category;
            remessaFile = remessaFile == null ? "" : remessaFile;
        }
    }
}
