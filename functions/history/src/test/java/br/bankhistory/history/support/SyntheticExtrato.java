package br.bankhistory.history.support;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * CNAB 240 extratos (service 04, segment E) of any entries, made from the synthetic fixture
 * {@code synthetic/extrato-237.ret} (FEBRABAN positions): its file header and lote header with the bank code
 * given (1-3), one segment E per entry (143-150 date, 151-168 amount, 169 nature, 170-172 category, 173-176 and
 * 177-201 history, 202-240 document), and a lote trailer whose closing balance (151-168), record count (171-176)
 * and sums of debits (177-194) and credits (195-212) agree, then a file trailer with the counts (18-23, 24-29).
 */
public final class SyntheticExtrato {

    private static final DateTimeFormatter DDMMYYYY = DateTimeFormatter.ofPattern("ddMMyyyy");
    /** The fixture's opening balance, R$ 1.000,00. */
    private static final long OPENING = 1000_00;

    /** One entry: {@code category} is FEBRABAN's (202 "Líquido de cobrança", 201 depósitos, 105 tarifas). */
    public record Entry(LocalDate date, long cents, boolean credit, String category, String history) {

        public static Entry cobranca(LocalDate date, long cents) {
            return new Entry(date, cents, true, "202", "LIQUIDO COBRANCA");
        }
    }

    private SyntheticExtrato() {
    }

    public static byte[] of(String bank, List<Entry> entries) {
        List<String> sample = new String(Samples.bytes("synthetic/extrato-237.ret"), StandardCharsets.ISO_8859_1)
                .lines().toList();
        List<String> lines = new ArrayList<>();
        lines.add(bank + sample.get(0).substring(3));
        lines.add(bank + sample.get(1).substring(3));
        String e = sample.get(2);
        long credits = 0;
        long debits = 0;
        int seq = 0;
        LocalDate last = LocalDate.of(2024, 4, 2);
        for (Entry entry : entries) {
            String date = DDMMYYYY.format(entry.date());
            lines.add(bank + e.substring(3, 8) + String.format("%05d", ++seq) + e.substring(13, 134) + date + date
                    + String.format("%018d", entry.cents()) + (entry.credit() ? "C" : "D") + entry.category()
                    + String.format("%04d", seq) + String.format("%-25s", entry.history())
                    + String.format("%-39s", "DOC-" + seq));
            if (entry.credit()) {
                credits += entry.cents();
            } else {
                debits += entry.cents();
            }
            last = entry.date();
        }
        String t = sample.get(5);
        lines.add(bank + t.substring(3, 142) + DDMMYYYY.format(last) + String.format("%018d", OPENING + credits - debits)
                + "C" + t.charAt(169) + String.format("%06d", seq + 2) + String.format("%018d", debits)
                + String.format("%018d", credits) + t.substring(212));
        String f = sample.get(6);
        lines.add(bank + f.substring(3, 17) + "000001" + String.format("%06d", seq + 4) + f.substring(29));
        return (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }
}
