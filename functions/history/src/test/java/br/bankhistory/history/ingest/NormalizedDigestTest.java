package br.bankhistory.history.ingest;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The digest by meaning is SHA-256 of the normalised text, whatever size the blocks it is written in: the
 * content is handed to SHA-256 in blocks, past the block size and across its edges.
 */
class NormalizedDigestTest {

    @Test
    void isTheSha256OfTheNormalisedTextWrittenInAnyBlocks() throws Exception {
        StringBuilder raw = new StringBuilder("\uFEFF");
        StringBuilder normalised = new StringBuilder();
        for (int line = 0; line < 3_000; line++) {
            String content = "34100001" + line + "   X" + "9".repeat(line % 37);
            raw.append(content).append(" \t  ").append(line % 3 == 0 ? "\r\n" : line % 3 == 1 ? "\n" : "\r");
            normalised.append(content).append('\n');
        }
        raw.append("\r\n\r\n\u001A");
        normalised.setLength(normalised.length() - 1); // the ends of the last line and blank lines do not count
        byte[] bytes = raw.toString().getBytes(StandardCharsets.UTF_8);
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(normalised.toString().getBytes(StandardCharsets.UTF_8)));

        for (int block : new int[] {1, 7, 8192, 8193, bytes.length}) {
            NormalizedDigest digest = new NormalizedDigest();
            for (int from = 0; from < bytes.length; from += block) {
                digest.write(bytes, from, Math.min(block, bytes.length - from));
            }
            assertThat(digest.hex()).as("blocks of %d bytes", block).isEqualTo(expected);
        }
    }
}
