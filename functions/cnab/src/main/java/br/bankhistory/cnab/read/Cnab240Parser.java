package br.bankhistory.cnab.read;

import br.bankhistory.cnab.Banks;
import br.bankhistory.cnab.Category;
import br.bankhistory.cnab.Classification;
import br.bankhistory.cnab.FileHeader;
import br.bankhistory.cnab.FindingCodes;
import br.bankhistory.cnab.Item;
import br.bankhistory.cnab.Layout;
import br.bankhistory.cnab.Severity;
import br.bankhistory.cnab.layout.FieldSpec;
import br.bankhistory.cnab.layout.RecordLayout;
import br.bankhistory.cnab.occurrence.Occurrence;
import br.bankhistory.cnab.occurrence.OccurrenceTable;

import java.util.List;
import java.util.function.Consumer;

/**
 * Reads FEBRABAN CNAB 240 records. The record framing every 240 record shares is fixed here (bank 1-3,
 * lote 4-7, record type 8, sequence in the lote 9-13, segment 14; file header direction 143; lote header
 * operation 9 and service 10-11); every other position comes from the bank's layout description.
 *
 * <p>Records: file header (0), lote header (1), details (3, by segment letter at 14),
 * lote trailer (5), file trailer (9). Items are assembled from their segments (T+U, P+Q+R/S/Y, A+B, J+J-52,
 * O, N, +Z) and pushed as soon as the next item, lote or file record starts. Structure, counts and field
 * content are checked as the lines go by; nothing is kept but the current item and a few counters.
 */
final class Cnab240Parser implements FileParser {

    static final int WIDTH = 240;

    private enum Position { START, FILE, LOTE, END }

    private final Findings findings;
    private final RecordCursor record;
    private final Totals totals;
    /** Receives the complete items, or null when only the totals are wanted. */
    private final Consumer<Item> sink;
    private final ItemDraft item = new ItemDraft();
    private final DecodeCache decoded = new DecodeCache();

    private Cnab240Layouts layouts;
    private String bankCode = "";
    /** The bank code's and the lote number's bytes, {@link RecordCursor#packed}. */
    private long bankCodeBytes;
    private long loteNumberBytes;
    private Position position = Position.START;
    private String layoutVersion = "";
    private FileHeader header;
    private FileHeader loteHeader;
    private final Cnab240Evidence evidence = new Cnab240Evidence();
    private boolean missingHeaderReported;
    private long lastLine;

    private long records;
    private int lotes;
    private long loteRecords;
    private String loteNumber = "";
    private long expectedSequence;
    private boolean loteBankReported;
    private boolean loteNumberReported;
    private boolean loteSequenceReported;
    private long loteItems;
    private long loteAmountCents;
    private boolean lotePayments;

    Cnab240Parser(Findings findings, Totals totals, Consumer<Item> sink) {
        this.findings = findings;
        this.record = new RecordCursor(findings);
        this.totals = totals;
        this.sink = sink;
    }

    @Override
    public void line(byte[] bytes, int offset, int kept, int length, long lineNumber, int control) {
        lastLine = lineNumber;
        int repaired = Utf8Repair.repair(bytes, offset, kept, length, WIDTH);
        if (repaired >= 0) {
            reportUtf8(lineNumber, length - repaired);
            kept = repaired;
            length = repaired;
        }
        checkLength(length, lineNumber);
        record.load(bytes, offset, kept, WIDTH, lineNumber);
        if (control > 0 && control <= record.width()) {
            add(Severity.ERROR, control, FindingCodes.CONTROL_CHARACTER, "",
                    "Caractere de controle (código " + (int) record.at(control) + ") no registro.",
                    "Control character (code " + (int) record.at(control) + ") in the record.");
        }
        if (position == Position.END) {
            add(Severity.ERROR, 1, FindingCodes.RECORD_AFTER_TRAILER, "",
                    "Registro após o trailer do arquivo: ignorado.", "Record after the file trailer: ignored.");
            return;
        }
        records++;
        if (layouts == null) {
            bankCode = record.raw(1, 3);
            bankCodeBytes = record.packed(1, 3);
            layouts = Cnab240Layouts.forBank(bankCode);
        }
        switch (record.at(8)) {
            case '0' -> fileHeader();
            case '1' -> loteHeader();
            case '3' -> detail();
            case '5' -> loteTrailer();
            case '9' -> fileTrailer();
            default -> add(Severity.ERROR, 8, FindingCodes.RECORD_TYPE, "record_type",
                    "Tipo de registro \"" + record.at(8) + "\" desconhecido (esperado 0, 1, 3, 5 ou 9): registro"
                            + " ignorado.",
                    "Unknown record type \"" + record.at(8) + "\" (expected 0, 1, 3, 5 or 9): record ignored.");
        }
    }

    @Override
    public int[] recordWidths() {
        return new int[] {WIDTH};
    }

    private void reportUtf8(long lineNumber, int characters) {
        findings.add(Severity.WARNING, lineNumber, 0, FindingCodes.UTF8_CONTENT, "",
                "Linha gravada em UTF-8: " + characters + " caractere(s) acentuado(s) ocupavam 2 bytes e foram"
                        + " convertidos para latin-1 (os campos voltaram às posições certas).",
                "Line saved as UTF-8: " + characters + " accented character(s) took 2 bytes and were converted"
                        + " to latin-1 (the fields are back in place).");
    }

    private void checkLength(int length, long lineNumber) {
        if (length == WIDTH) {
            return;
        }
        if (length < WIDTH) {
            findings.add(Severity.WARNING, lineNumber, length + 1, FindingCodes.LINE_SHORT, "",
                    "Linha com " + length + " caracteres (esperado 240): completada com espaços.",
                    "Line has " + length + " characters (expected 240): padded with spaces.");
        } else if (length == WIDTH + 1) {
            findings.add(Severity.WARNING, lineNumber, WIDTH + 1, FindingCodes.LINE_LONG, "",
                    "Linha com 241 caracteres (esperado 240): o último foi ignorado.",
                    "Line has 241 characters (expected 240): the last one was ignored.");
        } else {
            findings.add(Severity.ERROR, lineNumber, WIDTH + 1, FindingCodes.LINE_LENGTH, "",
                    "Linha com " + length + " caracteres (esperado 240): lidos só os 240 primeiros.",
                    "Line has " + length + " characters (expected 240): only the first 240 were read.");
        }
    }

    // ---- records -----------------------------------------------------------------------------

    private void fileHeader() {
        if (position != Position.START) {
            add(Severity.ERROR, 8, FindingCodes.RECORD_ORDER, "record_type",
                    "Header de arquivo fora do início do arquivo: ignorado.",
                    "File header not at the start of the file: ignored.");
            return;
        }
        record.validateRequired(layouts.fileHeader);
        evidence.headerDirection(record.at(143));
        layoutVersion = record.text(layouts.headerLayoutVersion);
        header = new FileHeader(record.text(layouts.headerCompanyName), text(layouts.headerCompanyDocument),
                text(layouts.headerAgency), text(layouts.headerAccount),
                text(layouts.headerAgreement), record.number(layouts.headerSequence),
                record.date(layouts.headerGeneratedOn));
        position = Position.FILE;
    }

    private void loteHeader() {
        reportMissingFileHeader();
        flushItem();
        if (position == Position.LOTE) {
            add(Severity.WARNING, 1, FindingCodes.MISSING_LOTE_TRAILER, "",
                    "O lote " + loteNumber + " não tem trailer (registro tipo 5) antes deste header de lote.",
                    "Lote " + loteNumber + " has no trailer (record type 5) before this lote header.");
        }
        lotes++;
        loteRecords = 1;
        loteNumber = record.raw(4, 7);
        loteNumberBytes = record.packed(4, 7);
        expectedSequence = 1;
        loteBankReported = false;
        loteNumberReported = false;
        loteSequenceReported = false;
        loteItems = 0;
        loteAmountCents = 0;
        lotePayments = false;
        if (evidence.firstLote(record.raw(10, 11), record.at(9))) {
            Cnab240Layouts.HeaderFields company = Cnab240Evidence.isPagamentoService(record.raw(10, 11))
                    ? layouts.pagamentoLoteCompany : layouts.cobrancaLoteCompany;
            loteHeader = new FileHeader(record.text(company.name()), text(company.document()),
                    text(company.agency()), text(company.account()), text(company.agreement()),
                    0, null);
            if (layoutVersion.isEmpty() && header == null) {
                layoutVersion = record.text(layouts.loteLayoutVersion);
            }
        }
        position = Position.LOTE;
    }

    private void detail() {
        reportMissingFileHeader();
        if (position != Position.LOTE) {
            add(Severity.WARNING, 8, FindingCodes.RECORD_ORDER, "record_type",
                    "Registro de detalhe fora de um lote (sem header de lote antes dele).",
                    "Detail record outside a lote (no lote header before it).");
            position = Position.LOTE;
            loteNumber = record.raw(4, 7);
            loteNumberBytes = record.packed(4, 7);
            expectedSequence = Math.max(0, record.digitsAt(9, 13));
        }
        loteRecords++;
        checkDetailIdentity();
        char segment = record.at(14);
        evidence.segment(segment);
        switch (segment) {
            case 'T' -> open('T', layouts.segmentT, layouts.itemT);
            case 'U' -> complement('T', layouts.itemU, layouts.segmentU.name());
            case 'P' -> open('P', layouts.segmentP, layouts.itemP);
            case 'Q' -> complement('P', layouts.itemQ, layouts.segmentQ.name());
            case 'R', 'S', 'Y' -> optionalComplement(segment);
            case 'A' -> open('A', layouts.segmentA, layouts.itemA);
            case 'B', 'C' -> paymentComplement(segment, segment == 'B' ? layouts.itemB : null);
            case 'J' -> {
                if (record.matches(18, "52")) {
                    paymentComplement('J', layouts.itemJ52);
                } else {
                    open('J', layouts.segmentJ, layouts.itemJ);
                }
            }
            case 'O' -> open('O', layouts.segmentO, layouts.itemO);
            case 'N' -> open('N', layouts.segmentN, layouts.itemN);
            case 'Z' -> paymentComplement('Z', null);
            case 'W' -> segmentW();
            default -> add(Severity.WARNING, 14, FindingCodes.SEGMENT_UNKNOWN, "segment",
                    "Segmento \"" + segment + "\" não é lido por este leitor: registro ignorado.",
                    "Segment \"" + segment + "\" is not read by this reader: record ignored.");
        }
    }

    private void loteTrailer() {
        reportMissingFileHeader();
        flushItem();
        if (position != Position.LOTE) {
            add(Severity.WARNING, 8, FindingCodes.RECORD_ORDER, "record_type",
                    "Trailer de lote sem header de lote correspondente.",
                    "Lote trailer without a matching lote header.");
            position = Position.FILE;
            return;
        }
        loteRecords++;
        record.validateRequired(lotePayments ? layouts.loteTrailerPagamento : layouts.loteTrailerCobranca);
        long declared = record.digits(layouts.loteTrailerRecords);
        if (declared >= 0 && declared != loteRecords) {
            add(Severity.WARNING, layouts.loteTrailerRecords.start(), FindingCodes.LOTE_TRAILER_COUNT,
                    layouts.loteTrailerRecords.name(),
                    "O trailer do lote " + loteNumber + " informa " + declared + " registros, mas o lote tem "
                            + loteRecords + ".",
                    "The trailer of lote " + loteNumber + " declares " + declared + " records, but the lote has "
                            + loteRecords + ".");
        }
        checkLoteSums();
        position = Position.FILE;
    }

    /**
     * Compares the lote trailer's totals with the lote's items: cobrança title count (24-29) and total
     * (30-46) of "cobrança simples"; pagamento total (24-41). Zero-filled or blank totals (Caixa, BB) are
     * not checked.
     */
    private void checkLoteSums() {
        if (lotePayments) {
            long total = record.digits(layouts.loteTrailerPaymentTotal);
            if (total > 0 && total != loteAmountCents) {
                reportLoteSum(layouts.loteTrailerPaymentTotal, "o valor total " + Money.format(total),
                        "a total of " + Money.format(total), Money.format(loteAmountCents));
            }
            return;
        }
        long count = record.digits(layouts.loteTrailerSimpleCount);
        long total = record.digits(layouts.loteTrailerSimpleTotal);
        if (count > 0 && count != loteItems) {
            reportLoteSum(layouts.loteTrailerSimpleCount, count + " títulos", count + " titles",
                    String.valueOf(loteItems));
        }
        if (total > 0 && total != loteAmountCents) {
            reportLoteSum(layouts.loteTrailerSimpleTotal, "o valor total " + Money.format(total),
                    "a total of " + Money.format(total), Money.format(loteAmountCents));
        }
    }

    private void reportLoteSum(FieldSpec field, String declaredPt, String declaredEn,
                               String actual) {
        add(Severity.WARNING, field.start(), FindingCodes.LOTE_TRAILER_SUM, field.name(),
                "O trailer do lote " + loteNumber + " informa " + declaredPt + ", mas os itens do lote somam "
                        + actual + ".",
                "The trailer of lote " + loteNumber + " declares " + declaredEn + ", but the lote's items add up to "
                        + actual + ".");
    }

    private void fileTrailer() {
        reportMissingFileHeader();
        flushItem();
        if (position == Position.LOTE) {
            add(Severity.WARNING, 1, FindingCodes.MISSING_LOTE_TRAILER, "",
                    "O lote " + loteNumber + " não tem trailer (registro tipo 5) antes do trailer do arquivo.",
                    "Lote " + loteNumber + " has no trailer (record type 5) before the file trailer.");
        }
        record.validateRequired(layouts.fileTrailer);
        long declaredLotes = record.digits(layouts.fileTrailerLotes);
        if (declaredLotes >= 0 && declaredLotes != lotes) {
            add(Severity.WARNING, layouts.fileTrailerLotes.start(), FindingCodes.FILE_TRAILER_COUNT,
                    layouts.fileTrailerLotes.name(),
                    "O trailer do arquivo informa " + declaredLotes + " lotes, mas o arquivo tem " + lotes + ".",
                    "The file trailer declares " + declaredLotes + " lotes, but the file has " + lotes + ".");
        }
        long declaredRecords = record.digits(layouts.fileTrailerRecords);
        if (declaredRecords >= 0 && declaredRecords != records) {
            add(Severity.WARNING, layouts.fileTrailerRecords.start(), FindingCodes.FILE_TRAILER_COUNT,
                    layouts.fileTrailerRecords.name(),
                    "O trailer do arquivo informa " + declaredRecords + " registros, mas o arquivo tem " + records
                            + ".",
                    "The file trailer declares " + declaredRecords + " records, but the file has " + records + ".");
        }
        position = Position.END;
    }

    @Override
    public void finish() {
        flushItem();
        if (position == Position.LOTE) {
            findings.add(Severity.WARNING, lastLine, 0, FindingCodes.MISSING_LOTE_TRAILER, "",
                    "O último lote (" + loteNumber + ") não tem trailer (registro tipo 5).",
                    "The last lote (" + loteNumber + ") has no trailer (record type 5).");
        }
        if (position != Position.END && records > 0) {
            findings.add(Severity.WARNING, lastLine, 0, FindingCodes.MISSING_FILE_TRAILER, "",
                    "O arquivo não tem trailer (registro tipo 9).", "The file has no trailer (record type 9).");
        }
    }

    // ---- detail segments ---------------------------------------------------------------------

    private void open(char segment, RecordLayout layout, ItemFields fields) {
        flushItem();
        item.start(segment, record.lineNumber());
        record.validateRequired(layout);
        fields.fill(record, item, sink != null);
        switch (segment) {
            case 'T' -> {
                item.occurrenceCode = record.raw(layouts.tOccurrence.start(), layouts.tOccurrence.end());
                item.rawReasons = sink == null || record.isBlankOrZeros(layouts.tReasons.start(), layouts.tReasons.end())
                        ? "" : record.raw(layouts.tReasons.start(), layouts.tReasons.end());
            }
            case 'P' -> item.occurrenceCode = record.raw(layouts.pOccurrence.start(), layouts.pOccurrence.end());
            case 'A' -> readPayment(layouts.aMovement, layouts.aOccurrences);
            case 'J' -> readPayment(layouts.jMovement, layouts.jOccurrences);
            case 'O' -> readPayment(layouts.oMovement, layouts.oOccurrences);
            case 'N' -> readPayment(layouts.nMovement, layouts.nOccurrences);
            default -> { }
        }
    }

    private void readPayment(FieldSpec movement,
                             FieldSpec occurrences) {
        item.occurrenceCode = record.raw(movement.start(), movement.end());
        item.rawOccurrences = record.raw(occurrences.start(), occurrences.end());
        if (!item.rawOccurrences.isBlank()) {
            evidence.paymentOccurrences();
        }
    }

    private void complement(char opener, ItemFields fields, String layoutName) {
        char segment = record.at(14);
        if (item.active && item.opener == opener && !item.complemented) {
            fields.fill(record, item, sink != null);
            item.complemented = true;
            return;
        }
        add(Severity.WARNING, 14, FindingCodes.SEGMENT_ORDER, "segment",
                "Segmento " + segment + " sem o segmento " + opener + " que ele completa: ignorado.",
                "Segment " + segment + " without the segment " + opener + " it completes: ignored ("
                        + layoutName + ").");
    }

    private void optionalComplement(char segment) {
        if (!item.active) {
            add(Severity.WARNING, 14, FindingCodes.SEGMENT_ORDER, "segment",
                    "Segmento " + segment + " sem um título antes dele: ignorado.",
                    "Segment " + segment + " without a title before it: ignored.");
        }
    }

    private void paymentComplement(char segment, ItemFields fields) {
        boolean paymentOpen = item.active && "AJON".indexOf(item.opener) >= 0;
        if (!paymentOpen) {
            add(Severity.WARNING, 14, FindingCodes.SEGMENT_ORDER, "segment",
                    "Segmento " + (segment == 'J' ? "J-52" : String.valueOf(segment))
                            + " sem um pagamento (A, J, O, N) antes dele: ignorado.",
                    "Segment " + (segment == 'J' ? "J-52" : String.valueOf(segment))
                            + " without a payment (A, J, O, N) before it: ignored.");
            return;
        }
        if (fields != null) {
            fields.fill(record, item, sink != null);
        }
        if (segment == 'Z' && item.rawOccurrences.isBlank()) {
            item.rawOccurrences = record.raw(layouts.zOccurrences.start(), layouts.zOccurrences.end());
        }
    }

    /**
     * W: in a Caixa rejection (pre-critique) file, one rejected record per W; in a pagamento, a complement
     * of the payment before it.
     */
    private void segmentW() {
        if (item.active && "AJON".indexOf(item.opener) >= 0) {
            return;
        }
        flushItem();
        item.start('W', record.lineNumber());
        item.occurrenceCode = record.raw(layouts.wOccurrence.start(), layouts.wOccurrence.end());
        item.yourNumber = record.text(layouts.wRejectedRecord);
        item.rawReasons = record.text(layouts.wText);
    }

    // ---- completing items --------------------------------------------------------------------

    private void flushItem() {
        if (!item.active) {
            return;
        }
        item.active = false;
        switch (item.opener) {
            case 'T' -> {
                if (!item.complemented) {
                    missingComplement('T', 'U');
                }
                decodeCobranca(layouts.cobrancaRetorno, true);
            }
            case 'P' -> {
                if (!item.complemented) {
                    missingComplement('P', 'Q');
                }
                decodeCobranca(layouts.cobrancaRemessa, false);
            }
            case 'A', 'J', 'O', 'N' -> {
                lotePayments = true;
                decodePayment(layouts.pagamento);
            }
            case 'W' -> decodeRejection();
            default -> { }
        }
        loteItems++;
        loteAmountCents += item.amountCents;
        totals.add(item.occurrenceCode, item.category, item.amountCents, item.paidCents, item.feeCents);
        if (sink != null) {
            sink.accept(item.toItem());
        }
    }

    private void missingComplement(char opener, char expected) {
        findings.add(Severity.WARNING, item.line, 14, FindingCodes.SEGMENT_MISSING, "segment",
                "Segmento " + opener + " sem o segmento " + expected + " correspondente.",
                "Segment " + opener + " without its segment " + expected + ".");
    }

    private void decodeCobranca(OccurrenceTable table, boolean withReasons) {
        Occurrence occurrence = occurrence(table, item.occurrenceCode);
        item.occurrenceText = occurrence.text();
        item.category = occurrence.category();
        if (withReasons && sink != null) {
            item.reasons = decoded.reasons(table, item.occurrenceCode, item.rawReasons,
                    layouts.tReasons.codeWidth(), 0);
        }
    }

    private void decodePayment(OccurrenceTable table) {
        String raw = item.rawOccurrences;
        if (raw.isBlank()) {
            item.occurrenceText = "Instrução de pagamento (movimento " + item.occurrenceCode.strip() + ")";
            item.category = Category.INSTRUCTION_PAYMENT;
            item.paidCents = 0;
            return;
        }
        PaymentCodes codes = decoded.payment(table, raw);
        if (!codes.known()) {
            reportUnknownOccurrence(codes.first());
        }
        item.occurrenceCode = codes.first();
        item.occurrenceText = codes.occurrence().text();
        item.category = codes.category();
        if (sink != null) {
            item.reasons = codes.reasons();
        }
        if (item.category != Category.EFFECTED) {
            item.paidCents = 0;
        } else if (item.paidCents == 0) {
            item.paidCents = item.amountCents;
        }
    }

    /** A W of a rejection file: the rejected record's number goes to yourNumber, the error text to reasons. */
    private void decodeRejection() {
        item.occurrenceText = "Registro " + item.yourNumber + " rejeitado na pré-crítica do banco";
        item.category = Category.ENTRY_REJECTED;
        item.reasons = item.rawReasons.isEmpty() ? List.of() : List.of(item.rawReasons);
    }

    private Occurrence occurrence(OccurrenceTable table, String code) {
        if (!table.knows(code)) {
            reportUnknownOccurrence(code);
        }
        return table.occurrence(code);
    }

    private void reportUnknownOccurrence(String code) {
        findings.add(Severity.INFO, item.line, 16, FindingCodes.UNKNOWN_OCCURRENCE, "occurrence_code",
                "Código de ocorrência \"" + code + "\" não consta da tabela do banco " + bankCode + ".",
                "Occurrence code \"" + code + "\" is not in bank " + bankCode + "'s table.");
    }

    // ---- checks ------------------------------------------------------------------------------

    private void checkDetailIdentity() {
        if (!loteBankReported && record.packed(1, 3) != bankCodeBytes) {
            loteBankReported = true;
            add(Severity.WARNING, 1, FindingCodes.BANK_CODE_MISMATCH, "bank_code",
                    "Código do banco \"" + record.raw(1, 3) + "\" difere do primeiro registro (" + bankCode + ").",
                    "Bank code \"" + record.raw(1, 3) + "\" differs from the first record's (" + bankCode + ").");
        }
        if (!loteNumberReported && record.packed(4, 7) != loteNumberBytes) {
            loteNumberReported = true;
            add(Severity.WARNING, 4, FindingCodes.LOTE_NUMBER, "lote",
                    "Número do lote \"" + record.raw(4, 7) + "\" difere do header do lote (" + loteNumber + ").",
                    "Lote number \"" + record.raw(4, 7) + "\" differs from the lote header's (" + loteNumber
                            + ").");
        }
        long sequence = record.digitsAt(9, 13);
        if (sequence != expectedSequence && !loteSequenceReported) {
            loteSequenceReported = true;
            add(Severity.WARNING, 9, FindingCodes.SEQUENCE_NUMBER, "sequence",
                    "Número sequencial do registro no lote \"" + record.raw(9, 13) + "\", esperado "
                            + expectedSequence + ".",
                    "Record sequence number in the lote \"" + record.raw(9, 13) + "\", expected "
                            + expectedSequence + ".");
        }
        expectedSequence = (sequence >= 0 ? sequence : expectedSequence) + 1;
    }

    private void reportMissingFileHeader() {
        if (position == Position.START && !missingHeaderReported) {
            missingHeaderReported = true;
            add(Severity.WARNING, 8, FindingCodes.MISSING_FILE_HEADER, "record_type",
                    "O arquivo não começa com um header de arquivo (registro tipo 0).",
                    "The file does not start with a file header (record type 0).");
            position = Position.FILE;
        }
    }

    private void add(Severity severity, int column, String code, String field, String pt, String en) {
        findings.add(severity, record.lineNumber(), column, code, field, pt, en);
    }

    /** A header field's text, or empty when the bank's layout has no such field. */
    private String text(FieldSpec field) {
        return field == null ? "" : record.text(field);
    }

    // ---- classification ----------------------------------------------------------------------

    @Override
    public FileHeader header() {
        if (header != null) {
            return header;
        }
        return loteHeader != null ? loteHeader : FileHeader.empty();
    }

    @Override
    public Classification classification() {
        return new Classification(Layout.CNAB240, evidence.direction(), evidence.service(), bankCode,
                Banks.shortName(bankCode), layoutVersion);
    }

    /** Reports what the classification found irregular; called once, at the end. */
    void reportClassification() {
        evidence.report(findings, bankCode, records > 0);
    }
}
