package br.bankhistory.cnab.read;

import br.bankhistory.cnab.layout.FieldSpec;
import br.bankhistory.cnab.layout.LayoutCatalog;
import br.bankhistory.cnab.layout.RecordLayout;
import br.bankhistory.cnab.occurrence.OccurrenceCatalog;
import br.bankhistory.cnab.occurrence.OccurrenceTable;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The CNAB 240 layouts and occurrence tables of one bank, with the fields the reader uses resolved
 * once, so reading a record is array offsets only. Built once per bank code and shared.
 */
final class Cnab240Layouts {

    private static final Map<String, Cnab240Layouts> BY_BANK = new ConcurrentHashMap<>();
    private static final String FAMILY = LayoutCatalog.CNAB240;

    final RecordLayout fileHeader;
    final RecordLayout fileTrailer;
    final RecordLayout loteHeaderCobranca;
    final RecordLayout loteHeaderPagamento;
    final RecordLayout loteTrailerCobranca;
    final RecordLayout loteTrailerPagamento;
    final RecordLayout segmentP;
    final RecordLayout segmentQ;
    final RecordLayout segmentT;
    final RecordLayout segmentU;
    final RecordLayout segmentW;
    /** Y-03: the optional record of a title whose fields the bank describes (Pix of a boleto híbrido). */
    final RecordLayout segmentY03;
    final RecordLayout segmentA;
    final RecordLayout segmentB;
    final RecordLayout segmentJ;
    final RecordLayout segmentJ52;
    final RecordLayout segmentO;
    final RecordLayout segmentN;
    final RecordLayout segmentZ;
    final RecordLayout loteHeaderExtrato;
    final RecordLayout segmentE;
    final RecordLayout loteTrailerExtrato;
    final OccurrenceTable extrato;
    /** Extrato lote: opening balance (header), entry fields (E), closing balance and totals (trailer). */
    final Extrato extratoFields;

    record Extrato(FieldSpec openingBalance, FieldSpec openingSign, FieldSpec accountingDate, FieldSpec entryDate,
                   FieldSpec amount, FieldSpec entryType, FieldSpec category, FieldSpec historyCode,
                   FieldSpec historyText, FieldSpec documentNumber, FieldSpec closingBalance, FieldSpec closingSign,
                   FieldSpec recordCount, FieldSpec totalDebits, FieldSpec totalCredits) {

        static Extrato of(RecordLayout header, RecordLayout e, RecordLayout trailer) {
            return new Extrato(header.field("opening_balance"), header.field("opening_balance_sign"),
                    e.field("accounting_date"), e.field("entry_date"), e.field("amount"), e.field("entry_type"),
                    e.field("entry_category"), e.field("history_code"), e.field("history_text"),
                    e.field("document_number"), trailer.field("closing_balance"), trailer.field("closing_balance_sign"),
                    trailer.field("record_count"), trailer.field("total_debits"), trailer.field("total_credits"));
        }
    }

    final OccurrenceTable cobrancaRetorno;
    final OccurrenceTable cobrancaRemessa;
    final OccurrenceTable pagamento;

    // file header
    final FieldSpec headerCompanyName;
    final FieldSpec headerCompanyDocument;
    final FieldSpec headerAgency;
    final FieldSpec headerAccount;
    final FieldSpec headerAgreement;
    final FieldSpec headerSequence;
    final FieldSpec headerGeneratedOn;
    final FieldSpec headerLayoutVersion;
    /**
     * The company fields of the bank's own pagamento file header, where its positions differ from its cobrança
     * header's (Itaú SISPAG, BB, Caixa, ...); null for a bank without one. Which header a file has is known at its
     * first lote header (its service).
     */
    final HeaderFields pagamentoFileHeader;
    // lote header company fields (used when a file has no file header), cobrança and pagamento positions
    final HeaderFields cobrancaLoteCompany;
    final HeaderFields pagamentoLoteCompany;
    final FieldSpec loteLayoutVersion;
    // trailers
    final FieldSpec fileTrailerLotes;
    final FieldSpec fileTrailerRecords;
    final FieldSpec loteTrailerRecords;
    final FieldSpec loteTrailerSimpleCount;
    final FieldSpec loteTrailerSimpleTotal;
    /** Count and total of the four kinds of cobrança (simples, vinculada, caucionada, descontada). */
    final FieldSpec[] loteTrailerKindCounts;
    final FieldSpec[] loteTrailerKindTotals;
    final ItemFields itemZ;
    final FieldSpec loteTrailerPaymentTotal;
    // detail segments
    final FieldSpec tOccurrence;
    final FieldSpec tReasons;
    final FieldSpec pOccurrence;
    final FieldSpec wOccurrence;
    final FieldSpec wRejectedRecord;
    final FieldSpec wText;
    final ItemFields itemT;
    final ItemFields itemU;
    final ItemFields itemP;
    final ItemFields itemQ;
    final ItemFields itemY03;
    final ItemFields itemA;
    final ItemFields itemB;
    /** B of a Pix transfer (forma de lançamento 45/47) where the bank lays it out otherwise (segment-B-pix). */
    final ItemFields itemBPix;
    final ItemFields itemJ;
    final ItemFields itemJ52;
    final ItemFields itemO;
    final ItemFields itemN;
    /** Movement code (16-17) and ocorrências (231-240) of the pagamento opening segments. */
    final FieldSpec aMovement;
    final FieldSpec aOccurrences;
    final FieldSpec jMovement;
    final FieldSpec jOccurrences;
    final FieldSpec oMovement;
    final FieldSpec oOccurrences;
    final FieldSpec nMovement;
    final FieldSpec nOccurrences;
    final FieldSpec zOccurrences;

    private Cnab240Layouts(String bank) {
        LayoutCatalog layouts = LayoutCatalog.standard();
        fileHeader = layouts.record(FAMILY, bank, "file-header");
        fileTrailer = layouts.record(FAMILY, bank, "file-trailer");
        loteHeaderCobranca = layouts.record(FAMILY, bank, "lote-header-cobranca");
        loteHeaderPagamento = layouts.record(FAMILY, bank, "lote-header-pagamento");
        loteTrailerCobranca = layouts.record(FAMILY, bank, "lote-trailer-cobranca");
        loteTrailerPagamento = layouts.record(FAMILY, bank, "lote-trailer-pagamento");
        segmentP = layouts.record(FAMILY, bank, "segment-P");
        segmentQ = layouts.record(FAMILY, bank, "segment-Q");
        segmentT = layouts.record(FAMILY, bank, "segment-T");
        segmentU = layouts.record(FAMILY, bank, "segment-U");
        segmentW = layouts.record(FAMILY, bank, "segment-W");
        segmentY03 = layouts.record(FAMILY, bank, "segment-Y03");
        segmentA = layouts.record(FAMILY, bank, "segment-A");
        segmentB = layouts.record(FAMILY, bank, "segment-B");
        segmentJ = layouts.record(FAMILY, bank, "segment-J");
        segmentJ52 = layouts.record(FAMILY, bank, "segment-J52");
        segmentO = layouts.record(FAMILY, bank, "segment-O");
        segmentN = layouts.record(FAMILY, bank, "segment-N");
        segmentZ = layouts.record(FAMILY, bank, "segment-Z");
        loteHeaderExtrato = layouts.record(FAMILY, bank, "lote-header-extrato");
        segmentE = layouts.record(FAMILY, bank, "segment-E");
        loteTrailerExtrato = layouts.record(FAMILY, bank, "lote-trailer-extrato");
        extratoFields = Extrato.of(loteHeaderExtrato, segmentE, loteTrailerExtrato);

        OccurrenceCatalog occurrences = OccurrenceCatalog.standard();
        cobrancaRetorno = occurrences.table("cnab240-cobranca-retorno", bank);
        cobrancaRemessa = occurrences.table("cnab240-cobranca-remessa", bank);
        pagamento = occurrences.table("cnab240-pagamento", bank);
        extrato = occurrences.table("cnab240-extrato", bank);

        headerCompanyName = fileHeader.field("company_name");
        headerCompanyDocument = fileHeader.find("company_document").orElse(null);
        headerAgency = fileHeader.find("agency").orElse(null);
        headerAccount = fileHeader.find("account").orElse(null);
        headerAgreement = fileHeader.find("agreement").orElse(null);
        headerSequence = fileHeader.field("sequence_number");
        headerGeneratedOn = fileHeader.field("generated_on");
        headerLayoutVersion = fileHeader.field("layout_version");
        pagamentoFileHeader = layouts.hasOwn(FAMILY, bank, "file-header-pagamento")
                ? HeaderFields.of(layouts.record(FAMILY, bank, "file-header-pagamento")) : null;
        cobrancaLoteCompany = HeaderFields.of(loteHeaderCobranca);
        pagamentoLoteCompany = HeaderFields.of(loteHeaderPagamento);
        loteLayoutVersion = loteHeaderCobranca.field("layout_version");
        fileTrailerLotes = fileTrailer.field("lote_count");
        fileTrailerRecords = fileTrailer.field("record_count");
        loteTrailerRecords = loteTrailerCobranca.field("record_count");
        // a bank whose trailer states its portfolio (not this file) names those fields otherwise: none is compared
        loteTrailerSimpleCount = loteTrailerCobranca.find("simple_count").orElse(null);
        loteTrailerSimpleTotal = loteTrailerCobranca.find("simple_total").orElse(null);
        loteTrailerKindCounts = present(loteTrailerSimpleCount, loteTrailerCobranca.find("linked_count"),
                loteTrailerCobranca.find("secured_count"), loteTrailerCobranca.find("discounted_count"));
        loteTrailerKindTotals = present(loteTrailerSimpleTotal, loteTrailerCobranca.find("linked_total"),
                loteTrailerCobranca.find("secured_total"), loteTrailerCobranca.find("discounted_total"));
        itemZ = ItemFields.of(segmentZ);
        loteTrailerPaymentTotal = loteTrailerPagamento.field("total_amount");

        tOccurrence = segmentT.field("occurrence_code");
        tReasons = segmentT.field("reasons");
        pOccurrence = segmentP.field("occurrence_code");
        wOccurrence = segmentW.field("occurrence_code");
        wRejectedRecord = segmentW.field("rejected_record");
        wText = segmentW.field("text");
        itemT = ItemFields.of(segmentT);
        itemU = ItemFields.of(segmentU);
        itemP = ItemFields.of(segmentP);
        itemQ = ItemFields.of(segmentQ);
        itemY03 = ItemFields.of(segmentY03);
        itemA = ItemFields.of(segmentA);
        itemB = ItemFields.of(segmentB);
        itemBPix = layouts.find(FAMILY, bank, "segment-B-pix").map(ItemFields::of).orElse(itemB);
        itemJ = ItemFields.of(segmentJ);
        itemJ52 = ItemFields.counterpartOnly(segmentJ52, "beneficiary_name", "beneficiary_document");
        itemO = ItemFields.of(segmentO);
        itemN = ItemFields.of(segmentN);
        aMovement = segmentA.field("occurrence_code");
        aOccurrences = segmentA.field("occurrences");
        jMovement = segmentJ.field("occurrence_code");
        jOccurrences = segmentJ.field("occurrences");
        oMovement = segmentO.field("occurrence_code");
        oOccurrences = segmentO.field("occurrences");
        nMovement = segmentN.field("occurrence_code");
        nOccurrences = segmentN.field("occurrences");
        zOccurrences = segmentZ.field("occurrences");
    }

    /**
     * The company identity fields of a header record; all but the name may be absent (null) where a bank
     * has no such field (Itaú prints no convênio, Santander a código de transmissão instead of the account).
     */
    record HeaderFields(FieldSpec name, FieldSpec document, FieldSpec agency, FieldSpec account,
                        FieldSpec agreement) {

        static HeaderFields of(RecordLayout layout) {
            return new HeaderFields(layout.field("company_name"), layout.find("company_document").orElse(null),
                    layout.find("agency").orElse(null), layout.find("account").orElse(null),
                    layout.find("agreement").orElse(null));
        }
    }

    @SafeVarargs
    private static FieldSpec[] present(FieldSpec first, java.util.Optional<FieldSpec>... others) {
        java.util.List<FieldSpec> fields = new java.util.ArrayList<>();
        if (first != null) {
            fields.add(first);
        }
        for (var other : others) {
            other.ifPresent(fields::add);
        }
        return fields.toArray(FieldSpec[]::new);
    }

    static Cnab240Layouts forBank(String bankCode) {
        String key = bankCode.length() == 3 && Character.isDigit(bankCode.charAt(0))
                && Character.isDigit(bankCode.charAt(1)) && Character.isDigit(bankCode.charAt(2)) ? bankCode : "000";
        return BY_BANK.computeIfAbsent(key, Cnab240Layouts::new);
    }
}
