package br.bankhistory.cnab.write;

import br.bankhistory.cnab.layout.LayoutCatalog;
import br.bankhistory.cnab.layout.RecordLayout;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A CNAB 240 pagamento remessa (FEBRABAN layout, service 20 "pagamento a fornecedores"): file header, one lote
 * per kind of payment and payment form (G029: 01 crédito em conta, 41 TED, 30/31 boletos of the file's bank /
 * of other banks), opened when the kind changes, with transfers as A+B and boletos as J+J-52; lote trailers
 * with the record count and the sum of the amounts, file trailer with the counts. Lote layout version 045
 * for transfers (or the default of the bank's own lote header: BB 046, Caixa 041), 040 for boletos (FEBRABAN
 * v08.x, or the default of the bank's own boleto lote header {@code lote-header-pagamento-boleto}: Santander
 * 030; {@code lote_layout_version} in the extra fields overrides).
 */
public final class Pagamento240Writer extends AbstractRemessaWriter<Payment> {

    private final RecordLayout fileHeader;
    private final RecordLayout loteHeader;
    /** Lote header of a boleto lote where the bank lays it out otherwise; else {@link #loteHeader}. */
    private final RecordLayout boletoLoteHeader;
    private final RecordLayout segmentA;
    private final RecordLayout segmentB;
    /** B of a Pix transfer (forma 45/47) where the bank lays it out otherwise; else {@link #segmentB}. */
    private final RecordLayout segmentBPix;
    private final RecordLayout segmentJ;
    private final RecordLayout segmentJ52;
    private final RecordLayout loteTrailer;
    private final RecordLayout fileTrailer;

    /** Lote layout version of a transfer lote: the bank's lote header default, else FEBRABAN's 045. */
    private final String transferLoteVersion;
    /** Lote layout version of a boleto lote: the bank's boleto lote header default, else FEBRABAN's 040. */
    private final String boletoLoteVersion;

    private int lotes;
    private String loteKey;
    private long loteDetails;
    private long loteTotal;

    Pagamento240Writer(OutputStream out, RemessaHeader header, WriteOptions options) {
        super(LayoutCatalog.CNAB240, 240, out, header, options);
        // a bank whose pagamento file header differs from its cobrança one (Itaú SISPAG, BB, Caixa, Banrisul)
        // describes it apart
        fileHeader = layouts.find(family, bank, "file-header-pagamento").orElseGet(() -> layout("file-header"));
        loteHeader = layout("lote-header-pagamento");
        transferLoteVersion = loteHeader.defaultValue("layout_version").orElse("045");
        Optional<RecordLayout> ownBoletoLoteHeader = layouts.find(family, bank, "lote-header-pagamento-boleto");
        boletoLoteHeader = ownBoletoLoteHeader.orElse(loteHeader);
        boletoLoteVersion = ownBoletoLoteHeader.flatMap(layout -> layout.defaultValue("layout_version")).orElse("040");
        segmentA = layout("segment-A");
        segmentB = layout("segment-B");
        segmentBPix = layouts.find(family, bank, "segment-B-pix").orElse(segmentB);
        segmentJ = layout("segment-J");
        segmentJ52 = layout("segment-J52");
        loteTrailer = layout("lote-trailer-pagamento");
        // likewise a pagamento file trailer (BB, Caixa, Banrisul: contas para conciliação in zeros)
        fileTrailer = layouts.find(family, bank, "file-trailer-pagamento").orElseGet(() -> layout("file-trailer"));
        sink.write(List.of(format(fileHeader, new Values(framing(0, 0, "", -1), header.extraFields(),
                headerValues))));
    }

    @Override
    public void add(Payment payment) {
        checkOpen();
        Map<String, Object> item;
        String form;
        String kind;
        if (payment instanceof Payment.Transfer transfer) {
            item = values(transfer);
            boolean sameBank = transfer.bankCode().equals(bank);
            form = sameBank ? "01" : "41";
            kind = "A";
            if (item.get("clearing_house") == null) {
                item.put("clearing_house", sameBank ? 0L : 18L);
            }
        } else if (payment instanceof Payment.Boleto boleto) {
            item = values(boleto);
            form = boleto.barcode().startsWith(bank) ? "30" : "31";
            kind = "J";
        } else {
            throw new IllegalArgumentException("unknown payment " + payment);
        }
        Map<String, String> extras = payment.extraFields();
        form = extras.getOrDefault("payment_form", form);
        String key = kind + form;
        boolean opening = !key.equals(loteKey);
        List<byte[]> lines = new ArrayList<>(4);
        int lote = opening ? lotes + 1 : lotes;
        if (opening && loteKey != null) {
            lines.add(loteTrailerLine());
        }
        if (opening) {
            Map<String, Object> loteValues = new Values.Builder()
                    .put("payment_form", form)
                    .put("layout_version", header.extraFields().getOrDefault("lote_layout_version",
                            kind.equals("A") ? transferLoteVersion : boletoLoteVersion))
                    .build();
            lines.add(format(kind.equals("A") ? loteHeader : boletoLoteHeader, new Values(framing(lote, 1, "", -1),
                    loteValues, header.extraFields(), headerValues)));
        }
        long sequence = (opening ? 0 : loteDetails) + 1;
        if (kind.equals("A")) {
            lines.add(format(segmentA, new Values(framing(lote, 3, "A", sequence++), extras, item,
                    header.extraFields(), headerValues)));
            RecordLayout b = form.equals("45") || form.equals("47") ? segmentBPix : segmentB;
            lines.add(format(b, new Values(framing(lote, 3, "B", sequence), extras, item,
                    header.extraFields(), headerValues)));
        } else {
            lines.add(format(segmentJ, new Values(framing(lote, 3, "J", sequence++), extras, item,
                    header.extraFields(), headerValues)));
            lines.add(format(segmentJ52, new Values(framing(lote, 3, "J", sequence), extras, item,
                    header.extraFields(), headerValues)));
        }
        sink.write(lines);
        if (opening) {
            lotes++;
            loteKey = key;
            loteDetails = 0;
            loteTotal = 0;
        }
        loteDetails += 2;
        loteTotal += payment.amountCents();
        items++;
    }

    /** Closes the current lote; the next payment opens a new one even of the same kind. */
    public void newLote() {
        checkOpen();
        if (loteKey != null) {
            sink.write(List.of(loteTrailerLine()));
            loteKey = null;
        }
    }

    private byte[] loteTrailerLine() {
        Map<String, Object> totals = new Values.Builder()
                .put("record_count", loteDetails + 2)
                .put("total_amount", loteTotal)
                .build();
        return format(loteTrailer, new Values(framing(lotes, 5, "", -1), totals, header.extraFields(),
                headerValues));
    }

    @Override
    void writeTrailers() {
        if (loteKey != null) {
            sink.write(List.of(loteTrailerLine()));
            loteKey = null;
        }
        Map<String, Object> totals = new Values.Builder()
                .put("lote_count", (long) lotes)
                .put("record_count", sink.records() + 1)
                .build();
        sink.write(List.of(format(fileTrailer, new Values(framing(9999, 9, "", -1), totals, header.extraFields(),
                headerValues))));
    }

    private Map<String, Object> values(Payment.Transfer transfer) {
        Party payee = transfer.payee();
        String document = CnabText.digits(payee.document());
        return new Values.Builder()
                .put("payee_bank", transfer.bankCode())
                .put("payee_agency", transfer.agency())
                .put("payee_agency_digit", transfer.agencyDigit())
                .put("payee_account", transfer.account())
                .put("payee_account_digit", transfer.accountDigit())
                .put("payee_name", payee.name())
                .put("your_number", transfer.yourNumber())
                .put("scheduled_date", transfer.paymentDate())
                .put("amount", transfer.amountCents())
                .put("payee_document_type", Party.documentType(document))
                .put("payee_document", document)
                .put("payee_street", payee.address())
                .put("payee_district", payee.district())
                .put("payee_city", payee.city())
                .put("payee_zip", CnabText.digits(payee.zip()))
                .put("payee_state", payee.state())
                .build();
    }

    private Map<String, Object> values(Payment.Boleto boleto) {
        String company = CnabText.digits(header.companyDocument());
        String beneficiary = CnabText.digits(boleto.beneficiaryDocument());
        return new Values.Builder()
                .put("barcode", boleto.barcode())
                .put("beneficiary_name", boleto.beneficiaryName())
                .put("due_date", boleto.dueDate())
                .put("document_amount", boleto.documentAmountCents())
                .put("payment_date", boleto.paymentDate())
                .put("amount", boleto.amountCents())
                .put("your_number", boleto.yourNumber())
                .put("payer_document_type", Party.documentType(company))
                .put("payer_document", company)
                .put("payer_name", header.companyName())
                .put("beneficiary_document_type", Party.documentType(beneficiary))
                .put("beneficiary_document", beneficiary)
                .build();
    }
}
