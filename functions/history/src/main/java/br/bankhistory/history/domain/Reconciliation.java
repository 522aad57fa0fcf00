package br.bankhistory.history.domain;

/**
 * How a title links across files: a retorno's title found in (or missing from) the remessa that sent it,
 * and a remessa's title answered by a retorno.
 *
 * @param recordId the other file's record, empty when not found
 * @param seq      the title's position in the other file, 0 when not found
 * @param category the retorno's outcome for the title (on the remessa side), empty otherwise
 */
public record Reconciliation(Status status, String recordId, String fileName, int seq, String category) {

    public enum Status {
        /** A retorno's title, found in the remessa that sent it. */
        MATCHED,
        /** A retorno's title no remessa of the tenant sent ("não localizado"). */
        NOT_FOUND,
        /** A remessa's title, answered by a retorno. */
        ANSWERED
    }

    public static Reconciliation notFound() {
        return new Reconciliation(Status.NOT_FOUND, "", "", 0, "");
    }
}
