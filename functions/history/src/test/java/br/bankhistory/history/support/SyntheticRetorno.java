package br.bankhistory.history.support;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Caixa CNAB 240 retornos of any size, made from the sample caixa.ret (laravel-boleto, MIT): its file and lote
 * headers, then one T+U pair per nosso número (the sample's first pair with T 40-56 replaced and the lote
 * sequence renumbered), then a lote trailer and a file trailer whose counts (18-23, 24-29) match.
 */
public final class SyntheticRetorno {

    private SyntheticRetorno() {
    }

    public static byte[] caixa(List<String> ourNumbers) {
        return caixa(ourNumbers, UnaryOperator.identity(), 1622);
    }

    /**
     * @param header edits of the file header (e.g. another NSA, 158-163)
     * @param nsa    the file's NSA (header 158-163)
     */
    public static byte[] caixa(List<String> ourNumbers, UnaryOperator<String> header, int nsa) {
        List<String> sample = new String(Samples.bytes("laravel-boleto/caixa.ret"), StandardCharsets.ISO_8859_1)
                .lines().toList();
        String fileHeader = header.apply(sample.get(0).substring(0, 157) + String.format("%06d", nsa)
                + sample.get(0).substring(163));
        String t = sample.get(2);
        String u = sample.get(3);
        List<String> lines = new ArrayList<>();
        lines.add(fileHeader);
        lines.add(sample.get(1));
        int seq = 0;
        for (String ourNumber : ourNumbers) {
            String number = String.format("%-17s", ourNumber);
            lines.add(t.substring(0, 8) + String.format("%05d", ++seq) + t.substring(13, 39) + number + t.substring(56));
            lines.add(u.substring(0, 8) + String.format("%05d", ++seq) + u.substring(13));
        }
        String loteTrailer = sample.get(sample.size() - 2);
        lines.add(loteTrailer.substring(0, 17) + String.format("%06d", seq + 2) + loteTrailer.substring(23));
        String fileTrailer = sample.get(sample.size() - 1);
        lines.add(fileTrailer.substring(0, 17) + "000001" + String.format("%06d", seq + 4) + fileTrailer.substring(29));
        return (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }
}
