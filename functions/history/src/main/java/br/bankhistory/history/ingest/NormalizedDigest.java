package br.bankhistory.history.ingest;

import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * SHA-256 of a file's content by its meaning (docs/operations.md, "Duplicates"): what a transfer or an editor
 * may change without changing a CNAB file is left out. A UTF-8 byte-order mark at the start is dropped, every
 * line ending (CRLF, LF, CR) is one LF, each line loses its trailing spaces and tabs (CNAB fields are fixed
 * width: trailing blanks are blank fields), and blank lines and DOS end-of-file marks (0x1A) at the end do not
 * count. Streamed: bytes are written to it as they are read, in any chunks; memory stays a few lines.
 */
final class NormalizedDigest extends OutputStream {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final MessageDigest digest = sha256();
    /**
     * Content on its way to the digest, handed over a block at a time. One {@code update} per byte, and the blanks
     * held in a (synchronised) byte stream, cost most of Ingest's time on a big file (docs/benchmarks.md): plain
     * arrays now, and the digest sees the same bytes in the same order.
     */
    private final byte[] pending = new byte[8192];
    private int pendingSize;
    /** Trailing blanks of the current line, held until a non-blank byte shows they were inside it. */
    private byte[] blanks = new byte[256];
    private int blankCount;
    /** Line ends (and EOF marks) not yet written: they count only if more content follows. */
    private int pendingLines;
    private boolean atStart = true;
    private int bomMatched;
    private boolean lastWasCr;

    @Override
    public void write(int b) {
        byte value = (byte) b;
        if (atStart) {
            if (bomMatched < BOM.length && value == BOM[bomMatched]) {
                bomMatched++;
                if (bomMatched == BOM.length) {
                    atStart = false;
                }
                return;
            }
            atStart = false;
            if (bomMatched > 0) {
                // not a BOM after all: its first bytes were content
                for (int i = 0; i < bomMatched; i++) {
                    content(BOM[i]);
                }
            }
        }
        if (value == '\n') {
            if (lastWasCr) {
                lastWasCr = false; // the LF of a CRLF
                return;
            }
            endLine();
        } else if (value == '\r') {
            lastWasCr = true;
            endLine();
            return;
        } else if (value == ' ' || value == '\t') {
            if (blankCount == blanks.length) {
                blanks = Arrays.copyOf(blanks, blankCount * 2);
            }
            blanks[blankCount++] = value;
        } else if (value == 0x1A) {
            blankCount = 0;
            pendingLines++; // an EOF mark counts as a line end: dropped when nothing follows it
        } else {
            content(value);
        }
        lastWasCr = false;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        int end = offset + length;
        int i = offset;
        while (i < end) {
            if (atStart || pendingLines > 0 || blankCount > 0 || !plain(bytes[i])) {
                write(bytes[i++]);
                continue;
            }
            // a run of plain content with nothing held before it: to the digest as it is
            int run = i;
            while (run < end && plain(bytes[run])) {
                run++;
            }
            digested(bytes, i, run - i);
            lastWasCr = false;
            i = run;
        }
    }

    /** Content that is neither a line end, a blank nor an end-of-file mark. */
    private static boolean plain(byte value) {
        return value != '\n' && value != '\r' && value != ' ' && value != '\t' && value != 0x1A;
    }

    private void endLine() {
        blankCount = 0;
        pendingLines++;
    }

    private void content(byte value) {
        for (; pendingLines > 0; pendingLines--) {
            digested((byte) '\n');
        }
        for (int i = 0; i < blankCount; i++) {
            digested(blanks[i]);
        }
        blankCount = 0;
        digested(value);
    }

    private void digested(byte value) {
        if (pendingSize == pending.length) {
            digest.update(pending, 0, pendingSize);
            pendingSize = 0;
        }
        pending[pendingSize++] = value;
    }

    private void digested(byte[] bytes, int offset, int length) {
        if (pendingSize + length > pending.length) {
            digest.update(pending, 0, pendingSize);
            pendingSize = 0;
            if (length > pending.length) {
                digest.update(bytes, offset, length);
                return;
            }
        }
        System.arraycopy(bytes, offset, pending, pendingSize, length);
        pendingSize += length;
    }

    /** The hex digest of the normalised content (call once, at the end). */
    String hex() {
        digest.update(pending, 0, pendingSize);
        pendingSize = 0;
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
