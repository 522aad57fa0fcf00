package br.bankhistory.cnab.write;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.fail;

/**
 * Mutated sample remessas and random bytes given to the field-by-field copy: it either copies them or
 * refuses them with its own {@link CnabWriteException}, never anything else (seeded, 3,000 inputs).
 */
class RecordCopyFuzzTest {

    private static final long SEED = 77_031L;
    private static final List<String> SAMPLES = List.of("brcobranca/remessa-caixa-cnab240.rem",
            "kmee-cnab240/cobranca.itau.rem", "OpenCnabPHP/remessa-test.rem", "eduardordm-cnab240/sicoob_240_boletos.CED",
            "brcobranca/remessa-santander-cnab400-pix.rem", "brcobranca/remessa-banco-brasilia-cnab400.rem",
            "brcobranca/remessa-itau-cnab444.rem", "laravel-boleto/caixa.ret", "brcobranca/CNAB400ITAU.RET");

    @Test
    void mutatedAndRandomInputsAreCopiedOrRefusedWithTheTypedError() {
        Random random = new Random(SEED);
        for (int n = 0; n < 3_000; n++) {
            byte[] input;
            if (n % 4 == 3) {
                input = new byte[random.nextInt(3_000)];
                random.nextBytes(input);
            } else {
                input = Samples.bytes(SAMPLES.get(random.nextInt(SAMPLES.size())));
                int mutations = 1 + random.nextInt(8);
                for (int m = 0; m < mutations && input.length > 0; m++) {
                    int at = random.nextInt(input.length);
                    switch (random.nextInt(4)) {
                        case 0 -> input[at] = (byte) random.nextInt(256);
                        case 1 -> input[at] = (byte) ('0' + random.nextInt(10));
                        case 2 -> input[at] = '\n';
                        default -> input = java.util.Arrays.copyOf(input, at);
                    }
                }
            }
            try {
                RecordCopy.standard().copy(new ByteArrayInputStream(input), new ByteArrayOutputStream());
            } catch (CnabWriteException expected) {
                // refused, with the record and field named
            } catch (Exception | Error e) {
                fail("seed " + SEED + ", input " + n + " (" + input.length + " bytes): " + e, e);
            }
        }
    }
}
