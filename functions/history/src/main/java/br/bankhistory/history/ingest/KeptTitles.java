package br.bankhistory.history.ingest;

import br.bankhistory.cnab.Category;
import br.bankhistory.history.domain.StoredItem;
import br.bankhistory.history.port.ItemStore;

import java.util.Arrays;
import java.util.BitSet;

/**
 * What {@link ApplyRetorno} needs of each of a retorno's titles after its first read, by position: the line, the
 * category and whether the record is cut. A few bytes per title, so the chunks are not read again for the links.
 */
final class KeptTitles {

    private int[] lines = new int[ItemStore.CHUNK];
    private byte[] categories = new byte[ItemStore.CHUNK];
    private final BitSet partial = new BitSet();
    private final BitSet seen = new BitSet();

    void keep(StoredItem item) {
        int seq = item.seq();
        if (seq >= lines.length) {
            int size = Math.max(seq + 1, lines.length * 2);
            lines = Arrays.copyOf(lines, size);
            categories = Arrays.copyOf(categories, size);
        }
        lines[seq] = item.line();
        categories[seq] = (byte) item.item().category().ordinal();
        partial.set(seq, item.item().partial());
        seen.set(seq);
    }

    /** False where the retorno has no title (a record of the former layout may lack some). */
    boolean seen(int seq) {
        return seen.get(seq);
    }

    boolean partial(int seq) {
        return partial.get(seq);
    }

    int line(int seq) {
        return lines[seq];
    }

    Category category(int seq) {
        return Category.values()[categories[seq]];
    }
}
