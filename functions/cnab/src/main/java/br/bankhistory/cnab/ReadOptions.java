package br.bankhistory.cnab;

/**
 * How a read is bounded.
 *
 * @param maxFindings how many findings are kept in the summary (all are counted)
 */
public record ReadOptions(int maxFindings) {

    public static ReadOptions defaults() {
        return new ReadOptions(200);
    }
}
