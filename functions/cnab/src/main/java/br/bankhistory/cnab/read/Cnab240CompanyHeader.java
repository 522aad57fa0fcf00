package br.bankhistory.cnab.read;

import br.bankhistory.cnab.FileHeader;

import java.time.LocalDate;

/**
 * What a CNAB 240 file says of the company and itself: the file header (read both at the bank's cobrança and
 * pagamento positions, the first lote deciding which holds), the first lote header's company (for a file
 * without a header) and the layout version.
 */
final class Cnab240CompanyHeader {

    private final RecordCursor record;
    private String layoutVersion = "";
    private FileHeader header;
    /** The file header read with the bank's pagamento header description; taken if the first lote is pagamento. */
    private FileHeader pagamentoHeader;
    private FileHeader loteHeader;

    Cnab240CompanyHeader(RecordCursor record) {
        this.record = record;
    }

    /** The current record is the file header. */
    void readFileHeader(Cnab240Layouts layouts) {
        layoutVersion = record.text(layouts.headerLayoutVersion);
        long sequence = record.number(layouts.headerSequence);
        LocalDate generatedOn = record.date(layouts.headerGeneratedOn);
        header = new FileHeader(record.text(layouts.headerCompanyName),
                record.textOrEmpty(layouts.headerCompanyDocument), record.textOrEmpty(layouts.headerAgency),
                record.textOrEmpty(layouts.headerAccount), record.textOrEmpty(layouts.headerAgreement), sequence,
                generatedOn);
        Cnab240Layouts.HeaderFields pagamento = layouts.pagamentoFileHeader;
        pagamentoHeader = pagamento == null ? null : new FileHeader(record.text(pagamento.name()),
                record.textOrEmpty(pagamento.document()), record.textOrEmpty(pagamento.agency()),
                record.textOrEmpty(pagamento.account()), record.textOrEmpty(pagamento.agreement()), sequence,
                generatedOn);
    }

    /** The current record is the header of the file's first lote, of a pagamento service or not. */
    void readFirstLoteHeader(Cnab240Layouts layouts, boolean pagamento) {
        if (pagamento && header != null && pagamentoHeader != null) {
            header = pagamentoHeader; // a pagamento file: its header at the bank's pagamento positions
        }
        Cnab240Layouts.HeaderFields company = pagamento ? layouts.pagamentoLoteCompany : layouts.cobrancaLoteCompany;
        loteHeader = new FileHeader(record.text(company.name()), record.textOrEmpty(company.document()),
                record.textOrEmpty(company.agency()), record.textOrEmpty(company.account()),
                record.textOrEmpty(company.agreement()), 0, null);
        if (layoutVersion.isEmpty() && header == null) {
            layoutVersion = record.text(layouts.loteLayoutVersion);
        }
    }

    FileHeader header() {
        if (header != null) {
            return header;
        }
        return loteHeader != null ? loteHeader : FileHeader.empty();
    }

    String layoutVersion() {
        return layoutVersion;
    }
}
