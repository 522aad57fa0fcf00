package br.bankhistory.cnab.read;

import br.bankhistory.cnab.occurrence.OccurrenceCatalog;
import br.bankhistory.cnab.occurrence.OccurrenceTable;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Remembered decodings are the decodings: for any mix of tables and codes, slots taken over included. */
class DecodeCacheTest {

    private static final String[] CODES = {"00", "01", "02", "03", "06", "09", "17", "AE", "AH", "AP", "BD", "ZZ",
            "  ", "A4", "99"};

    @Test
    void rememberedReasonsAndPaymentsEqualFreshOnes() {
        OccurrenceCatalog catalog = OccurrenceCatalog.standard();
        OccurrenceTable[] tables = {catalog.table("cnab240-cobranca-retorno", "341"),
                catalog.table("cnab240-cobranca-retorno", "104"), catalog.table("cnab240-pagamento", "237"),
                catalog.table("cnab400-cobranca-retorno", "237")};
        DecodeCache cache = new DecodeCache();
        Random random = new Random(9);
        for (int run = 0; run < 50_000; run++) {
            OccurrenceTable table = tables[random.nextInt(tables.length)];
            String code = CODES[random.nextInt(CODES.length)];
            StringBuilder raw = new StringBuilder();
            for (int i = random.nextInt(6); i > 0; i--) {
                raw.append(CODES[random.nextInt(CODES.length)]);
            }
            String field = raw.toString();
            int width = random.nextInt(3);
            int skip = random.nextInt(2);

            assertThat(cache.reasons(table, code, field, width, skip))
                    .isEqualTo(ReasonCodes.describe(table, code, field, width, skip));
            if (!field.isBlank()) {
                assertThat(cache.payment(table, field)).isEqualTo(PaymentCodes.decode(table, field));
            }
        }
    }
}
