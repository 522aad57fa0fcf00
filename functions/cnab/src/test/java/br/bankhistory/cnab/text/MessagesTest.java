package br.bankhistory.cnab.text;

import br.bankhistory.cnab.write.CnabWriteException;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The message catalogue: every code in both languages, the same arguments in both. */
class MessagesTest {

    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)}");

    @Test
    void everyWriterCodeHasBothLanguages() {
        for (CnabWriteException.Code code : CnabWriteException.Code.values()) {
            assertThat(Messages.template("write." + code.name(), "pt")).as(code + " pt").isNotBlank();
            assertThat(Messages.template("write." + code.name(), "en")).as(code + " en").isNotBlank();
        }
    }

    @Test
    void aTranslationUsesNoArgumentTheEnglishLacks() {
        for (String key : Messages.keys()) {
            String pt = Messages.template(key, "pt");
            String en = Messages.template(key, "en");
            assertThat(pt).as(key + " pt").isNotNull();
            assertThat(en).as(key + " en").isNotNull();
            assertThat(highest(pt)).as(key).isLessThanOrEqualTo(highest(en));
        }
    }

    @Test
    void writeErrorsAreTypedWithArgumentsAndKeepAnEnglishMessage() {
        CnabWriteException e = new CnabWriteException("cnab240/341/segment-P", "our_number",
                CnabWriteException.Code.TOO_LONG, "123456789", 9, 41, 48, 8);
        assertThat(e.getMessage()).isEqualTo(
                "cnab240/341/segment-P our_number: \"123456789\" has 9 characters; the field (positions 41-48) holds 8");
        assertThat(e.messagePt()).isEqualTo(
                "\"123456789\" tem 9 caracteres; o campo do banco (posições 41 a 48) comporta 8.");
        assertThat(e.code()).isEqualTo(CnabWriteException.Code.TOO_LONG);
        assertThat(e.arguments()).containsExactly("123456789", 9, 41, 48, 8);
        assertThat(new CnabWriteException("r", "f", "something odd").messagePt())
                .isEqualTo("valor recusado pelo leiaute do banco (something odd).");
    }

    @Test
    void anUnknownKeyIsADefectOfTheCaller() {
        assertThatThrownBy(() -> Messages.pt("write.NOPE")).isInstanceOf(IllegalArgumentException.class);
    }

    private static int highest(String template) {
        int max = -1;
        Matcher m = ARGUMENT.matcher(template);
        while (m.find()) {
            max = Math.max(max, Integer.parseInt(m.group(1)));
        }
        return max;
    }
}
