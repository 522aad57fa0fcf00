package br.bankhistory.cnab.read;

import br.bankhistory.cnab.FindingCodes;
import br.bankhistory.cnab.Severity;
import br.bankhistory.cnab.text.Messages;

/**
 * The checks both parsers make of every line before reading its fields: its length against the record's width
 * (or its two widths, for a CNAB 400 with the invoice key), text repaired from UTF-8, control characters, a record
 * after the file trailer; and, at the end, whether the file stops on a cut record (a short last line after full
 * ones).
 */
final class LineChecks {

    private final Findings findings;
    private final int width;
    private final int otherWidth;
    private final String widthsPt;
    private final String widthsEn;
    /** Lines shorter than the record before the current one, and whether the current one is short. */
    private long shortLinesBefore;
    private boolean lineShort;

    /**
     * @param otherWidth a second accepted width (CNAB 400 with the invoice key), or {@code width} when none
     * @param widthsPt   the accepted widths as a user reads them, for the length error ("400 ou 444")
     */
    LineChecks(Findings findings, int width, int otherWidth, String widthsPt, String widthsEn) {
        this.findings = findings;
        this.width = width;
        this.otherWidth = otherWidth;
        this.widthsPt = widthsPt;
        this.widthsEn = widthsEn;
    }

    LineChecks(Findings findings, int width) {
        this(findings, width, width, String.valueOf(width), String.valueOf(width));
    }

    /** A new line begins: the one before it, if short, counts as a short line before the last. */
    void next() {
        if (lineShort) {
            shortLinesBefore++;
        }
        lineShort = false;
    }

    /**
     * Repairs a line written as UTF-8 to its record's width ({@link Utf8Repair}) and checks its length.
     *
     * @param repairWidth the width the repaired line should have
     * @return the repaired line's length (its kept bytes and its length are both that), or -1 when untouched
     */
    int repairAndCheck(byte[] bytes, int offset, int kept, int length, int repairWidth, long lineNumber) {
        int repaired = Utf8Repair.repair(bytes, offset, kept, length, repairWidth);
        if (repaired >= 0) {
            findings.add(Severity.WARNING, lineNumber, 0, FindingCodes.UTF8_CONTENT, "",
                    Messages.pt("finding.UTF8_CONTENT", length - repaired),
                    Messages.en("finding.UTF8_CONTENT", length - repaired));
        }
        checkLength(repaired >= 0 ? repaired : length, lineNumber);
        return repaired;
    }

    private void checkLength(int length, long lineNumber) {
        if (length == width || length == otherWidth) {
            return;
        }
        if (length < width) {
            lineShort = true;
            findings.add(Severity.WARNING, lineNumber, length + 1, FindingCodes.LINE_SHORT, "",
                    Messages.pt("finding.LINE_SHORT", length, width), Messages.en("finding.LINE_SHORT", length, width));
        } else if (length == width + 1) {
            findings.add(Severity.WARNING, lineNumber, width + 1, FindingCodes.LINE_LONG, "",
                    Messages.pt("finding.LINE_LONG", length, width), Messages.en("finding.LINE_LONG", length, width));
        } else {
            findings.add(Severity.ERROR, lineNumber, width + 1, FindingCodes.LINE_LENGTH, "",
                    Messages.pt("finding.LINE_LENGTH", length, widthsPt, width),
                    Messages.en("finding.LINE_LENGTH", length, widthsEn, width));
        }
    }

    /** An error when the line holds a control character at {@code control} (1-based; 0 when none). */
    void controlCharacter(RecordCursor record, int control) {
        if (control > 0 && control <= record.width()) {
            findings.add(Severity.ERROR, record.lineNumber(), control, FindingCodes.CONTROL_CHARACTER, "",
                    Messages.pt("finding.CONTROL_CHARACTER", (int) record.at(control)),
                    Messages.en("finding.CONTROL_CHARACTER", (int) record.at(control)));
        }
    }

    /** The error of a record after the file trailer (the record is not read). */
    void afterTrailer(RecordCursor record) {
        findings.add(Severity.ERROR, record.lineNumber(), 1, FindingCodes.RECORD_AFTER_TRAILER, "",
                Messages.pt("finding.RECORD_AFTER_TRAILER"), Messages.en("finding.RECORD_AFTER_TRAILER"));
    }

    /**
     * Whether the file stops on a cut record: its last line ({@code lastLine}) is short, none before it was, there
     * were full records before it, and no trailer closed the file. When it does, reports the cut record.
     */
    boolean reportCutEnd(long records, boolean closed, long lastLine) {
        boolean cut = lineShort && shortLinesBefore == 0 && records > 1 && !closed;
        if (cut) {
            findings.truncatedRecord(lastLine, width);
        }
        return cut;
    }
}
