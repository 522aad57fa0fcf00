package br.bankhistory.cnab.read;

import br.bankhistory.cnab.Classification;
import br.bankhistory.cnab.CnabReader;
import br.bankhistory.cnab.FileHeader;
import br.bankhistory.cnab.FileSummary;
import br.bankhistory.cnab.FindingCodes;
import br.bankhistory.cnab.Item;
import br.bankhistory.cnab.ItemSink;
import br.bankhistory.cnab.ReadOptions;
import br.bankhistory.cnab.Severity;
import br.bankhistory.cnab.text.Messages;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The engine's reader. Streams the input line by line: the first lines are held (at most
 * {@link #CLASSIFICATION_LINES}) until the layout family is known, then every line goes straight to the
 * family's parser, and items go to the sink as they complete. Memory does not depend on the file size.
 */
public final class StandardCnabReader implements CnabReader {

    public static final StandardCnabReader INSTANCE = new StandardCnabReader();

    /** How many non-empty lines are looked at before deciding the layout family. */
    static final int CLASSIFICATION_LINES = 16;

    private StandardCnabReader() {
    }

    @Override
    public FileSummary read(InputStream in, ItemSink sink, ReadOptions options) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(sink, "sink");
        Objects.requireNonNull(options, "options");
        LineSplitter splitter = new LineSplitter();
        Read read = new Read(sink, options, splitter);
        splitter.split(in, read);
        return read.finish();
    }

    /** The state of one read. */
    private static final class Read implements LineSink {

        private final ItemSink sink;
        private final Findings findings;
        private final Totals totals = new Totals();
        private final List<BufferedLine> window = new ArrayList<>();
        private final List<Long> windowEmptyLines = new ArrayList<>();
        private final LineSplitter splitter;
        private FileParser parser;
        private boolean notCnab;

        Read(ItemSink sink, ReadOptions options, LineSplitter splitter) {
            this.sink = sink;
            this.splitter = splitter;
            this.findings = new Findings(options.maxFindings());
        }

        @Override
        public void line(byte[] bytes, int offset, int kept, int length, long lineNumber, int control) {
            if (parser != null) {
                parser.line(bytes, offset, kept, length, lineNumber, control);
            } else if (!notCnab) {
                window.add(BufferedLine.copyOf(bytes, offset, kept, length, lineNumber, control));
                if (window.size() >= CLASSIFICATION_LINES) {
                    decide();
                }
            }
        }

        @Override
        public void emptyLine(long lineNumber) {
            if (parser != null) {
                reportEmptyLine(lineNumber);
            } else if (!notCnab) {
                windowEmptyLines.add(lineNumber);
            }
        }

        private void reportEmptyLine(long lineNumber) {
            findings.add(Severity.WARNING, lineNumber, 0, FindingCodes.EMPTY_LINE, "", Messages.pt("finding.EMPTY_LINE"),
                    Messages.en("finding.EMPTY_LINE"));
        }

        private void decide() {
            LayoutDetector.Verdict verdict = LayoutDetector.detect(window, splitter.sawUtf16Mark());
            switch (verdict.layout()) {
                case CNAB240 -> parser = new Cnab240Parser(findings, totals, itemConsumer());
                case CNAB400 -> parser = new Cnab400Parser(findings, totals, itemConsumer());
                default -> {
                    notCnab = true;
                    findings.add(Severity.ERROR, 0, 0, verdict.code(), "", verdict.reasonPt(), verdict.reasonEn());
                }
            }
            if (parser != null) {
                int empty = 0;
                for (BufferedLine line : window) {
                    while (empty < windowEmptyLines.size() && windowEmptyLines.get(empty) < line.number()) {
                        reportEmptyLine(windowEmptyLines.get(empty++));
                    }
                    parser.line(line.bytes(), 0, line.kept(), line.length(), line.number(), line.control());
                }
                splitter.expect(parser.recordWidths());
            }
            window.clear();
            windowEmptyLines.clear();
        }

        /** The sink, or null when it discards everything: then items are only totalled, never built. */
        private java.util.function.Consumer<Item> itemConsumer() {
            return sink == ItemSink.DISCARD ? null : sink::accept;
        }

        FileSummary finish() {
            if (splitter.sawByteOrderMark()) {
                findings.add(Severity.INFO, 1, 1, FindingCodes.BYTE_ORDER_MARK, "", Messages.pt("finding.BYTE_ORDER_MARK"),
                        Messages.en("finding.BYTE_ORDER_MARK"));
            }
            if (parser == null && !notCnab) {
                decide();
            }
            if (splitter.mixedLineEnds() && !notCnab) {
                findings.add(Severity.INFO, 0, 0, FindingCodes.MIXED_LINE_ENDS, "", Messages.pt("finding.MIXED_LINE_ENDS"),
                        Messages.en("finding.MIXED_LINE_ENDS"));
            }
            Classification classification = Classification.notCnab();
            FileHeader header = FileHeader.empty();
            if (parser != null) {
                parser.finish();
                if (parser instanceof Cnab240Parser cnab240) {
                    cnab240.reportClassification();
                } else if (parser instanceof Cnab400Parser cnab400) {
                    cnab400.reportClassification();
                }
                classification = parser.classification();
                header = parser.header();
            }
            return new FileSummary(classification, header, splitter.lastLineNumber(), totals.itemCount(),
                    totals.amountCents(), totals.paidCents(), totals.byCategory(), totals.byOccurrence(),
                    findings.kept(), findings.counts(), findings.completeness());
        }
    }
}
