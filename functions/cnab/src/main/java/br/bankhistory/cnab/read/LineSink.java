package br.bankhistory.cnab.read;

/** Receives the lines of a file from {@link LineSplitter}. */
interface LineSink {

    /**
     * One line, without its line break.
     *
     * @param bytes      the line's first {@code kept} bytes (the buffer is reused: copy what you keep)
     * @param kept       how many bytes of the line are in {@code bytes} (at most {@link LineSplitter#MAX_KEPT})
     * @param length     the line's real length in bytes
     * @param lineNumber 1-based physical line number
     * @param control    1-based column of the line's first control character (below 0x20, or 0x7F), or 0
     */
    void line(byte[] bytes, int kept, int length, long lineNumber, int control);

    /** An empty (or blank) line that has a non-empty line after it. */
    void emptyLine(long lineNumber);
}
