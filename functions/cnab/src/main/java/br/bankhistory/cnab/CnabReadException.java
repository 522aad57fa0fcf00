package br.bankhistory.cnab;

/**
 * The engine's only error type, raised when the input itself cannot be read (an I/O failure of the
 * stream). Irregular content never raises it: it becomes a {@link Finding}.
 */
public final class CnabReadException extends RuntimeException {

    private final long line;
    private final int column;

    public CnabReadException(String message, long line, int column, Throwable cause) {
        super(message + " (line " + line + ", column " + column + ")", cause);
        this.line = line;
        this.column = column;
    }

    public long line() {
        return line;
    }

    public int column() {
        return column;
    }
}
