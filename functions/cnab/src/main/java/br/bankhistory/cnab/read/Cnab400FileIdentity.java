package br.bankhistory.cnab.read;

import br.bankhistory.cnab.Banks;
import br.bankhistory.cnab.Classification;
import br.bankhistory.cnab.Direction;
import br.bankhistory.cnab.FileHeader;
import br.bankhistory.cnab.FindingCodes;
import br.bankhistory.cnab.Layout;
import br.bankhistory.cnab.Service;
import br.bankhistory.cnab.Severity;
import br.bankhistory.cnab.layout.FieldSpec;

/**
 * What a CNAB 400 file's header says the file is: its bank (77-79), its direction (2, or the word at 3-9),
 * BRB's "DCB" remessa, and the company it belongs to (completed by the first detail's document when the
 * header has none).
 */
final class Cnab400FileIdentity {

    static final String BRB_CODE = "070";

    private final RecordCursor record;
    private String bankCode = "";
    private Direction direction = Direction.UNKNOWN;
    private boolean brb;
    private FileHeader header = FileHeader.empty();
    private String detailDocument = "";

    Cnab400FileIdentity(RecordCursor record) {
        this.record = record;
    }

    /** The current record is BRB's "DCB" header: a BRB remessa. */
    void readBrbHeader() {
        brb = true;
        bankCode = BRB_CODE;
        direction = Direction.REMESSA;
    }

    /** The company of BRB's header, at its bank's positions. */
    void readBrbCompany(Cnab400Layouts layouts) {
        header = new FileHeader("", "", record.textOrEmpty(layouts.headerAgency),
                record.textOrEmpty(layouts.headerAccount), "", 0, record.date(layouts.headerGeneratedOn));
    }

    /** The current record is a file header: its bank and direction. */
    void readHeader() {
        String code = record.raw(77, 79);
        bankCode = code.chars().allMatch(c -> c >= '0' && c <= '9') ? code : "";
        if (record.at(2) == '1' || record.matches(3, "REMESSA")) {
            direction = Direction.REMESSA;
        } else if (record.at(2) == '2' || record.matches(3, "RETORNO")) {
            direction = Direction.RETORNO;
        }
    }

    /** The company of the file header, at the bank's positions for the file's direction. */
    void readCompany(Cnab400Layouts.Header fields) {
        header = new FileHeader(record.textOrEmpty(fields.companyName()), record.textOrEmpty(fields.companyDocument()),
                record.textOrEmpty(fields.agency()), record.textOrEmpty(fields.account()),
                record.textOrEmpty(fields.agreement()),
                fields.sequence() == null ? 0 : record.number(fields.sequence()), record.date(fields.generatedOn()));
    }

    /** The current record is a detail: the first one with a company document gives it to the header. */
    void readDetailDocument(FieldSpec document) {
        if (detailDocument.isEmpty() && document != null) {
            detailDocument = record.text(document);
        }
    }

    String bankCode() {
        return bankCode;
    }

    Direction direction() {
        return direction;
    }

    boolean remessa() {
        return direction == Direction.REMESSA;
    }

    boolean brb() {
        return brb;
    }

    FileHeader header() {
        if (header.companyDocument().isEmpty() && !detailDocument.isEmpty()) {
            return new FileHeader(header.companyName(), detailDocument, header.agency(), header.account(),
                    header.agreement(), header.sequenceNumber(), header.generatedOn());
        }
        return header;
    }

    Classification classification() {
        return new Classification(Layout.CNAB400, direction, Service.COBRANCA, bankCode, Banks.shortName(bankCode),
                "");
    }

    /** Reports what the classification found irregular (a file of {@code records} records). */
    void report(Findings findings, long records) {
        if (direction == Direction.UNKNOWN && records > 0) {
            findings.add(Severity.WARNING, 1, 2, FindingCodes.UNKNOWN_DIRECTION, "direction",
                    "Não foi possível saber se o arquivo é remessa ou retorno (header posições 2-9).",
                    "Could not tell remessa from retorno (header positions 2-9).");
        }
        if (!bankCode.isEmpty() && !Banks.isKnown(bankCode)) {
            findings.add(Severity.INFO, 1, 77, FindingCodes.UNKNOWN_BANK, "bank_code",
                    "Banco \"" + bankCode + "\" não consta da tabela de bancos.",
                    "Bank \"" + bankCode + "\" is not in the bank table.");
        }
    }
}
