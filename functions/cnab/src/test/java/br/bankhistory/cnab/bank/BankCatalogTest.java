package br.bankhistory.cnab.bank;

import br.bankhistory.cnab.Direction;
import br.bankhistory.cnab.Layout;
import br.bankhistory.cnab.Service;
import br.bankhistory.cnab.write.Instruction;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bank catalogue: what a "bank, what we read, what we write" list is made of. */
class BankCatalogTest {

    private final BankCatalog catalog = BankCatalog.standard();

    @Test
    void aDescribedBankSaysWhatIsReadAndWritten() {
        BankDescription itau = catalog.find("341").orElseThrow();
        assertThat(itau.name()).isEqualTo("Itaú");
        assertThat(itau.reads(Layout.CNAB400, Service.COBRANCA, Direction.RETORNO)).isTrue();
        assertThat(itau.reads(Layout.CNAB240, Service.PAGAMENTO, Direction.RETORNO)).isTrue();
        assertThat(itau.writes(Layout.CNAB240, Service.PAGAMENTO)).isTrue();
        assertThat(itau.layoutFiles()).contains("cnab240-341.layout", "cnab400-341.layout");
        assertThat(itau.isDescribed()).isTrue();

        BankDescription brb = catalog.find("070").orElseThrow();
        assertThat(brb.reads(Layout.CNAB400, Service.COBRANCA, Direction.RETORNO)).isTrue();
        assertThat(brb.writes(Layout.CNAB400, Service.COBRANCA)).isFalse();

        BankDescription nubank = catalog.find("260").orElseThrow();
        assertThat(nubank.isDescribed()).isFalse();
        assertThat(nubank.pixInBoleto()).isFalse();
        assertThat(catalog.find("999")).isEmpty();
        assertThat(catalog.name("999")).isEmpty();
    }

    @Test
    void theWritersBanksComeFromTheDescriptions() {
        assertThat(catalog.writing(Layout.CNAB240, Service.COBRANCA)).containsExactly("001", "033", "041", "084",
                "085", "097", "104", "133", "136", "208", "237", "246", "341", "655", "748", "756");
        assertThat(catalog.writing(Layout.CNAB400, Service.COBRANCA))
                .containsExactly("001", "033", "104", "237", "341", "748", "756");
        assertThat(catalog.writing(Layout.CNAB240, Service.PAGAMENTO))
                .containsExactly("001", "033", "077", "085", "104", "208", "237", "341", "422", "748", "756");
    }

    @Test
    void aBanksOwnInstructionCodesAreData() {
        assertThat(Instruction.CANCEL_PROTEST.code("cnab400", "001")).isEqualTo("10");
        assertThat(Instruction.CANCEL_PROTEST.code("cnab400", "341")).isEqualTo("18");
        assertThat(Instruction.PROTEST.code("cnab400", "104")).isEqualTo("12");
        assertThat(Instruction.PROTEST.code("cnab240", "104")).isEqualTo("09");
        assertThat(catalog.find("104").orElseThrow().instructionCode(Layout.CNAB400, "GRANT_REBATE")).contains("03");
    }

    @Test
    void anInstructionABanksLayoutHasNoCodeForIsNotAccepted() {
        // BB's CNAB 400 (CBR641) 31 is "conceder desconto": it has no "alteração de outros dados"
        assertThat(Instruction.CHANGE_OTHER_DATA.acceptedBy("cnab400", "001")).isFalse();
        assertThat(Instruction.CHANGE_OTHER_DATA.acceptedBy("cnab240", "001")).isTrue();
        assertThat(Instruction.CHANGE_OTHER_DATA.acceptedBy("cnab400", "341")).isTrue();
        assertThat(Instruction.CHANGE_OTHER_DATA.acceptedBy("cnab400", "999")).isTrue();
        assertThat(catalog.find("001").orElseThrow().instructionCode(Layout.CNAB400, "CHANGE_OTHER_DATA")).isEmpty();
        assertThatThrownBy(() -> BankCatalog.parse("123.bank", "code 123\nname X\ninstruction cnab400 PROTEST 9\n"))
                .hasMessageContaining("123.bank:3");
    }

    @Test
    void aBadDescriptionIsRefusedWithItsLine() {
        assertThatThrownBy(() -> BankCatalog.parse("123.bank", "code 123\nname X\nread cnab999 cobranca retorno\n"))
                .hasMessageContaining("123.bank:3");
        assertThatThrownBy(() -> BankCatalog.parse("123.bank", "code 123\nname X\nwrite cnab240 cobranca retorno\n"))
                .hasMessageContaining("only remessas");
        assertThatThrownBy(() -> BankCatalog.parse("124.bank", "code 123\nname X\n"))
                .hasMessageContaining("must be 123.bank");
        assertThatThrownBy(() -> BankCatalog.parse("123.bank", "name X\n")).hasMessageContaining("three-digit");
    }
}
