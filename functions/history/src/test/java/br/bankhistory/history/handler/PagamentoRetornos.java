package br.bankhistory.history.handler;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A Bradesco pagamento remessa (one TED, one boleto of another bank) and the confirmação a bank sends for
 * it once it paid everything (FEBRABAN 240 v10.11): occurrence 00 (231-240), the bank's number (A 135-154,
 * J 203-222), data efetiva and valor efetivado (A 155-162, 163-177), the boleto paid with a desconto and mora
 * (J 115-129, 130-144, 145-152, 153-167), and the TED's authentication in a Z segment after its B.
 */
final class PagamentoRetornos {

    static final String AUTHENTICATION = "AUT0BRADESCO0000123456789ABCDEF";

    private PagamentoRetornos() {
    }

    static String remessa() {
        return """
                {"service":"PAGAMENTO","layout":"CNAB240","bankCode":"237",
                 "header":{"companyName":"Indústria Ômega S.A.","companyDocument":"11.222.333/0001-81",
                   "agency":"1234","agencyDigit":"0","account":"567890","accountDigit":"1","agreement":"000123",
                   "generatedAt":"2026-11-23T13:10:00Z"},
                 "payments":[
                   {"kind":"TRANSFER","yourNumber":"TED-77",
                    "payee":{"name":"Fornecedor Alfa Ltda","document":"33.444.555/0001-66","address":"Av. Paulista 1000",
                      "district":"Bela Vista","zip":"01310-100","city":"São Paulo","state":"SP"},
                    "bankCode":"341","agency":"4321","agencyDigit":"9","account":"12345","accountDigit":"6",
                    "paymentDate":"2026-11-25","amountCents":150000},
                   {"kind":"BOLETO","yourNumber":"BOL-88","barcode":"34191000000000000000000000000000000000000000",
                    "beneficiaryName":"Energia Elétrica S.A.","dueDate":"2026-11-30","paymentDate":"2026-11-25",
                    "amountCents":99990}]}
                """;
    }

    static byte[] effected(byte[] remessa) {
        List<String> lines = new ArrayList<>();
        int bankNumber = 0;
        boolean zAfterB = false;
        long delta = 0; // what the boleto's paid amount changes in its lote's total (lote trailer 24-41)
        for (String line : new String(remessa, StandardCharsets.ISO_8859_1).split("\r\n")) {
            char type = line.charAt(7);
            char segment = line.charAt(13);
            String l = line;
            if (type == '0') {
                l = l.substring(0, 142) + "2" + l.substring(143);
            } else if (type == '1') {
                l = l.substring(0, 230) + String.format("%-10s", "00");
            } else if (type == '3' && segment == 'A') {
                l = l.substring(0, 134) + String.format("%-20s", "BRAD" + (++bankNumber)) + "25112026"
                        + l.substring(119, 134) + l.substring(177, 230) + String.format("%-10s", "00");
                zAfterB = true;
            } else if (type == '3' && segment == 'J' && l.charAt(17) != '5') {
                delta += 99_490 - Long.parseLong(l.substring(152, 167));
                l = l.substring(0, 114) + "000000000001000" + "000000000000500" + "25112026" + "000000000099490"
                        + l.substring(167, 202) + String.format("%-20s", "BRAD" + (++bankNumber)) + l.substring(222, 230)
                        + String.format("%-10s", "00");
            } else if (type == '5') {
                int count = Integer.parseInt(l.substring(17, 23)) + (lines.stream().anyMatch(x -> x.charAt(13) == 'Z'
                        && x.substring(3, 7).equals(line.substring(3, 7))) ? 1 : 0);
                long total = Long.parseLong(l.substring(23, 41)) + delta;
                delta = 0;
                l = l.substring(0, 17) + String.format("%06d", count) + String.format("%018d", total) + l.substring(41);
            } else if (type == '9') {
                int count = Integer.parseInt(l.substring(23, 29)) + 1;
                l = l.substring(0, 23) + String.format("%06d", count) + l.substring(29);
            }
            lines.add(l);
            if (zAfterB && type == '3' && segment == 'B') {
                lines.add(l.substring(0, 8) + l.substring(8, 13) + "Z" + String.format("%-64s", AUTHENTICATION)
                        + " ".repeat(240 - 78 - 10) + String.format("%-10s", "00"));
                zAfterB = false;
            }
        }
        // the details' sequence numbers (9-13) again, now that a Z was inserted
        int seq = 0;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.charAt(7) == '1') {
                seq = 0;
            } else if (l.charAt(7) == '3') {
                lines.set(i, l.substring(0, 8) + String.format("%05d", ++seq) + l.substring(13));
            }
        }
        return (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }
}
