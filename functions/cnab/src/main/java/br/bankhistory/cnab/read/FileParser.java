package br.bankhistory.cnab.read;

import br.bankhistory.cnab.Classification;
import br.bankhistory.cnab.FileHeader;

/** Reads the records of one file family, line by line, pushing items as they complete. */
interface FileParser {

    /** One non-empty line (see {@link LineSink#line}). */
    void line(byte[] bytes, int offset, int kept, int length, long lineNumber, int control);

    /** The widths of this family's records (without line break), for the splitter's fast path. */
    int[] recordWidths();

    /** End of input: completes the pending item and checks what must have been seen. */
    void finish();

    /** What the file is, from everything read so far. */
    Classification classification();

    FileHeader header();
}
