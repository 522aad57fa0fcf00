package br.bankhistory.history.adapter.s3;

import br.bankhistory.history.domain.StoredItem;
import br.bankhistory.history.port.ItemStore;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

/**
 * Buffers up to a chunk of items and stores each full chunk (gzip JSON lines) with one PUT. Chunk 0 is
 * stored last, on close: a reader that finds it finds every chunk, and until then the record reads as it did
 * before (its items of the former layout, when it has them).
 */
final class ChunkWriter implements ItemStore.Writer {

    /**
     * Deflate level of item chunks: 3 deflates a chunk about three times as fast as the default 6 for about an
     * eighth more bytes (measured in docs/benchmarks.md); it was the largest native cost of Ingest. Readers see gzip.
     */
    static final int CHUNK_LEVEL = 3;

    private final ItemObjects objects;
    private final String tenant;
    private final String recordId;
    private ByteArrayOutputStream buffer;
    private GZIPOutputStream gzip;
    private JsonGenerator json;
    private int count;
    private int chunk;
    /** Chunk 0 of a record with more than one chunk, held until the others are stored. */
    private byte[] first;

    ChunkWriter(ItemObjects objects, String tenant, String recordId) {
        this.objects = objects;
        this.tenant = tenant;
        this.recordId = recordId;
    }

    @Override
    public void add(StoredItem item) {
        try {
            if (json == null) {
                buffer = new ByteArrayOutputStream(64 * 1024);
                gzip = new GZIPOutputStream(buffer, 64 * 1024) {
                    {
                        def.setLevel(CHUNK_LEVEL);
                    }
                };
                json = ItemChunkEncoder.generator(gzip);
            }
            ItemChunkEncoder.write(json, item);
            if (++count == ItemStore.CHUNK) {
                flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            if (json != null) {
                flush();
            }
            if (first != null) {
                objects.put(ItemObjects.chunkKey(tenant, recordId, 0), first);
                first = null;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void flush() throws IOException {
        json.close();
        if (chunk == 0) {
            first = buffer.toByteArray();
        } else {
            objects.put(ItemObjects.chunkKey(tenant, recordId, chunk), buffer.toByteArray());
        }
        chunk++;
        count = 0;
        json = null;
    }
}
