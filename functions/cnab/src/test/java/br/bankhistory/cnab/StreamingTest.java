package br.bankhistory.cnab;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Items reach the sink while the stream is still being read, and nothing is held per line. */
class StreamingTest {

    /** A CNAB 240 retorno of {@code titles} T+U pairs, produced as it is read (never all in memory). */
    private static final class GeneratedRetorno extends InputStream {

        private final long titles;
        private long nextLine;
        private byte[] current = new byte[0];
        private int position;
        long bytesServed;

        GeneratedRetorno(long titles) {
            this.titles = titles;
        }

        private String line(long index) {
            long details = titles * 2;
            if (index == 0) {
                return Synthetic240.fileHeader("237", '2');
            }
            if (index == 1) {
                return Synthetic240.loteHeader("237", 'T', "01");
            }
            if (index < 2 + details) {
                long detail = index - 2;
                int sequence = (int) (detail % 99_999) + 1;
                return detail % 2 == 0
                        ? Synthetic240.segmentT("237", sequence, "06", Long.toString(detail / 2), 1_000, "")
                        : Synthetic240.segmentU("237", sequence, "06", 990);
            }
            if (index == 2 + details) {
                return Synthetic240.loteTrailer("237", details + 2);
            }
            return Synthetic240.fileTrailer("237", 1, details + 4);
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position == current.length) {
                if (nextLine > titles * 2 + 3) {
                    return -1;
                }
                current = (line(nextLine++) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
                position = 0;
            }
            int n = Math.min(length, current.length - position);
            System.arraycopy(current, position, buffer, offset, n);
            position += n;
            bytesServed += n;
            return n;
        }
    }

    @Test
    void itemsAreStreamedAndTotalsAreExact() {
        long titles = 50_000;
        GeneratedRetorno input = new GeneratedRetorno(titles);
        long[] bytesWhenFirstItemArrived = {-1};
        long[] received = {0};

        FileSummary summary = CnabReader.standard().read(input, item -> {
            if (received[0]++ == 0) {
                bytesWhenFirstItemArrived[0] = input.bytesServed;
            }
        }, ReadOptions.defaults());

        long fileSize = (titles * 2 + 4) * 242;
        assertThat(input.bytesServed).isEqualTo(fileSize);
        assertThat(bytesWhenFirstItemArrived[0]).isBetween(1L, 2L * 64 * 1024);
        assertThat(received[0]).isEqualTo(titles);
        assertThat(summary.itemCount()).isEqualTo(titles);
        assertThat(summary.totalAmountCents()).isEqualTo(titles * 1_000);
        assertThat(summary.totalPaidCents()).isEqualTo(titles * 990);
        assertThat(summary.byOccurrence()).containsOnlyKeys("06");
        assertThat(summary.lineCount()).isEqualTo(titles * 2 + 4);
        // the sequence number wraps at 99999 in this generator; nothing else is irregular
        assertThat(summary.findings()).extracting(Finding::code).containsOnly(FindingCodes.SEQUENCE_NUMBER);
    }
}
