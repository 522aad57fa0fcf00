package br.bankhistory.cnab;

/**
 * The stable machine codes of {@link Finding#code()}. Consumers may switch on them; new codes may be
 * added, existing ones keep their meaning.
 */
public final class FindingCodes {

    // --- the file as a whole -------------------------------------------------------------------
    /** No content at all (0 bytes, or only line breaks / blanks). */
    public static final String EMPTY_FILE = "EMPTY_FILE";
    /** NUL or other control bytes: not a text file. */
    public static final String BINARY_CONTENT = "BINARY_CONTENT";
    /** UTF-16 text (byte order mark FF FE / FE FF): CNAB is one byte per character. */
    public static final String UTF16_CONTENT = "UTF16_CONTENT";
    /** Text, but without CNAB records (a receipt, a report, ...). */
    public static final String NOT_CNAB = "NOT_CNAB";
    /** Fixed-width records of a length the engine does not read (e.g. 500-byte Pag-For). */
    public static final String UNSUPPORTED_LAYOUT = "UNSUPPORTED_LAYOUT";
    /** A UTF-8 byte order mark was skipped. */
    public static final String BYTE_ORDER_MARK = "BYTE_ORDER_MARK";
    /** The file mixes CRLF, LF and CR line ends. */
    public static final String MIXED_LINE_ENDS = "MIXED_LINE_ENDS";
    /** The bank code is not in the engine's bank table. */
    public static final String UNKNOWN_BANK = "UNKNOWN_BANK";
    /** Remessa/retorno could not be told from the content. */
    public static final String UNKNOWN_DIRECTION = "UNKNOWN_DIRECTION";
    /** The header says one direction, the records another. */
    public static final String DIRECTION_MISMATCH = "DIRECTION_MISMATCH";
    /** The lote header says one service, the segments another. */
    public static final String SERVICE_MISMATCH = "SERVICE_MISMATCH";
    /** A bank's rejection (pre-critique) file: header position 143 = 5 (Caixa). */
    public static final String REJECTION_FILE = "REJECTION_FILE";

    // --- lines ---------------------------------------------------------------------------------
    /** A line shorter than the record (usually right-trimmed blanks): padded with spaces. */
    public static final String LINE_SHORT = "LINE_SHORT";
    /** A line one character longer than the record (241/401): the extra character is ignored. */
    public static final String LINE_LONG = "LINE_LONG";
    /** A line of a length that cannot be a record of the file's layout. */
    public static final String LINE_LENGTH = "LINE_LENGTH";
    /**
     * A line saved as UTF-8 (accented letters in two bytes, so the line was too long): converted back to
     * latin-1 and read with its fields in place.
     */
    public static final String UTF8_CONTENT = "UTF8_CONTENT";
    /** An empty line between records. */
    public static final String EMPTY_LINE = "EMPTY_LINE";
    /** A control character inside a record. */
    public static final String CONTROL_CHARACTER = "CONTROL_CHARACTER";

    // --- record structure ----------------------------------------------------------------------
    /** Unknown record type (240 position 8; 400 position 1). */
    public static final String RECORD_TYPE = "RECORD_TYPE";
    /** Records out of order (e.g. a detail before the lote header, two file headers). */
    public static final String RECORD_ORDER = "RECORD_ORDER";
    /** A record after the file trailer. */
    public static final String RECORD_AFTER_TRAILER = "RECORD_AFTER_TRAILER";
    public static final String MISSING_FILE_HEADER = "MISSING_FILE_HEADER";
    public static final String MISSING_FILE_TRAILER = "MISSING_FILE_TRAILER";
    public static final String MISSING_LOTE_TRAILER = "MISSING_LOTE_TRAILER";
    /** A record's bank code differs from the file header's. */
    public static final String BANK_CODE_MISMATCH = "BANK_CODE_MISMATCH";
    /** A record's lote number differs from its lote header's. */
    public static final String LOTE_NUMBER = "LOTE_NUMBER";
    /** The record sequence number (240: 9-13 in a lote; 400: 395-400) is not the expected one. */
    public static final String SEQUENCE_NUMBER = "SEQUENCE_NUMBER";
    /** Unknown segment letter, or a segment the engine does not read. */
    public static final String SEGMENT_UNKNOWN = "SEGMENT_UNKNOWN";
    /** A complement segment without the segment it completes (U without T, Q without P, ...). */
    public static final String SEGMENT_ORDER = "SEGMENT_ORDER";
    /** An item without its mandatory complement (T without U, P without Q). */
    public static final String SEGMENT_MISSING = "SEGMENT_MISSING";

    // --- fields --------------------------------------------------------------------------------
    /** A required field is blank. */
    public static final String FIELD_MISSING = "FIELD_MISSING";
    /** A numeric field holds other characters. */
    public static final String NOT_NUMERIC = "NOT_NUMERIC";
    /** A date field holds an impossible date. */
    public static final String INVALID_DATE = "INVALID_DATE";
    /** An occurrence code the bank's table does not list. */
    public static final String UNKNOWN_OCCURRENCE = "UNKNOWN_OCCURRENCE";

    // --- trailers ------------------------------------------------------------------------------
    /** A lote trailer's record count differs from the records of the lote. */
    public static final String LOTE_TRAILER_COUNT = "LOTE_TRAILER_COUNT";
    /** A lote trailer's title count or total differs from the items of the lote. */
    public static final String LOTE_TRAILER_SUM = "LOTE_TRAILER_SUM";
    /** The file trailer's lote or record count differs from the file. */
    public static final String FILE_TRAILER_COUNT = "FILE_TRAILER_COUNT";
    /** The file trailer's totals (400) differ from the items. */
    public static final String FILE_TRAILER_SUM = "FILE_TRAILER_SUM";

    // --- completeness ---------------------------------------------------------------------------
    /**
     * The last line is shorter than the record while every other line is full length: the file was cut in
     * the middle of a record (a transfer stopped half way). ERROR.
     */
    public static final String TRUNCATED_RECORD = "TRUNCATED_RECORD";
    /** An item built from a record cut short: delivered with {@code partial = true}, not counted. ERROR. */
    public static final String PARTIAL_ITEM = "PARTIAL_ITEM";

    // --- the list itself -----------------------------------------------------------------------
    /**
     * Not an irregularity: says that more findings of the code in {@link Finding#field()} were counted but
     * not listed (a file repeating one defect on every line). Not counted in the totals.
     */
    public static final String MORE_FINDINGS = "MORE_FINDINGS";

    private FindingCodes() {
    }
}
