package br.bankhistory.history.domain;

/**
 * How one title links across files (docs/remessa-lifecycle.md, "Reconciliation"): a retorno's title found in
 * (or missing from) the remessa that sent it, or already reported by an earlier retorno; and a remessa's title
 * answered by a retorno.
 *
 * @param recordId the other file's record, empty when not found
 * @param fileName the other file's name, empty when not found
 * @param seq      the title's position in the other file, 0 when not found
 * @param line     the title's line in the other file, 0 when not known
 * @param category the retorno's outcome for the title (on the remessa side), empty otherwise
 */
public record Reconciliation(Status status, String recordId, String fileName, int seq, int line, String category) {

    public enum Status {
        /** A retorno's title, found in the remessa that sent it. */
        MATCHED,
        /** A retorno's title no remessa of the tenant sent ("não localizado"). */
        NOT_FOUND,
        /**
         * A retorno's title event (occurrence, date, amount) an earlier retorno already reported ("já informado
         * em ..."): counted apart, not applied again.
         */
        REPEATED,
        /**
         * A retorno's item read from a record cut short (the file was released though incomplete): what it says
         * cannot be trusted, so it is not applied.
         */
        PARTIAL,
        /** A remessa's title, answered by a retorno. */
        ANSWERED
    }

    public static Reconciliation notFound() {
        return new Reconciliation(Status.NOT_FOUND, "", "", 0, 0, "");
    }

    public static Reconciliation partial() {
        return new Reconciliation(Status.PARTIAL, "", "", 0, 0, "");
    }
}
