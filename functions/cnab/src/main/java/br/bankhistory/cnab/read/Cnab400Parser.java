package br.bankhistory.cnab.read;

import br.bankhistory.cnab.Classification;
import br.bankhistory.cnab.FileHeader;
import br.bankhistory.cnab.FindingCodes;
import br.bankhistory.cnab.Item;
import br.bankhistory.cnab.Severity;
import br.bankhistory.cnab.layout.FieldSpec;
import br.bankhistory.cnab.layout.RecordLayout;

import java.util.function.Consumer;

/**
 * Reads CNAB 400 records: header (0), details (1, or 7 for Banco do Brasil CBR643) that each make an
 * item, bank complements (2-6, 8: messages, PIX, rateio) folded into the detail before them, and the
 * trailer (9). 444-character details (Itaú, chave NF-e at 401-444) and BRB's 39-character "DCB" header
 * with "01" details are part of the family. Positions come from the bank's layout description.
 */
final class Cnab400Parser implements FileParser {

    static final int WIDTH = 400;
    static final int WIDTH_WITH_INVOICE_KEY = 444;

    private final Findings findings;
    private final RecordCursor record;
    private final LineChecks checks;
    /** Receives the complete items, or null when only the totals are wanted. */
    private final Consumer<Item> sink;
    private final ItemDraft item = new ItemDraft();
    private final Cnab400TrailerTotals trailerTotals;
    private final Cnab400FileIdentity identity;
    private final Cnab400OccurrenceComplements occurrenceComplements;
    private final Cnab400ItemCompletion completion;

    private Cnab400Layouts layouts = Cnab400Layouts.forBank("000");
    private Cnab400Layouts.Detail detail;
    private boolean headerSeen;
    private boolean trailerSeen;
    private long records;
    private long lastLine;
    private boolean sequenceReported;

    Cnab400Parser(Findings findings, Totals totals, Consumer<Item> sink) {
        this.findings = findings;
        this.record = new RecordCursor(findings);
        this.checks = new LineChecks(findings, WIDTH, WIDTH_WITH_INVOICE_KEY, "400 ou 444", "400 or 444");
        this.sink = sink;
        this.trailerTotals = new Cnab400TrailerTotals(record, totals);
        this.identity = new Cnab400FileIdentity(record);
        this.occurrenceComplements = new Cnab400OccurrenceComplements(record);
        this.completion = new Cnab400ItemCompletion(findings, totals, sink, item, trailerTotals);
    }

    @Override
    public void line(byte[] bytes, int offset, int kept, int length, long lineNumber, int control) {
        lastLine = lineNumber;
        checks.next();
        boolean brbHeader = records == 0 && kept >= 3 && bytes[offset] == 'D' && bytes[offset + 1] == 'C'
                && bytes[offset + 2] == 'B';
        if (!brbHeader) {
            int width = length > WIDTH_WITH_INVOICE_KEY ? WIDTH_WITH_INVOICE_KEY : WIDTH;
            int repaired = checks.repairAndCheck(bytes, offset, kept, length, width, lineNumber);
            if (repaired >= 0) {
                kept = repaired;
                length = repaired;
            }
        }
        record.load(bytes, offset, kept, length == WIDTH_WITH_INVOICE_KEY ? WIDTH_WITH_INVOICE_KEY : WIDTH,
                lineNumber);
        if (trailerSeen) {
            checks.afterTrailer(record);
            return;
        }
        records++;
        if (!brbHeader) {
            checks.controlCharacter(record, control);
        }
        if (brbHeader) {
            brbHeader();
            return;
        }
        char type = record.at(1);
        if (identity.brb() && record.matches(1, "01")) {
            detail();
            return;
        }
        switch (type) {
            case '0' -> fileHeader();
            case '1', '7' -> detail();
            case '9' -> trailer();
            case '2', '3', '4', '5', '6', '8' -> complement(type);
            default -> record.report(Severity.ERROR, 1, FindingCodes.RECORD_TYPE, "record_type",
                    "Tipo de registro \"" + type + "\" desconhecido: registro ignorado.",
                    "Unknown record type \"" + type + "\": record ignored.");
        }
    }

    @Override
    public int[] recordWidths() {
        return new int[] {WIDTH, WIDTH_WITH_INVOICE_KEY};
    }

    // ---- records -----------------------------------------------------------------------------

    private void brbHeader() {
        headerSeen = true;
        identity.readBrbHeader();
        useBank(Cnab400FileIdentity.BRB_CODE);
        identity.readBrbCompany(layouts);
    }

    private void fileHeader() {
        if (headerSeen) {
            record.report(Severity.ERROR, 1, FindingCodes.RECORD_ORDER, "record_type",
                    "Segundo header de arquivo: ignorado.", "Second file header: ignored.");
            return;
        }
        headerSeen = true;
        if (records != 1) {
            record.report(Severity.WARNING, 1, FindingCodes.RECORD_ORDER, "record_type",
                    "Header de arquivo fora do início do arquivo.", "File header not at the start of the file.");
        }
        identity.readHeader();
        useBank(identity.bankCode());
        Cnab400Layouts.Header fields = identity.remessa() ? layouts.headerRemessa : layouts.headerRetorno;
        checkSequence(fields.recordSequence());
        identity.readCompany(fields);
    }

    private void useBank(String code) {
        layouts = Cnab400Layouts.forBank(code.isEmpty() ? "000" : code);
        detail = identity.remessa() ? layouts.remessa : layouts.retorno;
    }

    private void detail() {
        if (occurrenceComplement()) {
            return;
        }
        flushItem();
        if (!headerSeen && records == 1) {
            record.report(Severity.WARNING, 1, FindingCodes.MISSING_FILE_HEADER, "record_type",
                    "O arquivo não começa com um header (registro tipo 0).",
                    "The file does not start with a header (record type 0).");
        }
        if (detail == null) {
            useBank(identity.bankCode());
        }
        checkSequence(detail.sequence());
        record.validateRequired(detail.layout());
        item.start(identity.brb() ? '1' : record.at(1), record.lineNumber());
        detail.item().fill(record, item, sink != null);
        item.occurrenceCode = record.raw(detail.occurrence().start(), detail.occurrence().end());
        FieldSpec reasons = detail.reasons();
        item.rawReasons = reasons == null || sink == null || record.isBlankOrZeros(reasons.start(), reasons.end())
                ? "" : record.raw(reasons.start(), reasons.end());
        identity.readDetailDocument(detail.companyDocument());
        occurrenceComplements.titleOpened(layouts, detail, identity.remessa());
    }

    /** A remessa record of type 1 that completes the title before it: folded into it; true when folded. */
    private boolean occurrenceComplement() {
        ItemFields fields = occurrenceComplements.of(layouts, identity.remessa() && item.active);
        if (fields == null) {
            return false;
        }
        checkSequence(layouts.remessa.sequence());
        fields.fill(record, item, sink != null);
        return true;
    }

    /** A bank complement (2-8): folded into the detail before it; its described fields (Pix) fill the item. */
    private void complement(char type) {
        if (!item.active) {
            record.report(Severity.WARNING, 1, FindingCodes.SEGMENT_ORDER, "record_type",
                    "Registro complementar tipo " + type + " sem um detalhe antes dele: ignorado.",
                    "Complement record type " + type + " without a detail before it: ignored.");
            return;
        }
        ItemFields fields = (identity.remessa() ? layouts.complementsRemessa
                : layouts.complementsRetorno)[type - '0'];
        if (fields != null) {
            fields.fill(record, item, sink != null);
        }
    }

    private void trailer() {
        flushItem();
        trailerSeen = true;
        RecordLayout trailer = identity.remessa() ? layouts.trailerRemessa : layouts.trailerRetorno;
        checkSequence(trailer.find("record_sequence").orElse(null));
        trailerTotals.check(trailer, !identity.remessa(), layouts);
    }

    @Override
    public void finish() {
        if (checks.reportCutEnd(records, trailerSeen, lastLine)) {
            item.partial = item.active;
        }
        flushItem();
        if (!trailerSeen && records > 0) {
            findings.missingFileTrailer(identity.direction(), lastLine);
        }
    }

    private void flushItem() {
        completion.flush(detail, identity.bankCode());
    }

    // ---- checks ------------------------------------------------------------------------------

    private void checkSequence(FieldSpec sequence) {
        if (sequence == null || sequenceReported) {
            return;
        }
        long value = record.digits(sequence);
        if (value != records) {
            sequenceReported = true;
            record.report(Severity.WARNING, sequence.start(), FindingCodes.SEQUENCE_NUMBER, sequence.name(),
                    "Número sequencial do registro \"" + record.raw(sequence.start(), sequence.end())
                            + "\", esperado " + records + ".",
                    "Record sequence number \"" + record.raw(sequence.start(), sequence.end()) + "\", expected "
                            + records + ".");
        }
    }

    /** Reports what the classification found irregular; called once, at the end. */
    void reportClassification() {
        identity.report(findings, records);
    }

    @Override
    public Classification classification() {
        return identity.classification();
    }

    @Override
    public FileHeader header() {
        return identity.header();
    }
}
