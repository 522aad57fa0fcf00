package br.bankhistory.bench.cnab;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.LongBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Contender (f): the memory bandwidth ceiling. Sums the file as little-endian longs (the last few bytes one by
 * one) from a memory mapping: every byte is touched once, nothing is decided about any of them. Contender
 * (g), {@link #streamed}, is the same sum from stream reads; each checks the other.
 */
final class MappedLongSum {

    private static final long WINDOW = (Integer.MAX_VALUE / Long.BYTES) * (long) Long.BYTES;

    private MappedLongSum() {
    }

    static long run(Path file) throws IOException {
        long sum = 0;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            for (long at = 0; at < size; at += WINDOW) {
                MappedByteBuffer map = channel.map(FileChannel.MapMode.READ_ONLY, at, Math.min(WINDOW, size - at));
                map.order(ByteOrder.LITTLE_ENDIAN);
                LongBuffer longs = map.asLongBuffer();
                int n = longs.limit();
                for (int i = 0; i < n; i++) {
                    sum += longs.get(i);
                }
                for (int i = n * Long.BYTES; i < map.limit(); i++) {
                    sum += map.get(i) & 0xFF;
                }
            }
        }
        return sum;
    }

    /**
     * The same sum from 64 KB {@link FileInputStream} reads, as the engine reads (each fills its buffer but
     * the last, a multiple of 8 bytes): what reading and touching every byte costs through an InputStream.
     */
    static long streamed(Path file) throws IOException {
        long sum = 0;
        byte[] buffer = new byte[64 * 1024];
        ByteBuffer view = ByteBuffer.wrap(buffer).order(ByteOrder.LITTLE_ENDIAN);
        try (InputStream in = new FileInputStream(file.toFile())) {
            int n;
            while ((n = in.readNBytes(buffer, 0, buffer.length)) > 0) {
                int whole = n / Long.BYTES * Long.BYTES;
                for (int i = 0; i < whole; i += Long.BYTES) {
                    sum += view.getLong(i);
                }
                for (int i = whole; i < n; i++) {
                    sum += buffer[i] & 0xFF;
                }
            }
        }
        return sum;
    }
}
