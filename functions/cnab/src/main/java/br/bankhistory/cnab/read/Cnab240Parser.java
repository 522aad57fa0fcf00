package br.bankhistory.cnab.read;

import br.bankhistory.cnab.Banks;
import br.bankhistory.cnab.Classification;
import br.bankhistory.cnab.FileHeader;
import br.bankhistory.cnab.FindingCodes;
import br.bankhistory.cnab.Item;
import br.bankhistory.cnab.Layout;
import br.bankhistory.cnab.Severity;
import br.bankhistory.cnab.text.Messages;

import java.util.function.Consumer;

/**
 * Reads FEBRABAN CNAB 240 records. The record framing every 240 record shares is fixed here (bank 1-3,
 * lote 4-7, record type 8, sequence in the lote 9-13, segment 14; file header direction 143; lote header
 * operation 9 and service 10-11); every other position comes from the bank's layout description.
 *
 * <p>Records: file header (0), lote header (1), details (3, by segment letter at 14: {@link Cnab240Segments}),
 * lote trailer (5, {@link Cnab240Lote}), file trailer (9). Items are assembled from their segments (T+U,
 * P+Q+R/S/Y, A+B, J+J-52, O, N, +Z) and pushed as soon as the next item, lote or file record starts
 * ({@link Cnab240ItemCompletion}). Structure, counts and field content are checked as the lines go by; nothing
 * is kept but the current item and a few counters.
 */
final class Cnab240Parser implements FileParser {

    static final int WIDTH = 240;

    private enum Position { START, FILE, LOTE, END }

    private final Findings findings;
    private final RecordCursor record;
    private final LineChecks checks;
    private final ItemDraft item = new ItemDraft();
    private final Cnab240Evidence evidence = new Cnab240Evidence();
    private final Cnab240CompanyHeader company;
    private final Cnab240DetailNumbering numbering;
    private final Cnab240Lote lote;
    private final Cnab240ItemCompletion completion;
    private final Cnab240Segments segments;

    private Cnab240Layouts layouts;
    private Position position = Position.START;
    private boolean missingHeaderReported;
    private long lastLine;
    private long records;
    private int lotes;
    /** Whether the current line is a detail record (what an open item is made of). */
    private boolean detailLine;

    Cnab240Parser(Findings findings, Totals totals, Consumer<Item> sink) {
        this.findings = findings;
        this.record = new RecordCursor(findings);
        this.checks = new LineChecks(findings, WIDTH);
        this.company = new Cnab240CompanyHeader(record);
        this.numbering = new Cnab240DetailNumbering(record);
        this.lote = new Cnab240Lote(findings, record);
        this.completion = new Cnab240ItemCompletion(findings, totals, sink, item, lote, numbering);
        this.segments = new Cnab240Segments(record, item, evidence, lote, completion, sink != null);
    }

    @Override
    public void line(byte[] bytes, int offset, int kept, int length, long lineNumber, int control) {
        lastLine = lineNumber;
        checks.next();
        detailLine = false;
        int repaired = checks.repairAndCheck(bytes, offset, kept, length, WIDTH, lineNumber);
        if (repaired >= 0) {
            kept = repaired;
        }
        record.load(bytes, offset, kept, WIDTH, lineNumber);
        checks.controlCharacter(record, control);
        if (position == Position.END) {
            checks.afterTrailer(record);
            return;
        }
        records++;
        if (layouts == null) {
            numbering.firstRecord();
            useBank(Cnab240Layouts.forBank(numbering.bankCode()));
        }
        switch (record.at(8)) {
            case '0' -> fileHeader();
            case '1' -> loteHeader();
            case '3' -> detail();
            case '5' -> loteTrailer();
            case '9' -> fileTrailer();
            default -> record.report(Severity.ERROR, 8, FindingCodes.RECORD_TYPE, "record_type",
                    "Tipo de registro \"" + record.at(8) + "\" desconhecido (esperado 0, 1, 3, 5 ou 9): registro"
                            + " ignorado.",
                    "Unknown record type \"" + record.at(8) + "\" (expected 0, 1, 3, 5 or 9): record ignored.");
        }
    }

    private void useBank(Cnab240Layouts bankLayouts) {
        layouts = bankLayouts;
        lote.use(bankLayouts);
        completion.use(bankLayouts);
        segments.use(bankLayouts);
    }

    @Override
    public int[] recordWidths() {
        return new int[] {WIDTH};
    }

    // ---- records -----------------------------------------------------------------------------

    private void fileHeader() {
        if (position != Position.START) {
            record.report(Severity.ERROR, 8, FindingCodes.RECORD_ORDER, "record_type",
                    "Header de arquivo fora do início do arquivo: ignorado.",
                    "File header not at the start of the file: ignored.");
            return;
        }
        record.validateRequired(layouts.fileHeader);
        evidence.headerDirection(record.at(143));
        company.readFileHeader(layouts);
        position = Position.FILE;
    }

    private void loteHeader() {
        reportMissingFileHeader();
        completion.flush();
        if (position == Position.LOTE) {
            incomplete(1, FindingCodes.MISSING_LOTE_TRAILER,
                    "O lote " + lote.number() + " não tem trailer (registro tipo 5) antes deste header de lote.",
                    "Lote " + lote.number() + " has no trailer (record type 5) before this lote header.");
        }
        lotes++;
        numbering.loteStarts();
        lote.open();
        if (evidence.firstLote(record.raw(10, 11), record.at(9))) {
            company.readFirstLoteHeader(layouts, Cnab240Evidence.isPagamentoService(record.raw(10, 11)));
        }
        position = Position.LOTE;
    }

    private void detail() {
        reportMissingFileHeader();
        if (position != Position.LOTE) {
            record.report(Severity.WARNING, 8, FindingCodes.RECORD_ORDER, "record_type",
                    "Registro de detalhe fora de um lote (sem header de lote antes dele).",
                    "Detail record outside a lote (no lote header before it).");
            position = Position.LOTE;
            lote.adopt();
            numbering.resumeAtCurrent();
        }
        lote.countRecord();
        detailLine = true;
        numbering.check(lote);
        segments.read();
    }

    private void loteTrailer() {
        reportMissingFileHeader();
        completion.flush();
        if (position != Position.LOTE) {
            record.report(Severity.WARNING, 8, FindingCodes.RECORD_ORDER, "record_type",
                    "Trailer de lote sem header de lote correspondente.",
                    "Lote trailer without a matching lote header.");
            position = Position.FILE;
            return;
        }
        lote.close();
        position = Position.FILE;
    }

    private void fileTrailer() {
        reportMissingFileHeader();
        completion.flush();
        if (position == Position.LOTE) {
            incomplete(1, FindingCodes.MISSING_LOTE_TRAILER,
                    "O lote " + lote.number() + " não tem trailer (registro tipo 5) antes do trailer do arquivo.",
                    "Lote " + lote.number() + " has no trailer (record type 5) before the file trailer.");
        }
        record.validateRequired(layouts.fileTrailer);
        // zeros state no count: a file has at least its header and trailer, and Banestes' manual has the bank
        // fill both counts with zeros
        long declaredLotes = record.digits(layouts.fileTrailerLotes);
        if (declaredLotes > 0 && declaredLotes != lotes) {
            findings.addIncomplete(Severity.WARNING, record.lineNumber(), layouts.fileTrailerLotes.start(),
                    FindingCodes.FILE_TRAILER_COUNT, layouts.fileTrailerLotes.name(),
                    "O trailer do arquivo informa " + declaredLotes + " lotes, mas o arquivo tem " + lotes + ".",
                    "The file trailer declares " + declaredLotes + " lotes, but the file has " + lotes + ".");
        }
        long declaredRecords = record.digits(layouts.fileTrailerRecords);
        if (declaredRecords > 0 && declaredRecords != records) {
            findings.addIncomplete(Severity.WARNING, record.lineNumber(), layouts.fileTrailerRecords.start(),
                    FindingCodes.FILE_TRAILER_COUNT, layouts.fileTrailerRecords.name(),
                    "O trailer do arquivo informa " + declaredRecords + " registros, mas o arquivo tem " + records
                            + ".",
                    "The file trailer declares " + declaredRecords + " records, but the file has " + records + ".");
        }
        position = Position.END;
    }

    @Override
    public void finish() {
        if (checks.reportCutEnd(records, position == Position.END, lastLine)) {
            item.partial = item.active && detailLine;
        }
        completion.flush();
        if (position == Position.LOTE) {
            findings.addIncomplete(trailerSeverity(), lastLine, 0, FindingCodes.MISSING_LOTE_TRAILER, "",
                    Messages.pt("finding.MISSING_LAST_LOTE_TRAILER", lote.number()),
                    Messages.en("finding.MISSING_LAST_LOTE_TRAILER", lote.number()));
        }
        if (position != Position.END && records > 0) {
            findings.missingFileTrailer(evidence.direction(), lastLine);
        }
    }

    private Severity trailerSeverity() {
        return Findings.missingTrailerSeverity(evidence.direction());
    }

    private void incomplete(int column, String code, String pt, String en) {
        findings.addIncomplete(trailerSeverity(), record.lineNumber(), column, code, "", pt, en);
    }

    private void reportMissingFileHeader() {
        if (position == Position.START && !missingHeaderReported) {
            missingHeaderReported = true;
            record.report(Severity.WARNING, 8, FindingCodes.MISSING_FILE_HEADER, "record_type",
                    "O arquivo não começa com um header de arquivo (registro tipo 0).",
                    "The file does not start with a file header (record type 0).");
            position = Position.FILE;
        }
    }

    // ---- classification ----------------------------------------------------------------------

    @Override
    public FileHeader header() {
        return company.header();
    }

    @Override
    public Classification classification() {
        String bankCode = numbering.bankCode();
        return new Classification(Layout.CNAB240, evidence.direction(), evidence.service(), bankCode,
                Banks.shortName(bankCode), company.layoutVersion());
    }

    /** Reports what the classification found irregular; called once, at the end. */
    void reportClassification() {
        evidence.report(findings, numbering.bankCode(), records > 0);
    }
}
