package br.bankhistory.cnab.read;

import br.bankhistory.cnab.Banks;
import br.bankhistory.cnab.Category;
import br.bankhistory.cnab.Classification;
import br.bankhistory.cnab.Direction;
import br.bankhistory.cnab.FileHeader;
import br.bankhistory.cnab.FindingCodes;
import br.bankhistory.cnab.Item;
import br.bankhistory.cnab.Layout;
import br.bankhistory.cnab.Severity;
import br.bankhistory.cnab.StatementEntry;
import br.bankhistory.cnab.layout.FieldSpec;
import br.bankhistory.cnab.layout.RecordLayout;
import br.bankhistory.cnab.occurrence.Occurrence;
import br.bankhistory.cnab.occurrence.OccurrenceTable;
import br.bankhistory.cnab.text.Messages;
import br.bankhistory.cnab.text.PtBr;

import java.time.LocalDate;
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
    private final LineChecks checks;
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
    /** The file header read with the bank's pagamento header description; taken if the first lote is pagamento. */
    private FileHeader pagamentoHeader;
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
    /** The current lote is a bank statement (service 04). */
    private boolean loteExtrato;
    /** Forma de lançamento of the current pagamento lote (12-13). */
    private String loteFormCode = "";
    /** Extrato lote: opening balance (signed cents) and the sums of its debit and credit entries. */
    private long loteOpeningBalance;
    private long loteDebits;
    private long loteCredits;
    /** Whether the current line is a detail record (what an open item is made of). */
    private boolean detailLine;

    Cnab240Parser(Findings findings, Totals totals, Consumer<Item> sink) {
        this.findings = findings;
        this.record = new RecordCursor(findings);
        this.checks = new LineChecks(findings, WIDTH);
        this.totals = totals;
        this.sink = sink;
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
        long sequence = record.number(layouts.headerSequence);
        LocalDate generatedOn = record.date(layouts.headerGeneratedOn);
        header = new FileHeader(record.text(layouts.headerCompanyName), text(layouts.headerCompanyDocument),
                text(layouts.headerAgency), text(layouts.headerAccount),
                text(layouts.headerAgreement), sequence, generatedOn);
        Cnab240Layouts.HeaderFields pagamento = layouts.pagamentoFileHeader;
        pagamentoHeader = pagamento == null ? null : new FileHeader(record.text(pagamento.name()),
                text(pagamento.document()), text(pagamento.agency()), text(pagamento.account()),
                text(pagamento.agreement()), sequence, generatedOn);
        position = Position.FILE;
    }

    private void loteHeader() {
        reportMissingFileHeader();
        flushItem();
        if (position == Position.LOTE) {
            incomplete(1, FindingCodes.MISSING_LOTE_TRAILER,
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
        String service = record.raw(10, 11);
        loteExtrato = service.equals(Cnab240Evidence.EXTRATO_SERVICE);
        loteFormCode = Cnab240Evidence.isPagamentoService(service) ? record.raw(12, 13).strip() : "";
        loteDebits = 0;
        loteCredits = 0;
        loteOpeningBalance = loteExtrato ? signed(layouts.extratoFields.openingBalance(),
                layouts.extratoFields.openingSign()) : 0;
        if (evidence.firstLote(record.raw(10, 11), record.at(9))) {
            boolean pagamento = Cnab240Evidence.isPagamentoService(record.raw(10, 11));
            if (pagamento && header != null && pagamentoHeader != null) {
                header = pagamentoHeader; // a pagamento file: its header at the bank's pagamento positions
            }
            Cnab240Layouts.HeaderFields company = pagamento ? layouts.pagamentoLoteCompany
                    : layouts.cobrancaLoteCompany;
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
        detailLine = true;
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
            case 'B', 'C' -> paymentComplement(segment, segment == 'C' ? null : pixLote() ? layouts.itemBPix
                    : layouts.itemB);
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
            case 'E' -> entry();
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
        record.validateRequired(loteExtrato ? layouts.loteTrailerExtrato
                : lotePayments ? layouts.loteTrailerPagamento : layouts.loteTrailerCobranca);
        FieldSpec recordCount = loteExtrato ? layouts.extratoFields.recordCount() : layouts.loteTrailerRecords;
        long declared = record.digits(recordCount);
        if (declared >= 0 && declared != loteRecords) {
            findings.addIncomplete(Severity.WARNING, record.lineNumber(), recordCount.start(),
                    FindingCodes.LOTE_TRAILER_COUNT, recordCount.name(),
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
        if (loteExtrato) {
            checkExtratoSums();
            return;
        }
        if (lotePayments) {
            long total = record.digits(layouts.loteTrailerPaymentTotal);
            if (total > 0 && total != loteAmountCents) {
                reportLoteSum(layouts.loteTrailerPaymentTotal, "o valor total " + PtBr.money(total),
                        "a total of " + PtBr.money(total), PtBr.money(loteAmountCents));
            }
            return;
        }
        long count = 0;
        long total = 0;
        for (int kind = 0; kind < layouts.loteTrailerKindCounts.length; kind++) {
            count += Math.max(0, record.digits(layouts.loteTrailerKindCounts[kind]));
            total += Math.max(0, record.digits(layouts.loteTrailerKindTotals[kind]));
        }
        if (count > 0 && count != loteItems && layouts.loteTrailerSimpleCount != null) {
            reportLoteSum(layouts.loteTrailerSimpleCount, count + " títulos", count + " titles",
                    String.valueOf(loteItems));
        }
        if (total > 0 && total != loteAmountCents && layouts.loteTrailerSimpleTotal != null) {
            reportLoteSum(layouts.loteTrailerSimpleTotal, "o valor total " + PtBr.money(total),
                    "a total of " + PtBr.money(total), PtBr.money(loteAmountCents));
        }
    }

    /**
     * An extrato lote trailer states the sums of its debits and credits and the closing balance: compared
     * with the lote's entries and with opening balance + credits - debits.
     */
    private void checkExtratoSums() {
        Cnab240Layouts.Extrato fields = layouts.extratoFields;
        long debits = record.digits(fields.totalDebits());
        long credits = record.digits(fields.totalCredits());
        if (debits >= 0 && debits != loteDebits) {
            extratoSum(fields.totalDebits(), "finding.EXTRATO_TRAILER_DEBITS", debits, loteDebits);
        }
        if (credits >= 0 && credits != loteCredits) {
            extratoSum(fields.totalCredits(), "finding.EXTRATO_TRAILER_CREDITS", credits, loteCredits);
        }
        long closing = signed(fields.closingBalance(), fields.closingSign());
        long expected = loteOpeningBalance + loteCredits - loteDebits;
        if (closing != expected && (closing != 0 || loteOpeningBalance != 0)) {
            extratoSum(fields.closingBalance(), "finding.EXTRATO_TRAILER_BALANCE", closing, expected);
        }
    }

    private void extratoSum(FieldSpec field, String message, long declared, long actual) {
        add(Severity.WARNING, field.start(), FindingCodes.LOTE_TRAILER_SUM, field.name(),
                Messages.pt(message, loteNumber, PtBr.money(declared), PtBr.money(actual)),
                Messages.en(message, loteNumber, PtBr.money(declared), PtBr.money(actual)));
    }

    /** A balance and its sign (D = negative), in cents. */
    private long signed(FieldSpec value, FieldSpec sign) {
        long cents = Math.max(0, record.number(value));
        return record.at(sign.start()) == 'D' ? -cents : cents;
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
            incomplete(1, FindingCodes.MISSING_LOTE_TRAILER,
                    "O lote " + loteNumber + " não tem trailer (registro tipo 5) antes do trailer do arquivo.",
                    "Lote " + loteNumber + " has no trailer (record type 5) before the file trailer.");
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
        boolean truncated = checks.endsCut(records, position == Position.END);
        if (truncated) {
            findings.truncatedRecord(lastLine, WIDTH);
            item.partial = item.active && detailLine;
        }
        flushItem();
        if (position == Position.LOTE) {
            findings.addIncomplete(trailerSeverity(), lastLine, 0, FindingCodes.MISSING_LOTE_TRAILER, "",
                    Messages.pt("finding.MISSING_LAST_LOTE_TRAILER", loteNumber),
                    Messages.en("finding.MISSING_LAST_LOTE_TRAILER", loteNumber));
        }
        if (position != Position.END && records > 0) {
            findings.addIncomplete(trailerSeverity(), lastLine, 0, FindingCodes.MISSING_FILE_TRAILER, "",
                    Messages.pt("finding.MISSING_FILE_TRAILER"), Messages.en("finding.MISSING_FILE_TRAILER"));
        }
    }

    /**
     * A missing trailer is an ERROR in a retorno (the bank always closes its files: the file was cut) and a
     * WARNING in a remessa (bank model files and drafts are read as they are, still incomplete).
     */
    private Severity trailerSeverity() {
        return evidence.direction() == Direction.RETORNO ? Severity.ERROR : Severity.WARNING;
    }

    private void incomplete(int column, String code, String pt, String en) {
        findings.addIncomplete(trailerSeverity(), record.lineNumber(), column, code, "", pt, en);
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

    /**
     * R, S, Y: optional records of the title before them. A Y-03 fills the title from the bank's Y-03
     * description (the Pix of a boleto híbrido where the bank describes it: key, txid); the others carry
     * nothing the item holds.
     */
    private void optionalComplement(char segment) {
        if (!item.active) {
            add(Severity.WARNING, 14, FindingCodes.SEGMENT_ORDER, "segment",
                    "Segmento " + segment + " sem um título antes dele: ignorado.",
                    "Segment " + segment + " without a title before it: ignored.");
            return;
        }
        if (segment == 'Y' && record.matches(18, "03") && (item.opener == 'T' || item.opener == 'P')) {
            layouts.itemY03.fill(record, item, sink != null);
        }
    }

    /** The current pagamento lote pays by Pix (forma de lançamento 45 transferência, 47 QR code). */
    private boolean pixLote() {
        return loteFormCode.equals("45") || loteFormCode.equals("47");
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
        if (segment == 'Z') {
            layouts.itemZ.fill(record, item, sink != null);
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
            case 'E' -> decodeEntry();
            default -> { }
        }
        if (item.emit(findings, totals, sink)) {
            loteItems++;
            loteAmountCents += item.amountCents;
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
        item.payment = true;
        item.formCode = loteFormCode;
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
            item.paymentOccurrences = codes.occurrences();
            item.reasons = codes.reasons();
        }
        if (item.category != Category.EFFECTED) {
            item.paidCents = 0;
        } else if (item.paidCents == 0) {
            item.paidCents = item.amountCents;
        }
    }

    /**
     * E: one entry of a bank statement. Its category comes from the debit/credit indicator (169), its
     * occurrence code is the FEBRABAN category (170-172), its amount is always positive.
     */
    private void entry() {
        flushItem();
        item.start('E', record.lineNumber());
        record.validateRequired(layouts.segmentE);
        Cnab240Layouts.Extrato fields = layouts.extratoFields;
        item.amountCents = Math.max(0, record.number(fields.amount()));
        item.occurrenceDate = record.date(fields.entryDate());
        item.occurrenceCode = record.raw(fields.category().start(), fields.category().end());
        boolean credit = record.at(fields.entryType().start()) == 'C';
        item.category = credit ? Category.CREDIT : Category.DEBIT;
        if (credit) {
            loteCredits += item.amountCents;
        } else {
            loteDebits += item.amountCents;
        }
        if (sink != null) {
            item.yourNumber = record.text(fields.documentNumber());
            item.entry = new StatementEntry(record.date(fields.accountingDate()),
                    item.occurrenceDate, item.amountCents, credit, item.occurrenceCode.strip(), "",
                    record.text(fields.historyCode()), record.text(fields.historyText()), item.yourNumber);
        }
    }

    private void decodeEntry() {
        OccurrenceTable table = layouts.extrato;
        String code = item.occurrenceCode.strip();
        item.occurrenceText = table.knows(code) ? table.occurrence(code).text() : "";
        if (item.entry != null) {
            var e = item.entry;
            String text = e.historyText().isEmpty() ? item.occurrenceText : e.historyText();
            item.occurrenceText = text;
            item.entry = new StatementEntry(e.accountingDate(), e.date(), e.amountCents(),
                    e.credit(), e.categoryCode(), table.knows(code) ? table.occurrence(code).text() : "",
                    e.historyCode(), e.historyText(), e.documentNumber());
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
                Messages.pt("finding.UNKNOWN_OCCURRENCE", code, bankCode),
                Messages.en("finding.UNKNOWN_OCCURRENCE", code, bankCode));
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
