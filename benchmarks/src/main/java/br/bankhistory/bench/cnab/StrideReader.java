package br.bankhistory.bench.cnab;

import br.bankhistory.bench.cnab.CnabFileGenerator.Kind;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Contender (e): the fixed-stride ceiling. Knows the layout and that every line is exactly the record width
 * plus CRLF, so it never looks for a line break: it jumps from line start to line start in a memory-mapped
 * file and reads only the fields the engine's totals need (record type, segment, occurrence code, amount,
 * paid amount, fee) at their fixed offsets, summed by code. No validation, no dates, no text.
 */
final class StrideReader {

    private static final int CODES = 128 * 128;

    private final Kind kind;
    private final int stride;
    private final long[] count = new long[CODES];
    private final long[] amount = new long[CODES];
    private final long[] paid = new long[CODES];
    private final long[] fee = new long[CODES];
    private int pendingCode = -1; // 240 cobrança: the T whose U comes next

    private StrideReader(Kind kind) {
        this.kind = kind;
        this.stride = kind.width + 2;
    }

    /** Reads the whole file; returns the totals by code. */
    static Tally run(Kind kind, Path file) throws IOException {
        StrideReader reader = new StrideReader(kind);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            long window = (Integer.MAX_VALUE / reader.stride) * (long) reader.stride;
            for (long at = 0; at < size; at += window) {
                MappedByteBuffer map = channel.map(FileChannel.MapMode.READ_ONLY, at, Math.min(window, size - at));
                reader.lines(map);
            }
        }
        return reader.tally();
    }

    private void lines(MappedByteBuffer b) {
        if (b.limit() >= stride && (b.get(kind.width) != '\r' || b.get(kind.width + 1) != '\n')) {
            throw new IllegalStateException("not " + kind.width + " characters + CRLF per line");
        }
        int last = b.limit() - kind.width; // a final line without its CRLF still counts
        for (int s = 0; s <= last; s += stride) {
            line(b, s);
        }
    }

    private void line(MappedByteBuffer b, int s) {
        switch (kind) {
            case COBRANCA_240 -> {
                if (b.get(s + 7) != '3') {
                    return;
                }
                byte segment = b.get(s + 13);
                if (segment == 'T') {
                    int code = code(b, s + 15);
                    count[code]++;
                    amount[code] += digits(b, s + 81, 15);
                    fee[code] += digits(b, s + 198, 15);
                    pendingCode = code;
                } else if (segment == 'U' && pendingCode >= 0) {
                    paid[pendingCode] += digits(b, s + 77, 15);
                    pendingCode = -1;
                }
            }
            case ITAU_400 -> {
                if (b.get(s) != '1') {
                    return;
                }
                int code = code(b, s + 108);
                count[code]++;
                amount[code] += digits(b, s + 152, 13);
                fee[code] += digits(b, s + 175, 13);
                paid[code] += digits(b, s + 253, 13);
            }
            case PAGAMENTO_240 -> {
                if (b.get(s + 7) != '3') {
                    return;
                }
                byte segment = b.get(s + 13);
                long value;
                if (segment == 'J' && !(b.get(s + 17) == '5' && b.get(s + 18) == '2')) {
                    value = digits(b, s + 152, 15);
                } else if (segment == 'A') {
                    value = digits(b, s + 119, 15);
                } else {
                    return;
                }
                int code = code(b, s + 230);
                count[code]++;
                amount[code] += value;
                if (b.get(s + 230) == '0' && b.get(s + 231) == '0') {
                    paid[code] += value;
                }
            }
            default -> throw new IllegalStateException();
        }
    }

    private static int code(MappedByteBuffer b, int at) {
        return (b.get(at) & 0x7f) << 7 | (b.get(at + 1) & 0x7f);
    }

    private static long digits(MappedByteBuffer b, int at, int width) {
        long v = 0;
        for (int i = at; i < at + width; i++) {
            v = v * 10 + (b.get(i) - '0');
        }
        return v;
    }

    private Tally tally() {
        Tally t = new Tally(true);
        for (int c = 0; c < CODES; c++) {
            if (count[c] != 0) {
                t.add("" + (char) (c >> 7) + (char) (c & 0x7f), count[c], amount[c], paid[c], fee[c]);
            }
        }
        return t;
    }
}
