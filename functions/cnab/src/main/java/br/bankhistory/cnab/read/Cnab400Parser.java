package br.bankhistory.cnab.read;

import br.bankhistory.cnab.Banks;
import br.bankhistory.cnab.Category;
import br.bankhistory.cnab.Classification;
import br.bankhistory.cnab.Direction;
import br.bankhistory.cnab.FileHeader;
import br.bankhistory.cnab.FindingCodes;
import br.bankhistory.cnab.Item;
import br.bankhistory.cnab.Layout;
import br.bankhistory.cnab.Service;
import br.bankhistory.cnab.Severity;
import br.bankhistory.cnab.layout.FieldSpec;
import br.bankhistory.cnab.layout.RecordLayout;
import br.bankhistory.cnab.occurrence.Occurrence;
import br.bankhistory.cnab.text.Messages;
import br.bankhistory.cnab.text.PtBr;

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
    private static final String BRB_CODE = "070";

    private final Findings findings;
    private final RecordCursor record;
    private final LineChecks checks;
    private final Totals totals;
    /** Receives the complete items, or null when only the totals are wanted. */
    private final Consumer<Item> sink;
    private final ItemDraft item = new ItemDraft();
    private final DecodeCache decoded = new DecodeCache();

    private Cnab400Layouts layouts = Cnab400Layouts.forBank("000");
    private Cnab400Layouts.Detail detail;
    private String bankCode = "";
    private Direction direction = Direction.UNKNOWN;
    private boolean brb;
    private boolean headerSeen;
    private boolean trailerSeen;
    private FileHeader header = FileHeader.empty();
    private String headerDocument = "";
    private long records;
    private long lastLine;
    private boolean sequenceReported;
    private long itemCount;
    /** The open title's nosso número as written, kept only for banks with occurrence complements. */
    private String titleOurNumber = "";
    private long amountCents;

    Cnab400Parser(Findings findings, Totals totals, Consumer<Item> sink) {
        this.findings = findings;
        this.record = new RecordCursor(findings);
        this.checks = new LineChecks(findings, WIDTH, WIDTH_WITH_INVOICE_KEY, "400 ou 444", "400 or 444");
        this.totals = totals;
        this.sink = sink;
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
        if (brb && record.matches(1, "01")) {
            detail();
            return;
        }
        switch (type) {
            case '0' -> fileHeader();
            case '1', '7' -> detail();
            case '9' -> trailer();
            case '2', '3', '4', '5', '6', '8' -> complement(type);
            default -> add(Severity.ERROR, 1, FindingCodes.RECORD_TYPE, "record_type",
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
        brb = true;
        bankCode = BRB_CODE;
        direction = Direction.REMESSA;
        useBank(BRB_CODE);
        header = new FileHeader("", "", text(layouts.headerAgency), text(layouts.headerAccount), "", 0,
                record.date(layouts.headerGeneratedOn));
    }

    private void fileHeader() {
        if (headerSeen) {
            add(Severity.ERROR, 1, FindingCodes.RECORD_ORDER, "record_type",
                    "Segundo header de arquivo: ignorado.", "Second file header: ignored.");
            return;
        }
        headerSeen = true;
        if (records != 1) {
            add(Severity.WARNING, 1, FindingCodes.RECORD_ORDER, "record_type",
                    "Header de arquivo fora do início do arquivo.", "File header not at the start of the file.");
        }
        String code = record.raw(77, 79);
        bankCode = code.chars().allMatch(c -> c >= '0' && c <= '9') ? code : "";
        if (record.at(2) == '1' || record.matches(3, "REMESSA")) {
            direction = Direction.REMESSA;
        } else if (record.at(2) == '2' || record.matches(3, "RETORNO")) {
            direction = Direction.RETORNO;
        }
        useBank(bankCode);
        Cnab400Layouts.Header fields = direction == Direction.REMESSA ? layouts.headerRemessa : layouts.headerRetorno;
        checkSequence(fields.recordSequence());
        header = new FileHeader(text(fields.companyName()), text(fields.companyDocument()), text(fields.agency()),
                text(fields.account()), text(fields.agreement()),
                fields.sequence() == null ? 0 : record.number(fields.sequence()), record.date(fields.generatedOn()));
    }

    private void useBank(String code) {
        layouts = Cnab400Layouts.forBank(code.isEmpty() ? "000" : code);
        detail = direction == Direction.REMESSA ? layouts.remessa : layouts.retorno;
    }

    private void detail() {
        if (occurrenceComplement()) {
            return;
        }
        flushItem();
        if (!headerSeen && records == 1) {
            add(Severity.WARNING, 1, FindingCodes.MISSING_FILE_HEADER, "record_type",
                    "O arquivo não começa com um header (registro tipo 0).",
                    "The file does not start with a header (record type 0).");
        }
        if (detail == null) {
            useBank(bankCode);
        }
        checkSequence(detail.sequence());
        record.validateRequired(detail.layout());
        item.start(brb ? '1' : record.at(1), record.lineNumber());
        detail.item().fill(record, item, sink != null);
        item.occurrenceCode = record.raw(detail.occurrence().start(), detail.occurrence().end());
        FieldSpec reasons = detail.reasons();
        item.rawReasons = reasons == null || sink == null || record.isBlankOrZeros(reasons.start(), reasons.end())
                ? "" : record.raw(reasons.start(), reasons.end());
        if (headerDocument.isEmpty() && detail.companyDocument() != null) {
            headerDocument = record.text(detail.companyDocument());
        }
        if (!layouts.remessaComplementsByOccurrence.isEmpty() && direction == Direction.REMESSA) {
            FieldSpec ourNumber = detail.layout().field("our_number");
            titleOurNumber = record.raw(ourNumber.start(), ourNumber.end());
        }
    }

    /**
     * A remessa record of type 1 that belongs to the title before it (Banestes' sacador avalista and message
     * records: its occurrence code names a complement and it repeats the title's nosso número): its described
     * fields fill the title; true when folded. Alone, or for another nosso número, it is an instruction.
     */
    private boolean occurrenceComplement() {
        if (direction != Direction.REMESSA || !item.active || layouts.remessaComplementsByOccurrence.isEmpty()) {
            return false;
        }
        FieldSpec occurrence = layouts.remessa.occurrence();
        ItemFields fields = layouts.remessaComplementsByOccurrence.get(
                record.raw(occurrence.start(), occurrence.end()));
        FieldSpec ourNumber = layouts.remessa.layout().field("our_number");
        if (fields == null || !record.matches(ourNumber.start(), titleOurNumber)) {
            return false;
        }
        checkSequence(layouts.remessa.sequence());
        fields.fill(record, item, sink != null);
        return true;
    }

    /** A bank complement (2-8): folded into the detail before it; its described fields (Pix) fill the item. */
    private void complement(char type) {
        if (!item.active) {
            add(Severity.WARNING, 1, FindingCodes.SEGMENT_ORDER, "record_type",
                    "Registro complementar tipo " + type + " sem um detalhe antes dele: ignorado.",
                    "Complement record type " + type + " without a detail before it: ignored.");
            return;
        }
        ItemFields fields = (direction == Direction.REMESSA ? layouts.complementsRemessa
                : layouts.complementsRetorno)[type - '0'];
        if (fields != null) {
            fields.fill(record, item, sink != null);
        }
    }

    private void trailer() {
        flushItem();
        trailerSeen = true;
        RecordLayout trailer = direction == Direction.REMESSA ? layouts.trailerRemessa : layouts.trailerRetorno;
        checkSequence(trailer.find("record_sequence").orElse(null));
        FieldSpec count = trailer.find("title_count").orElse(null);
        if (count != null) {
            long declared = record.digits(count);
            if (declared > 0 && declared != itemCount) {
                reportTrailerSum(count, declared + " títulos", declared + " titles", String.valueOf(itemCount));
            }
        }
        FieldSpec total = trailer.find("title_total").orElse(null);
        if (total != null) {
            long declared = record.digits(total);
            if (declared > 0 && declared != amountCents) {
                reportTrailerSum(total, "o valor total " + PtBr.money(declared), "a total of "
                        + PtBr.money(declared), PtBr.money(amountCents));
            }
        }
        if (direction != Direction.REMESSA) {
            checkOccurrenceBlocks();
        }
    }

    /**
     * Bradesco-style trailers state, per occurrence, how many details and what value the file holds:
     * compared with the details of those occurrences (the value may be the titles' or the paid amounts).
     */
    private void checkOccurrenceBlocks() {
        for (Cnab400Layouts.TrailerBlock block : layouts.trailerBlocks) {
            long[] actual = totals.ofOccurrences(block.codes());
            String codes = String.join("/", block.codes());
            long count = record.digits(block.count());
            if (count >= 0 && count != actual[0]) {
                add(Severity.WARNING, block.count().start(), FindingCodes.FILE_TRAILER_SUM, block.count().name(),
                        Messages.pt("finding.FILE_TRAILER_BLOCK_COUNT", count, codes, actual[0]),
                        Messages.en("finding.FILE_TRAILER_BLOCK_COUNT", count, codes, actual[0]));
            }
            if (block.total() != null) {
                long declared = record.digits(block.total());
                if (declared >= 0 && declared != actual[1] && declared != actual[2]) {
                    String money = PtBr.money(declared);
                    add(Severity.WARNING, block.total().start(), FindingCodes.FILE_TRAILER_SUM, block.total().name(),
                            Messages.pt("finding.FILE_TRAILER_BLOCK_TOTAL", money, codes, PtBr.money(actual[1])),
                            Messages.en("finding.FILE_TRAILER_BLOCK_TOTAL", money, codes, PtBr.money(actual[1])));
                }
            }
        }
    }

    private void reportTrailerSum(FieldSpec field, String declaredPt, String declaredEn, String actual) {
        add(Severity.WARNING, field.start(), FindingCodes.FILE_TRAILER_SUM, field.name(),
                "O trailer do arquivo informa " + declaredPt + ", mas os detalhes somam " + actual + ".",
                "The file trailer declares " + declaredEn + ", but the details add up to " + actual + ".");
    }

    @Override
    public void finish() {
        boolean truncated = checks.endsCut(records, trailerSeen);
        if (truncated) {
            findings.truncatedRecord(lastLine, WIDTH);
            item.partial = item.active;
        }
        flushItem();
        if (!trailerSeen && records > 0) {
            findings.addIncomplete(direction == Direction.RETORNO ? Severity.ERROR : Severity.WARNING, lastLine, 0,
                    FindingCodes.MISSING_FILE_TRAILER, "", Messages.pt("finding.MISSING_FILE_TRAILER"),
                    Messages.en("finding.MISSING_FILE_TRAILER"));
        }
    }

    // ---- items -------------------------------------------------------------------------------

    private void flushItem() {
        if (!item.active) {
            return;
        }
        item.active = false;
        var table = detail.occurrences();
        String code = item.occurrenceCode;
        if (!table.knows(code)) {
            findings.add(Severity.INFO, item.line, detail.occurrence().start(), FindingCodes.UNKNOWN_OCCURRENCE,
                    "occurrence_code", Messages.pt("finding.UNKNOWN_OCCURRENCE", code, bankCode),
                    Messages.en("finding.UNKNOWN_OCCURRENCE", code, bankCode));
        }
        Occurrence occurrence = table.occurrence(code);
        item.occurrenceText = occurrence.text();
        item.category = occurrence.category();
        if (detail.reasons() != null && sink != null) {
            item.reasons = decoded.reasons(table, code, item.rawReasons, detail.reasons().codeWidth(), 0);
        }
        if (!detail.item().hasPaid() && item.category == Category.PAID && item.netCents > 0) {
            item.paidCents = item.netCents + item.feeCents;
        }
        if (item.emit(findings, totals, sink)) {
            itemCount++;
            amountCents += item.amountCents;
        }
    }

    // ---- checks ------------------------------------------------------------------------------

    private void checkSequence(FieldSpec sequence) {
        if (sequence == null || sequenceReported) {
            return;
        }
        long value = record.digits(sequence);
        if (value != records) {
            sequenceReported = true;
            add(Severity.WARNING, sequence.start(), FindingCodes.SEQUENCE_NUMBER, sequence.name(),
                    "Número sequencial do registro \"" + record.raw(sequence.start(), sequence.end())
                            + "\", esperado " + records + ".",
                    "Record sequence number \"" + record.raw(sequence.start(), sequence.end()) + "\", expected "
                            + records + ".");
        }
    }

    void reportClassification() {
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

    @Override
    public Classification classification() {
        return new Classification(Layout.CNAB400, direction, Service.COBRANCA, bankCode, Banks.shortName(bankCode),
                "");
    }

    @Override
    public FileHeader header() {
        if (header.companyDocument().isEmpty() && !headerDocument.isEmpty()) {
            return new FileHeader(header.companyName(), headerDocument, header.agency(), header.account(),
                    header.agreement(), header.sequenceNumber(), header.generatedOn());
        }
        return header;
    }

    private String text(FieldSpec field) {
        return field == null ? "" : record.text(field);
    }

    private void add(Severity severity, int column, String code, String field, String pt, String en) {
        findings.add(severity, record.lineNumber(), column, code, field, pt, en);
    }
}
