package br.bankhistory.bench.cnab;

import br.bankhistory.bench.cnab.CnabFileGenerator.Expected;
import br.bankhistory.bench.cnab.CnabFileGenerator.Generated;
import br.bankhistory.bench.cnab.CnabFileGenerator.Kind;
import br.bankhistory.cnab.CnabReader;
import br.bankhistory.cnab.FileSummary;
import br.bankhistory.cnab.ItemSink;
import br.bankhistory.cnab.ReadOptions;

import java.io.File;
import java.io.FileInputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Memory flat (docs/benchmarks.md): the engine reads a generated 1 GB file in a child JVM capped at {@code -Xmx64m},
 * once with {@link ItemSink#DISCARD} and once building every item, checks the totals and reports the peak
 * heap (from the child's {@code -Xlog:gc} and its memory pools). 240 layouts only at this size: a 400 file
 * holds at most 999,999 records; a 240 file's trailer count (24-29) is written as zeros past 999,999 records
 * (see {@link CnabFileGenerator}), and the one FILE_TRAILER_COUNT warning that earns is expected. A documented
 * command, not part of the suite:
 *
 * <pre>
 * mvn -B -q -DskipTests install
 * mvn -B -q -pl benchmarks exec:java -Dexec.mainClass=br.bankhistory.bench.cnab.CnabMemoryFlat \
 *     [-Dexec.args="--gb 1 --layout 240-cobranca-retorno --xmx 64m"]
 * </pre>
 */
public final class CnabMemoryFlat {

    private static final Pattern GC_LINE = Pattern.compile("Pause.* (\\d+)M->(\\d+)M\\((\\d+)M\\)");

    private CnabMemoryFlat() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--child")) {
            System.exit(child(Path.of(args[1]), Path.of(args[2])));
        }
        double gb = 1;
        Kind kind = Kind.COBRANCA_240;
        String xmx = "64m";
        Path data = CnabThroughputBenchmark.defaultDataDir();
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--gb" -> gb = Double.parseDouble(args[i + 1]);
                case "--layout" -> kind = Kind.of(args[i + 1]);
                case "--xmx" -> xmx = args[i + 1];
                case "--data" -> data = Path.of(args[i + 1]).toAbsolutePath();
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (--gb N --layout L --xmx 64m --data DIR)");
            }
        }
        long t0 = System.nanoTime();
        Generated g = CnabFileGenerator.ensure(data, kind, 1, (long) (gb * 1_000_000_000L));
        System.out.printf(Locale.ROOT, "file %s: %,d bytes, %,d lines, %,d items (ready in %.1f s)%n", g.file(),
                g.expected().bytes(), g.expected().lines(), g.expected().items(), (System.nanoTime() - t0) / 1e9);
        Path totals = Path.of(g.file().toString().replaceFirst("\\.ret$", ".totals.properties"));
        Path gcLog = data.resolve("memory-flat-gc.log");
        String classpath = String.join(File.pathSeparator, location(CnabReader.class), location(CnabMemoryFlat.class));
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + xmx, "-Xlog:gc:file=" + gcLog, "-cp", classpath, CnabMemoryFlat.class.getName(), "--child",
                g.file().toString(), totals.toString());
        System.out.println("child: " + String.join(" ", command));
        Process p = new ProcessBuilder(command).inheritIO().start();
        int exit = p.waitFor();

        long maxBefore = 0;
        long maxAfter = 0;
        long maxCommitted = 0;
        int pauses = 0;
        for (String line : Files.readAllLines(gcLog)) {
            Matcher m = GC_LINE.matcher(line);
            if (m.find()) {
                pauses++;
                maxBefore = Math.max(maxBefore, Long.parseLong(m.group(1)));
                maxAfter = Math.max(maxAfter, Long.parseLong(m.group(2)));
                maxCommitted = Math.max(maxCommitted, Long.parseLong(m.group(3)));
            }
        }
        System.out.printf(Locale.ROOT, "-Xlog:gc (%s): %d pauses; heap used before GC at most %d MB, live after GC at"
                + " most %d MB, committed at most %d MB%n", gcLog, pauses, maxBefore, maxAfter, maxCommitted);
        System.out.println(exit == 0 ? "RESULT: success, " + fileSize(g) + " read within -Xmx" + xmx
                : "RESULT: FAILED (child exit " + exit + ")");
        if (exit != 0) {
            System.exit(exit);
        }
    }

    private static String fileSize(Generated g) {
        return String.format(Locale.ROOT, "%,d bytes", g.expected().bytes());
    }

    private static String location(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    /** In the capped JVM: read twice, check, report the heap pools' peaks. */
    private static int child(Path file, Path totalsFile) throws Exception {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(totalsFile)) {
            p.load(in);
        }
        Expected e = Expected.fromProperties(p);
        CnabReader reader = CnabReader.standard();
        List<String> problems = new ArrayList<>();
        for (boolean items : new boolean[] {false, true}) {
            CnabThroughputBenchmark.SummingSink sink = new CnabThroughputBenchmark.SummingSink();
            long t0 = System.nanoTime();
            FileSummary s;
            try (InputStream in = new FileInputStream(file.toFile())) {
                s = reader.read(in, items ? sink : ItemSink.DISCARD, ReadOptions.defaults());
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            // past 999,999 records a 240 file trailer cannot hold the count (zeros written): that one warning
            List<String> wrong = CnabThroughputBenchmark.checkSummary(s, e, e.lines() > 999_999
                    ? Set.of("FILE_TRAILER_COUNT") : Set.of());
            if (e.lines() > 999_999 && s.warningCount() != 1) {
                wrong.add("expected exactly one FILE_TRAILER_COUNT warning, got " + s.findingCounts());
            }
            if (items && sink.items != e.items()) {
                wrong.add("sink received " + sink.items + " items, expected " + e.items());
            }
            problems.addAll(wrong);
            System.out.printf(Locale.ROOT, "child %s: %,d items, %,d lines, %.1f s (%.0f MB/s), totals %s%n",
                    items ? "every item" : "totals only", s.itemCount(), s.lineCount(), seconds,
                    e.bytes() / 1e6 / seconds, wrong.isEmpty() ? "right" : "WRONG " + wrong);
        }
        long peakSum = 0;
        StringBuilder pools = new StringBuilder();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                long peak = pool.getPeakUsage().getUsed();
                peakSum += peak;
                pools.append(String.format(Locale.ROOT, " %s %.1f MB;", pool.getName(), peak / 1048576.0));
            }
        }
        System.out.printf(Locale.ROOT, "child heap: max %d MB; peak used per pool:%s sum of peaks %.1f MB%n",
                Runtime.getRuntime().maxMemory() >> 20, pools, peakSum / 1048576.0);
        return problems.isEmpty() ? 0 : 1;
    }
}
