package br.bankhistory.cnab.read;

/** Receives the lines of a file from {@link LineSplitter}. */
interface LineSink {

    /**
     * One line, without its line break.
     *
     * @param bytes      holds the line's first {@code kept} bytes from {@code offset} on (the buffer is reused
     *                   and may be the splitter's read chunk: copy what you keep; changing the line's own
     *                   bytes in place is allowed)
     * @param offset     where the line starts in {@code bytes}
     * @param kept       how many bytes of the line are in {@code bytes} (at most {@link LineSplitter#MAX_KEPT})
     * @param length     the line's real length in bytes
     * @param lineNumber 1-based physical line number
     * @param control    1-based column of the line's first control character (below 0x20, or 0x7F), or 0
     */
    void line(byte[] bytes, int offset, int kept, int length, long lineNumber, int control);

    /** An empty (or blank) line that has a non-empty line after it. */
    void emptyLine(long lineNumber);
}
