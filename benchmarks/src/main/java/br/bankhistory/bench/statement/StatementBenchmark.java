package br.bankhistory.bench.statement;

import br.bankhistory.cnab.Item;
import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.statement.PtBrFormat;
import br.bankhistory.history.statement.StatementRenderer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Statement PDF of 10,000 titles (docs/benchmarks.md: within 2x of PDFBox writing the same table bare), in one JVM:
 * <ul>
 *   <li>(a) {@link StatementRenderer#render} of a 10,000-title retorno: formatting, glyph checks, width
 *       measurement and truncation, running heads, table headings, zebra rows, totals, findings, page-number
 *       stamping, temp-file-backed scratch;</li>
 *   <li>(b) bare PDFBox: the same 10,000 rows' cell texts (formatted beforehand, outside the timing), the same
 *       embedded subset DejaVu Sans loaded the same way, the same A4 landscape page and the same rows per page;
 *       one text object per page, one relative move and {@code showText} per cell; nothing else.</li>
 * </ul>
 * Both write to a discarding stream. Warm-up rounds, then measured rounds alternating which goes first; medians
 * and their ratio. Also the bytes each allocates per document (this thread).
 *
 * <pre>mvn -B -q -pl benchmarks exec:exec -Dexec.executable=java \
 *   -Dexec.args="-cp %classpath br.bankhistory.bench.statement.StatementBenchmark"</pre>
 *
 * Options (system properties): {@code bench.items} (10000), {@code bench.warmup} (5), {@code bench.rounds} (15).
 */
public final class StatementBenchmark {

    /** As the renderer's pages after the first ({@code StatementComposer.ROWS_PER_PAGE}). */
    private static final int ROWS_PER_PAGE = 43;
    private static final float ROW_H = 11f;
    private static final float[] COLUMN_X = {32f, 126f, 198f, 348f, 404f, 474f, 544f, 674f};
    private static final PDRectangle PAGE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());

    private StatementBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.getInteger("bench.items", 10_000);
        int warmup = Integer.getInteger("bench.warmup", 5);
        int rounds = Integer.getInteger("bench.rounds", 15);

        List<Item> items = DemoStatements.items(n);
        IntegrationRecord record = DemoStatements.record(items);
        String[][] rows = cells(items);
        byte[] font = fontBytes();
        StatementRenderer renderer = new StatementRenderer();

        long[] a = new long[rounds];
        long[] b = new long[rounds];
        long[] aAlloc = new long[rounds];
        long[] bAlloc = new long[rounds];
        long[] size = new long[2];
        for (int round = -warmup; round < rounds; round++) {
            boolean rendererFirst = (round & 1) == 0;
            for (int k = 0; k < 2; k++) {
                boolean renderer0 = (k == 0) == rendererFirst;
                Counting out = new Counting();
                long alloc0 = allocated();
                long t0 = System.nanoTime();
                if (renderer0) {
                    renderer.render(record, items, out);
                } else {
                    bare(rows, font, out);
                }
                long elapsed = System.nanoTime() - t0;
                long alloc = allocated() - alloc0;
                if (round >= 0) {
                    (renderer0 ? a : b)[round] = elapsed;
                    (renderer0 ? aAlloc : bAlloc)[round] = alloc;
                    size[renderer0 ? 0 : 1] = out.count;
                }
            }
        }
        double ma = median(a) / 1e6;
        double mb = median(b) / 1e6;
        System.out.printf(Locale.ROOT, "Statement PDF, %,d titles, %d warm-up + %d measured rounds (alternating), "
                        + "Java %s, %d CPUs, max heap %d MB%n", n, warmup, rounds, System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        System.out.println("| | median ms | min ms | max ms | MB allocated | PDF bytes |");
        System.out.println("|---|---|---|---|---|---|");
        System.out.printf(Locale.ROOT, "| (a) StatementRenderer | %.0f | %.0f | %.0f | %.0f | %,d |%n", ma,
                min(a) / 1e6, max(a) / 1e6, median(aAlloc) / 1048576.0, size[0]);
        System.out.printf(Locale.ROOT, "| (b) bare PDFBox, same rows and font | %.0f | %.0f | %.0f | %.0f | %,d |%n", mb,
                min(b) / 1e6, max(b) / 1e6, median(bAlloc) / 1048576.0, size[1]);
        System.out.printf(Locale.ROOT, "ratio a/b (medians): %.2fx (target <= 2x)%n", ma / mb);
    }

    /** The bare loop: pages of rows, one BT per page, one Td + Tj per cell. */
    static void bare(String[][] rows, byte[] fontBytes, OutputStream out) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDType0Font font = PDType0Font.load(doc, new ByteArrayInputStream(fontBytes), true);
            int i = 0;
            while (i < rows.length) {
                PDPage page = new PDPage(PAGE);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.beginText();
                    cs.setFont(font, 7.5f);
                    float x = 0;
                    float y = 0;
                    float rowY = 500f;
                    for (int r = 0; r < ROWS_PER_PAGE && i < rows.length; r++, i++) {
                        String[] row = rows[i];
                        for (int c = 0; c < row.length; c++) {
                            cs.newLineAtOffset(COLUMN_X[c] - x, rowY - y);
                            x = COLUMN_X[c];
                            y = rowY;
                            cs.showText(row[c]);
                        }
                        rowY -= ROW_H;
                    }
                    cs.endText();
                }
            }
            doc.save(out);
        }
    }

    /** The renderer's cell texts, untruncated. */
    static String[][] cells(List<Item> items) {
        String[][] rows = new String[items.size()][];
        for (int i = 0; i < rows.length; i++) {
            Item it = items.get(i);
            rows[i] = new String[]{it.ourNumber(), it.yourNumber(), it.counterpartName(), PtBrFormat.date(it.dueDate()),
                    PtBrFormat.money(it.amountCents()),
                    it.paidCents() == 0 ? PtBrFormat.EMPTY : PtBrFormat.money(it.paidCents()),
                    it.occurrenceCode() + " - " + it.occurrenceText(), String.join("; ", it.reasons())};
        }
        return rows;
    }

    static byte[] fontBytes() throws IOException {
        try (InputStream in = StatementRenderer.class.getResourceAsStream("/fonts/DejaVuSans.ttf")) {
            return in.readAllBytes();
        }
    }

    private static long allocated() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        if (bean instanceof com.sun.management.ThreadMXBean sun) {
            return sun.getThreadAllocatedBytes(Thread.currentThread().getId());
        }
        return 0;
    }

    private static double median(long[] values) {
        long[] s = values.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2.0;
    }

    private static long min(long[] values) {
        return Arrays.stream(values).min().orElse(0);
    }

    private static long max(long[] values) {
        return Arrays.stream(values).max().orElse(0);
    }

    /** Discards bytes, counts them. */
    static final class Counting extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
