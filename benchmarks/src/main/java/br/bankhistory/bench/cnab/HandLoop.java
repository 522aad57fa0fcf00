package br.bankhistory.bench.cnab;

import br.bankhistory.bench.cnab.CnabFileGenerator.Kind;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Contender (c): the practical ceiling. A minimal hand-written loop that is told the layout, splits lines the
 * same tolerant way as the engine (64 KB reads, scan for LF, strip a CR before it, last line without LF
 * accepted) and extracts only the main fields: occurrence code, amount and paid amount, summed by code. No
 * validation, no dates, no text, no object per line.
 */
final class HandLoop {

    private static final int CODES = 128 * 128;

    private final Kind kind;
    private final long[] count = new long[CODES];
    private final long[] amount = new long[CODES];
    private final long[] paid = new long[CODES];
    private int pendingCode = -1; // 240 cobrança: the T whose U comes next

    HandLoop(Kind kind) {
        this.kind = kind;
    }

    /** Reads the whole stream; returns the totals by code. */
    static Tally run(Kind kind, InputStream in) throws IOException {
        HandLoop loop = new HandLoop(kind);
        loop.read(in);
        return loop.tally();
    }

    private void read(InputStream in) throws IOException {
        byte[] buf = new byte[64 * 1024];
        int start = 0; // first byte of the current (incomplete) line
        int end = 0;   // bytes in buf
        while (true) {
            int n = in.read(buf, end, buf.length - end);
            if (n < 0) {
                if (end > start) {
                    line(buf, start, end); // no final newline
                }
                return;
            }
            int scanFrom = end;
            end += n;
            start = lines(buf, start, scanFrom, end);
            if (start == end) {
                start = 0;
                end = 0;
            } else if (end == buf.length) {
                int rest = end - start;
                if (start == 0) {
                    buf = Arrays.copyOf(buf, buf.length * 2); // a line longer than the buffer
                } else {
                    System.arraycopy(buf, start, buf, 0, rest);
                }
                start = 0;
                end = rest;
            }
        }
    }

    /** Every complete line in buf[start, end) (LF searched from scanFrom); returns where the rest starts. */
    private int lines(byte[] buf, int start, int scanFrom, int end) {
        int s = start;
        for (int i = scanFrom; i < end; i++) {
            if (buf[i] == '\n') {
                line(buf, s, i > s && buf[i - 1] == '\r' ? i - 1 : i);
                s = i + 1;
            }
        }
        return s;
    }

    private void line(byte[] b, int s, int e) {
        int len = e - s;
        switch (kind) {
            case COBRANCA_240 -> {
                if (len < 213 || b[s + 7] != '3') {
                    return;
                }
                byte segment = b[s + 13];
                if (segment == 'T') {
                    int code = code(b, s + 15);
                    count[code]++;
                    amount[code] += digits(b, s + 81, 15);
                    pendingCode = code;
                } else if (segment == 'U' && pendingCode >= 0) {
                    paid[pendingCode] += digits(b, s + 77, 15);
                    pendingCode = -1;
                }
            }
            case ITAU_400 -> {
                if (len < 266 || b[s] != '1') {
                    return;
                }
                int code = code(b, s + 108);
                count[code]++;
                amount[code] += digits(b, s + 152, 13);
                paid[code] += digits(b, s + 253, 13);
            }
            case PAGAMENTO_240 -> {
                if (len < 232 || b[s + 7] != '3') {
                    return;
                }
                byte segment = b[s + 13];
                long value;
                if (segment == 'J' && !(b[s + 17] == '5' && b[s + 18] == '2')) {
                    value = digits(b, s + 152, 15);
                } else if (segment == 'A') {
                    value = digits(b, s + 119, 15);
                } else {
                    return;
                }
                int code = code(b, s + 230);
                count[code]++;
                amount[code] += value;
                if (b[s + 230] == '0' && b[s + 231] == '0') {
                    paid[code] += value;
                }
            }
            default -> throw new IllegalStateException();
        }
    }

    private static int code(byte[] b, int at) {
        return (b[at] & 0x7f) << 7 | (b[at + 1] & 0x7f);
    }

    private static long digits(byte[] b, int at, int width) {
        long v = 0;
        for (int i = at; i < at + width; i++) {
            v = v * 10 + (b[i] - '0');
        }
        return v;
    }

    private Tally tally() {
        Tally t = new Tally(false);
        for (int c = 0; c < CODES; c++) {
            if (count[c] != 0) {
                t.add("" + (char) (c >> 7) + (char) (c & 0x7f), count[c], amount[c], paid[c], 0);
            }
        }
        return t;
    }
}
