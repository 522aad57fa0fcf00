package br.bankhistory.cnab;

import java.io.ByteArrayInputStream;
import java.util.Random;

/** Hands out its bytes in reads of 1 to {@code maxRead} bytes (seeded), as a slow or chunked stream would. */
public final class RandomReads extends ByteArrayInputStream {

    private final int maxRead;
    private final Random random;

    public RandomReads(byte[] bytes, int maxRead, long seed) {
        super(bytes);
        this.maxRead = maxRead;
        this.random = new Random(seed);
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, 1 + random.nextInt(maxRead)));
    }
}
