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
     */
    void line(byte[] bytes, int kept, int length, long lineNumber);

    /** An empty (or blank) line that has a non-empty line after it. */
    void emptyLine(long lineNumber);
}
