package br.bankhistory.cnab;

import br.bankhistory.cnab.bank.BankCatalog;
import br.bankhistory.cnab.bank.BankDescription;
import br.bankhistory.cnab.layout.FieldSpec;
import br.bankhistory.cnab.layout.LayoutCatalog;
import br.bankhistory.cnab.layout.RecordLayout;
import br.bankhistory.cnab.occurrence.OccurrenceCatalog;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The layout and occurrence data load, and bank overrides change only what they name. */
class LayoutCatalogTest {

    private final LayoutCatalog layouts = LayoutCatalog.standard();

    @Test
    void febrabanSegmentTHasTheManualPositions() {
        RecordLayout t = layouts.record(LayoutCatalog.CNAB240, "237", "segment-T");
        FieldSpec ourNumber = t.field("our_number");
        assertThat(ourNumber.start()).isEqualTo(38);
        assertThat(ourNumber.end()).isEqualTo(57);
        FieldSpec amount = t.field("amount");
        assertThat(amount.decimals()).isEqualTo(2);
        assertThat(amount.required()).isTrue();
        assertThat(t.field("due_date").dateFormat()).isEqualTo("ddMMyyyy");
    }

    @Test
    void bankOverridesReplaceOnlyTheirFields() {
        RecordLayout itau = layouts.record(LayoutCatalog.CNAB240, "341", "segment-T");
        assertThat(itau.field("our_number").start()).isEqualTo(41);
        assertThat(itau.field("our_number").end()).isEqualTo(48);
        assertThat(itau.field("amount").start()).isEqualTo(82);
        assertThat(layouts.hasOwn(LayoutCatalog.CNAB240, "341", "segment-T")).isTrue();
        assertThat(layouts.hasOwn(LayoutCatalog.CNAB240, "237", "segment-T")).isFalse();

        RecordLayout santander = layouts.record(LayoutCatalog.CNAB240, "033", "segment-T");
        assertThat(santander.field("amount").start()).isEqualTo(78);
        assertThat(santander.field("due_date").start()).isEqualTo(70);
    }

    @Test
    void dropRemovesBaseFields() {
        RecordLayout inter = layouts.record(LayoutCatalog.CNAB400, "077", "detail-retorno");
        assertThat(inter.find("fee")).isEmpty();
        assertThat(inter.field("occurrence_code").start()).isEqualTo(90);
        assertThat(layouts.record(LayoutCatalog.CNAB400, "341", "detail-retorno").find("fee")).isPresent();
    }

    @Test
    void everyFieldFitsItsRecord() {
        List<String> records240 = List.of("file-header", "file-trailer", "lote-header-cobranca",
                "lote-header-pagamento", "lote-trailer-cobranca", "lote-trailer-pagamento", "segment-P", "segment-Q",
                "segment-R", "segment-S", "segment-Y", "segment-T", "segment-U", "segment-W", "segment-A",
                "segment-B", "segment-J", "segment-J52", "segment-O", "segment-N", "segment-Z");
        for (String bank : BankCatalog.standard().all().stream().map(BankDescription::code).toList()) {
            for (String record : records240) {
                for (FieldSpec field : layouts.record(LayoutCatalog.CNAB240, bank, record).fields()) {
                    assertThat(field.end()).as(bank + " " + record + " " + field.name()).isLessThanOrEqualTo(240);
                }
            }
            for (String record : List.of("header", "detail-retorno", "detail-remessa", "trailer-retorno",
                    "trailer-remessa")) {
                for (FieldSpec field : layouts.record(LayoutCatalog.CNAB400, bank, record).fields()) {
                    assertThat(field.end()).as(bank + " " + record + " " + field.name()).isLessThanOrEqualTo(444);
                }
            }
        }
    }

    @Test
    void occurrenceTablesDecodeAndNormalise() {
        OccurrenceCatalog catalog = OccurrenceCatalog.standard();
        var febraban = catalog.table("cnab240-cobranca-retorno", "237");
        assertThat(febraban.occurrence("06").category()).isEqualTo(Category.PAID);
        assertThat(febraban.describeReason("02", "A4")).isEqualTo("A4 - Pagador DDA");
        assertThat(febraban.describeReason("06", "04")).isEqualTo("04 - Compensação eletrônica");
        assertThat(febraban.occurrence("77").category()).isEqualTo(Category.OTHER);

        var caixa400 = catalog.table("cnab400-cobranca-retorno", "104");
        assertThat(caixa400.occurrence("21").category()).isEqualTo(Category.PAID);
        // 400 bank tables stand alone: nothing from the generic table leaks in
        assertThat(caixa400.knows("15")).isFalse();
        var unknownBank400 = catalog.table("cnab400-cobranca-retorno", "999");
        assertThat(unknownBank400.occurrence("06").category()).isEqualTo(Category.PAID);

        var pagamento = catalog.table("cnab240-pagamento", "341");
        assertThat(pagamento.occurrence("BD").category()).isEqualTo(Category.SCHEDULED);
        assertThat(pagamento.occurrence("00").category()).isEqualTo(Category.EFFECTED);
        assertThat(pagamento.occurrence("AR").category()).isEqualTo(Category.PAYMENT_REJECTED);
    }

    @Test
    void bankNames() {
        assertThat(Banks.shortName("341")).isEqualTo("Itaú");
        assertThat(Banks.shortName("748")).isEqualTo("Sicredi");
        assertThat(Banks.shortName("999")).isEmpty();
        assertThat(Banks.shortName(null)).isEmpty();
    }
}
