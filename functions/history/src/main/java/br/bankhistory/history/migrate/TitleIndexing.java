package br.bankhistory.history.migrate;

import br.bankhistory.history.domain.FileKind;
import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.domain.RecordStatus;
import br.bankhistory.history.ingest.ApplyRetorno;
import br.bankhistory.history.ingest.ClaimRemessaTitles;
import br.bankhistory.history.titles.TitleRegistry;

/**
 * A migrated record put in the title index as recording would have put it: a live remessa claims and indexes its
 * titles, a cancelled one is indexed, a retorno is applied again (which is idempotent).
 */
record TitleIndexing(ClaimRemessaTitles claims, ApplyRetorno apply) {

    /**
     * @throws br.bankhistory.history.domain.RetryLaterException while another retorno of the bank is being applied
     */
    void index(IntegrationRecord record) {
        if (TitleRegistry.LIVE.contains(record.status())) {
            claims.claim(record);
        } else if (record.status() == RecordStatus.CANCELLED) {
            claims.index(record); // it was live once, and retornos still tell about its titles
        } else if (isRetorno(record)) {
            apply.apply(record); // a retorno that was not processed is not applied, as on its arrival
        }
    }

    static boolean isRetorno(IntegrationRecord r) {
        return r.kind() == FileKind.RETORNO_COBRANCA || r.kind() == FileKind.RETORNO_PAGAMENTO;
    }
}
