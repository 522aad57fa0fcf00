package br.bankhistory.bench.cnab;

import br.bankhistory.bench.cnab.CnabFileGenerator.CodeTotals;
import br.bankhistory.bench.cnab.CnabFileGenerator.Expected;
import br.bankhistory.bench.cnab.CnabFileGenerator.Generated;
import br.bankhistory.bench.cnab.CnabFileGenerator.Kind;
import br.bankhistory.cnab.CategoryTotal;
import br.bankhistory.cnab.Classification;
import br.bankhistory.cnab.CnabReader;
import br.bankhistory.cnab.Direction;
import br.bankhistory.cnab.FileSummary;
import br.bankhistory.cnab.Item;
import br.bankhistory.cnab.ItemSink;
import br.bankhistory.cnab.Layout;
import br.bankhistory.cnab.ReadOptions;
import br.bankhistory.cnab.Service;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * CNAB engine throughput (targets: docs/benchmarks.md). On generated files (default 100 MB each) of the three
 * layouts, in one process, contenders alternated round by round (the order rotates every round), medians
 * and ratios taken from the same run:
 *
 * <ol type="a">
 *   <li>engine read + validate + summarise ({@link ItemSink#DISCARD}: totals only);</li>
 *   <li>engine producing every typed {@link Item} to a sink that sums its amounts;</li>
 *   <li>{@link HandLoop}: a minimal hand-written loop extracting only code, amount and paid (the ceiling);</li>
 *   <li>{@link BppCobrancaPeer}: bpp-cobranca 1.0.5, the fastest correct open-source CNAB reader found
 *       (fewer rounds: it reads ~6-13 MB/s and holds ~4 GB for a 100 MB file);</li>
 *   <li>{@link StrideReader}: told the line length, it jumps line to line in a memory-mapped file and reads
 *       only the fields of the totals at fixed offsets (the real ceiling for reading these fields);</li>
 *   <li>{@link MappedLongSum#run}: the mapped file summed as longs (the memory bandwidth ceiling);</li>
 *   <li>{@link MappedLongSum#streamed}: the same sum from 64 KB {@code FileInputStream} reads (the ceiling of
 *       any reader that, like the engine, is handed an InputStream).</li>
 * </ol>
 *
 * Every run of (a), (b), (c) and (e) is checked against the generator's known totals (counts and sums by code;
 * for the engine also lines, items, no error or warning findings), and every (f) and (g) against the sum (g)
 * gave before the rounds; a wrong total stops the run with the differences. The peer's totals are checked and reported.
 * Targets: a ≥ 40% of e, b ≥ 20% of e; and as before a ≥ 40% of c, b ≥ 20% of c, both ≥ 50x d.
 *
 * <pre>
 * mvn -B -q -DskipTests install
 * mvn -B -q -pl benchmarks exec:java -Dexec.mainClass=br.bankhistory.bench.cnab.CnabThroughputBenchmark \
 *     [-Dexec.args="--mb 100 --rounds 11 --warmup 2 --peer-rounds 3 --layouts all --peer on"]
 * </pre>
 *
 * Files go to {@code benchmarks/target/bench-data/} (generated when missing, never committed). Command and
 * figures: docs/benchmarks.md, "CNAB engine throughput".
 */
public final class CnabThroughputBenchmark {

    /** Peer baseline on this machine type (docs/benchmarks.md, 2026-11-23): MB/s in-process, 100 MB. */
    static final Map<Kind, Double> DOCUMENTED_PEER_MBS = Map.of(Kind.COBRANCA_240, 6.9, Kind.ITAU_400, 13.0,
            Kind.PAGAMENTO_240, 5.8);

    private static final CnabReader READER = CnabReader.standard();

    enum Contender {
        A_SUMMARY("(a) engine, totals only"),
        B_ITEMS("(b) engine, every item"),
        C_LOOP("(c) hand loop"),
        D_PEER("(d) bpp-cobranca 1.0.5"),
        E_STRIDE("(e) fixed-stride reader, mapped"),
        F_LONGS("(f) mapped sum of longs"),
        G_STREAMED_LONGS("(g) streamed sum of longs");

        final String label;

        Contender(String label) {
            this.label = label;
        }
    }

    private CnabThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        Path data = o.data;
        System.out.printf(Locale.ROOT, "CNAB engine throughput: %s MB files, seed %d, %d warm-up + %d measured rounds"
                + " (peer: %s), data in %s%n", fmt(o.mb), o.seed, o.warmup, o.rounds,
                o.peer ? o.peerRounds + " measured rounds after 1 warm-up" : "off", data);
        String loadStart = loadAverage();
        System.out.println(machine() + "; load average at start " + loadStart);

        preflight(o);
        Map<Kind, Generated> files = new LinkedHashMap<>();
        for (Kind kind : o.layouts) {
            long t0 = System.nanoTime();
            Generated g = CnabFileGenerator.ensure(data, kind, o.seed, (long) (o.mb * 1_000_000));
            System.out.printf(Locale.ROOT, "  %-22s %s: %,d bytes, %,d lines, %,d items (%.1f s)%n", kind.id,
                    g.file().getFileName(), g.expected().bytes(), g.expected().lines(), g.expected().items(),
                    (System.nanoTime() - t0) / 1e9);
            files.put(kind, g);
        }

        Map<Kind, LayoutResult> results = new LinkedHashMap<>();
        for (Map.Entry<Kind, Generated> e : files.entrySet()) {
            results.put(e.getKey(), measure(e.getKey(), e.getValue(), o));
        }
        String loadEnd = loadAverage();
        report(o, results, loadStart, loadEnd);
    }

    /**
     * Small in-memory files of every layout through (a), (b) and (c), checked: fails fast on a wrong total and
     * loads the engine's classes before the long run (another build replacing the engine's jar mid-run would
     * otherwise break a later lazy class load).
     */
    private static void preflight(Options o) throws IOException {
        for (Kind kind : Kind.values()) {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            Expected e = CnabFileGenerator.generate(kind, null, 7, 300_000, bytes);
            byte[] file = bytes.toByteArray();
            failIfWrong("(a) engine, totals only", kind, checkSummary(READER.read(
                    new java.io.ByteArrayInputStream(file), ItemSink.DISCARD, ReadOptions.defaults()), e));
            SummingSink sink = new SummingSink();
            List<String> problems = checkSummary(READER.read(new java.io.ByteArrayInputStream(file), sink,
                    ReadOptions.defaults()), e);
            if (sink.items != e.items() || sink.amount != e.totals().amountCents()) {
                problems.add("sink received " + sink.items + " items, amount " + sink.amount);
            }
            failIfWrong("(b) engine, every item", kind, problems);
            failIfWrong("(c) hand loop", kind, HandLoop.run(kind, new java.io.ByteArrayInputStream(file))
                    .differences(e));
            Path tmp = Files.createTempFile("cnab-preflight", ".ret");
            try {
                Files.write(tmp, file);
                failIfWrong("(e) fixed-stride reader", kind, StrideReader.run(kind, tmp).differences(e));
                long sum = MappedLongSum.run(tmp);
                if (sum != MappedLongSum.streamed(tmp)) {
                    failIfWrong("(f) mapped sum of longs", kind, List.of("sum " + sum + " differs from the streamed "
                            + MappedLongSum.streamed(tmp)));
                }
                if (o.peer && o.layouts.contains(kind)) { // loads its classes too; a failure shows again in the run
                    try {
                        BppCobrancaPeer.run(kind, tmp);
                    } catch (RuntimeException | LinkageError x) {
                        System.out.println("  pre-flight: bpp-cobranca on " + kind.id + " failed: " + x);
                    }
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------

    static final class LayoutResult {
        final Kind kind;
        final Expected expected;
        final Map<Contender, List<Double>> mbs = new EnumMap<>(Contender.class);
        String peerProblem; // null when the peer ran and got the totals right
        long peerHeapBytes = -1;
        long longSum; // (f)'s and (g)'s sum, from one (g) before the rounds

        LayoutResult(Kind kind, Expected expected) {
            this.kind = kind;
            this.expected = expected;
            for (Contender c : Contender.values()) {
                mbs.put(c, new ArrayList<>());
            }
        }

        double median(Contender c) {
            double[] v = mbs.get(c).stream().mapToDouble(Double::doubleValue).sorted().toArray();
            if (v.length == 0) {
                return Double.NaN;
            }
            return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
        }

        String spread(Contender c) {
            List<Double> v = mbs.get(c);
            if (v.isEmpty()) {
                return "-";
            }
            return fmt(v.stream().mapToDouble(Double::doubleValue).min().getAsDouble()) + "-"
                    + fmt(v.stream().mapToDouble(Double::doubleValue).max().getAsDouble());
        }

        /** Median over the measured rounds of x_i / y_i (x and y ran in the same round, a second apart). */
        double pairedRatio(Contender x, Contender y) {
            List<Double> xs = mbs.get(x);
            List<Double> ys = mbs.get(y);
            double[] r = new double[Math.min(xs.size(), ys.size())];
            for (int i = 0; i < r.length; i++) {
                r[i] = xs.get(i) / ys.get(i);
            }
            Arrays.sort(r);
            if (r.length == 0) {
                return Double.NaN;
            }
            return r.length % 2 == 1 ? r[r.length / 2] : (r[r.length / 2 - 1] + r[r.length / 2]) / 2;
        }

        boolean peerMeasured() {
            return peerProblem == null && !mbs.get(Contender.D_PEER).isEmpty();
        }

        double peerMbs() {
            return peerMeasured() ? median(Contender.D_PEER) : DOCUMENTED_PEER_MBS.get(kind);
        }
    }

    private static LayoutResult measure(Kind kind, Generated g, Options o) throws Exception {
        LayoutResult r = new LayoutResult(kind, g.expected());
        r.longSum = MappedLongSum.streamed(g.file());
        boolean peer = o.peer;
        if (!peer) {
            r.peerProblem = "not run (--peer off)";
        }
        Contender[] base = Contender.values();
        for (int round = -o.warmup; round < o.rounds; round++) {
            List<Contender> order = new ArrayList<>(Arrays.asList(base));
            java.util.Collections.rotate(order, Math.floorMod(round, base.length));
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-22s %s", kind.id,
                    round < 0 ? "warm-up " + (round + o.warmup + 1) : "round " + (round + 1) + "  "));
            for (Contender c : order) {
                if (c == Contender.D_PEER && (!peer || round < -1 || round >= o.peerRounds)) {
                    continue;
                }
                System.gc();
                double seconds;
                try {
                    seconds = runOnce(c, kind, g, r, round == 0);
                } catch (PeerFailure f) {
                    peer = false;
                    r.peerProblem = f.getMessage();
                    line.append("  d: ").append(f.getMessage());
                    continue;
                }
                double mbs = g.expected().bytes() / 1e6 / seconds;
                if (round >= 0) {
                    r.mbs.get(c).add(mbs);
                }
                line.append(String.format(Locale.ROOT, "  %s %s", c.name().substring(0, 1).toLowerCase(Locale.ROOT),
                        fmt(mbs)));
            }
            System.out.println(line);
        }
        return r;
    }

    /** One timed run of one contender, checked; returns seconds. */
    private static double runOnce(Contender c, Kind kind, Generated g, LayoutResult r, boolean measureHeap)
            throws Exception {
        Expected e = g.expected();
        switch (c) {
            case A_SUMMARY -> {
                long t0 = System.nanoTime();
                FileSummary s;
                try (InputStream in = new FileInputStream(g.file().toFile())) {
                    s = READER.read(in, ItemSink.DISCARD, ReadOptions.defaults());
                }
                long t = System.nanoTime() - t0;
                failIfWrong("(a) engine, totals only", kind, checkSummary(s, e));
                return t / 1e9;
            }
            case B_ITEMS -> {
                SummingSink sink = new SummingSink();
                long t0 = System.nanoTime();
                FileSummary s;
                try (InputStream in = new FileInputStream(g.file().toFile())) {
                    s = READER.read(in, sink, ReadOptions.defaults());
                }
                long t = System.nanoTime() - t0;
                List<String> problems = checkSummary(s, e);
                CodeTotals total = e.totals();
                // Itaú 400's "paid" column is the net credited (checkSummary says why): the sink's net is compared
                long sinkPaid = e.kind() == Kind.ITAU_400 ? sink.net : sink.paid;
                if (sink.items != e.items() || sink.amount != total.amountCents() || sinkPaid != total.paidCents()
                        || sink.fee != total.feeCents()) {
                    problems.add(String.format(Locale.ROOT, "items pushed to the sink: %d items, amount %d, paid %d,"
                            + " fee %d; expected %d, %d, %d, %d", sink.items, sink.amount, sinkPaid, sink.fee,
                            e.items(), total.amountCents(), total.paidCents(), total.feeCents()));
                }
                failIfWrong("(b) engine, every item", kind, problems);
                return t / 1e9;
            }
            case C_LOOP -> {
                long t0 = System.nanoTime();
                Tally tally;
                try (InputStream in = new FileInputStream(g.file().toFile())) {
                    tally = HandLoop.run(kind, in);
                }
                long t = System.nanoTime() - t0;
                failIfWrong("(c) hand loop", kind, tally.differences(e));
                return t / 1e9;
            }
            case E_STRIDE -> {
                long t0 = System.nanoTime();
                Tally tally = StrideReader.run(kind, g.file());
                long t = System.nanoTime() - t0;
                failIfWrong("(e) fixed-stride reader", kind, tally.differences(e));
                return t / 1e9;
            }
            case F_LONGS -> {
                return timedSum(c, kind, r, () -> MappedLongSum.run(g.file()));
            }
            case G_STREAMED_LONGS -> {
                return timedSum(c, kind, r, () -> MappedLongSum.streamed(g.file()));
            }
            case D_PEER -> {
                long t0 = System.nanoTime();
                BppCobrancaPeer.Result result;
                try {
                    result = BppCobrancaPeer.run(kind, g.file());
                } catch (RuntimeException | OutOfMemoryError | LinkageError x) {
                    throw new PeerFailure("failed: " + x);
                }
                long t = System.nanoTime() - t0;
                List<String> wrong = result.tally().differences(e);
                if (!wrong.isEmpty()) {
                    throw new PeerFailure("wrong totals (" + wrong.size() + " differences, first: " + wrong.get(0)
                            + ")");
                }
                if (measureHeap) {
                    System.gc();
                    r.peerHeapBytes = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                    java.lang.ref.Reference.reachabilityFence(result.parsed());
                }
                return t / 1e9;
            }
            default -> throw new IllegalStateException();
        }
    }

    private interface Sum {
        long of() throws IOException;
    }

    /** One timed run of (f) or (g), checked against the sum (g) gave before the rounds; returns seconds. */
    private static double timedSum(Contender c, Kind kind, LayoutResult r, Sum sum) throws IOException {
        long t0 = System.nanoTime();
        long value = sum.of();
        long t = System.nanoTime() - t0;
        if (value != r.longSum) {
            failIfWrong(c.label, kind, List.of("sum " + value + ", expected " + r.longSum));
        }
        return t / 1e9;
    }

    private static final class PeerFailure extends Exception {
        PeerFailure(String message) {
            super(message);
        }
    }

    /** Contender (b)'s sink: touches every item (sums its amounts) so building it cannot be skipped. */
    static final class SummingSink implements ItemSink {
        long items;
        long amount;
        long paid;
        long net;
        long fee;

        @Override
        public void accept(Item item) {
            items++;
            amount += item.amountCents();
            paid += item.paidCents();
            net += item.amounts().netCreditedCents();
            fee += item.feeCents();
        }
    }

    private static void failIfWrong(String who, Kind kind, List<String> problems) {
        if (!problems.isEmpty()) {
            throw new IllegalStateException(who + " on " + kind.id + " disagrees with the generator's totals:\n  "
                    + String.join("\n  ", problems));
        }
    }

    /** The engine's summary against the generator's truth; the list of differences (empty when right). */
    static List<String> checkSummary(FileSummary s, Expected e) {
        return checkSummary(s, e, java.util.Set.of());
    }

    /** As above, tolerating warnings of the given finding codes (all of them listed in the summary). */
    static List<String> checkSummary(FileSummary s, Expected e, java.util.Set<String> toleratedWarnings) {
        List<String> out = new ArrayList<>();
        Classification c = s.classification();
        Layout layout = e.kind().width == 400 ? Layout.CNAB400 : Layout.CNAB240;
        Service service = e.kind() == Kind.PAGAMENTO_240 ? Service.PAGAMENTO : Service.COBRANCA;
        if (c.layout() != layout || c.direction() != Direction.RETORNO || c.service() != service
                || !c.bankCode().equals(e.bank())) {
            out.add("classification " + c + ", expected " + layout + " " + Direction.RETORNO + " " + service
                    + " bank " + e.bank());
        }
        if (s.lineCount() != e.lines()) {
            out.add("lineCount " + s.lineCount() + ", expected " + e.lines());
        }
        if (s.itemCount() != e.items()) {
            out.add("itemCount " + s.itemCount() + ", expected " + e.items());
        }
        CodeTotals total = e.totals();
        // Itaú 400's 254-266 (the generator's "paid") is the net credited: the engine's valor pago adds the tarifa
        boolean netColumn = e.kind() == Kind.ITAU_400;
        long paid = netColumn ? s.byOccurrence().values().stream().mapToLong(t -> t.amounts().netCreditedCents()).sum()
                : s.totalPaidCents();
        if (s.totalAmountCents() != total.amountCents() || paid != total.paidCents()) {
            out.add("totalAmountCents/totalPaidCents " + s.totalAmountCents() + "/" + paid
                    + ", expected " + total.amountCents() + "/" + total.paidCents());
        }
        TreeSet<String> codes = new TreeSet<>(e.byCode().keySet());
        codes.addAll(s.byOccurrence().keySet());
        for (String code : codes) {
            CodeTotals x = e.byCode().getOrDefault(code, CodeTotals.ZERO);
            CategoryTotal got = s.byOccurrence().getOrDefault(code, CategoryTotal.ZERO);
            long gotPaid = netColumn ? got.amounts().netCreditedCents() : got.paidCents();
            if (got.count() != x.count() || got.amountCents() != x.amountCents() || gotPaid != x.paidCents()
                    || got.feeCents() != x.feeCents()) {
                out.add(String.format(Locale.ROOT, "code %s: count/amount/paid/fee %d/%d/%d/%d, expected %d/%d/%d/%d",
                        code, got.count(), got.amountCents(), gotPaid, got.feeCents(), x.count(),
                        x.amountCents(), x.paidCents(), x.feeCents()));
            }
        }
        long tolerated = s.findings().stream().filter(f -> f.severity() == br.bankhistory.cnab.Severity.WARNING
                && toleratedWarnings.contains(f.code())).count();
        if (s.errorCount() != 0 || s.warningCount() != tolerated) {
            out.add("findings on a valid file: " + s.findingCounts() + ", first: "
                    + s.findings().stream().limit(3).toList());
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------------------

    private static void report(Options o, Map<Kind, LayoutResult> results, String loadStart, String loadEnd) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%n%s; load average at start %s, at end %s%n", machine(), loadStart,
                loadEnd));
        sb.append(String.format(Locale.ROOT, "%s MB files (MB = 10^6 bytes), median of %d rounds after %d warm-up"
                + " (peer: %s), order rotated every round; every run's totals checked%n%n", fmt(o.mb), o.rounds,
                o.warmup, o.peer ? "median of " + o.peerRounds : "not run"));
        sb.append("GB/s (10^9 bytes per second; the peer in MB/s):\n\n| layout | (a) totals only | (b) every item "
                + "| (c) hand loop | (e) stride reader | (f) mapped sum of longs | (g) streamed sum of longs "
                + "| (d) bpp-cobranca MB/s |\n|---|---|---|---|---|---|---|---|\n");
        for (LayoutResult r : results.values()) {
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s |%n", r.kind.id,
                    gbs(r.median(Contender.A_SUMMARY)), gbs(r.median(Contender.B_ITEMS)),
                    gbs(r.median(Contender.C_LOOP)), gbs(r.median(Contender.E_STRIDE)),
                    gbs(r.median(Contender.F_LONGS)), gbs(r.median(Contender.G_STREAMED_LONGS)),
                    fmt(r.peerMbs()) + (r.peerMeasured() ? "" : " (documented)")));
        }
        sb.append("\nRatios (targets: a/e >= 40%, b/e >= 20%; a/c >= 40%, b/c >= 20%; a/d, b/d >= 50x):\n\n"
                + "| layout | a/e | b/e | a/c | b/c | a/d | b/d | e/f | a/g |\n|---|---|---|---|---|---|---|---|---|\n");
        boolean strideMet = true;
        boolean allMet = true;
        for (LayoutResult r : results.values()) {
            double a = r.median(Contender.A_SUMMARY);
            double b = r.median(Contender.B_ITEMS);
            double d = r.peerMbs();
            double ae = r.pairedRatio(Contender.A_SUMMARY, Contender.E_STRIDE);
            double be = r.pairedRatio(Contender.B_ITEMS, Contender.E_STRIDE);
            double ac = r.pairedRatio(Contender.A_SUMMARY, Contender.C_LOOP);
            double bc = r.pairedRatio(Contender.B_ITEMS, Contender.C_LOOP);
            boolean stride = ae >= 0.40 && be >= 0.20;
            strideMet &= stride;
            allMet &= stride && ac >= 0.40 && bc >= 0.20 && a / d >= 50 && b / d >= 50;
            sb.append(String.format(Locale.ROOT, "| %s | %s %s | %s %s | %s %s | %s %s | %sx %s | %sx %s | %s | %s |%n",
                    r.kind.id, pct(ae), mark(ae >= 0.40), pct(be), mark(be >= 0.20), pct(ac), mark(ac >= 0.40),
                    pct(bc), mark(bc >= 0.20), fmt(a / d), mark(a / d >= 50), fmt(b / d), mark(b / d >= 50),
                    pct(r.pairedRatio(Contender.E_STRIDE, Contender.F_LONGS)),
                    pct(r.pairedRatio(Contender.A_SUMMARY, Contender.G_STREAMED_LONGS))));
        }
        sb.append("\na/e, b/e, a/c, b/c, e/f, a/g: median of the per-round ratios (all of them run seconds apart in each"
                + " round); a/d, b/d: ratio of the medians (the peer runs for tens of seconds, fewer rounds).\n");
        sb.append("Ratio of the medians for a/e, b/e:");
        for (LayoutResult r : results.values()) {
            double e = r.median(Contender.E_STRIDE);
            sb.append(' ').append(r.kind.id).append(' ').append(pct(r.median(Contender.A_SUMMARY) / e)).append(", ")
                    .append(pct(r.median(Contender.B_ITEMS) / e)).append(';');
        }
        sb.setLength(sb.length() - 1);
        sb.append("\nTargets against the stride reader (a/e >= 40%, b/e >= 20%): ")
                .append(strideMet ? "met" : "NOT met").append("; all targets: ").append(allMet ? "met" : "NOT all met")
                .append('\n');
        sb.append("\nSpread (min-max MB/s over the measured rounds) and the peer:\n");
        for (LayoutResult r : results.values()) {
            sb.append(String.format(Locale.ROOT, "- %s: a %s, b %s, c %s, e %s, f %s, g %s, d %s; %,d bytes, %,d items; ",
                    r.kind.id, r.spread(Contender.A_SUMMARY), r.spread(Contender.B_ITEMS), r.spread(Contender.C_LOOP),
                    r.spread(Contender.E_STRIDE), r.spread(Contender.F_LONGS), r.spread(Contender.G_STREAMED_LONGS),
                    r.spread(Contender.D_PEER),
                    r.expected.bytes(), r.expected.items()));
            if (r.peerMeasured()) {
                sb.append("bpp-cobranca totals right");
                if (r.peerHeapBytes > 0) {
                    sb.append(String.format(Locale.ROOT, ", heap held after its parse %,d MB", r.peerHeapBytes >> 20));
                }
            } else {
                sb.append("bpp-cobranca ").append(r.peerProblem).append(String.format(Locale.ROOT,
                        "; (d) = documented baseline %s MB/s (docs/benchmarks.md, same machine type)",
                        fmt(DOCUMENTED_PEER_MBS.get(r.kind))));
            }
            sb.append('\n');
        }
        System.out.print(sb);
    }

    private static String gbs(double mbs) {
        return Double.isNaN(mbs) ? "-" : String.format(Locale.ROOT, "%.2f", mbs / 1000);
    }

    private static String mark(boolean ok) {
        return ok ? "ok" : "MISSED";
    }

    private static String pct(double ratio) {
        return String.format(Locale.ROOT, "%.0f%%", ratio * 100);
    }

    static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        if (v >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return String.format(Locale.ROOT, v >= 10 ? "%.1f" : "%.2f", v);
    }

    static String machine() {
        Runtime rt = Runtime.getRuntime();
        return String.format(Locale.ROOT, "%d cores, %s %s (%s), max heap %,d MB, GC %s", rt.availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"), rt.maxMemory() >> 20,
                ManagementFactory.getGarbageCollectorMXBeans().stream().map(b -> b.getName()).toList());
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2] + " (" + Instant.now().toString().substring(0, 19) + "Z)";
        } catch (IOException | RuntimeException e) {
            double l = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            return l < 0 ? "n/a" : fmt(l);
        }
    }

    /** Where the benchmark files go: benchmarks/target/bench-data under the project root. */
    static Path defaultDataDir() {
        String root = System.getProperty("bench.root");
        if (root != null) {
            return Path.of(root).resolve("benchmarks/target/bench-data").toAbsolutePath().normalize();
        }
        Path here = Path.of("").toAbsolutePath();
        return (Files.isDirectory(here.resolve("benchmarks")) ? here.resolve("benchmarks/target/bench-data")
                : here.resolve("target/bench-data")).normalize();
    }

    static final class Options {
        double mb = 100;
        long seed = 1;
        int rounds = 11;
        int warmup = 2;
        int peerRounds = 3;
        boolean peer = true;
        List<Kind> layouts = List.of(Kind.values());
        Path data = defaultDataDir();

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String key = args[i];
                String value = i + 1 < args.length ? args[i + 1] : null;
                if (value == null) {
                    throw new IllegalArgumentException("missing value after " + key);
                }
                i++;
                switch (key) {
                    case "--mb" -> o.mb = Double.parseDouble(value);
                    case "--seed" -> o.seed = Long.parseLong(value);
                    case "--rounds" -> o.rounds = Integer.parseInt(value);
                    case "--warmup" -> o.warmup = Integer.parseInt(value);
                    case "--peer-rounds" -> o.peerRounds = Integer.parseInt(value);
                    case "--peer" -> o.peer = value.equals("on") || value.equals("true") || value.equals("yes");
                    case "--data" -> o.data = Path.of(value).toAbsolutePath();
                    case "--layouts" -> o.layouts = value.equals("all") ? List.of(Kind.values())
                            : Arrays.stream(value.split(",")).map(Kind::of).toList();
                    default -> throw new IllegalArgumentException("unknown option " + key + " (--mb --seed --rounds "
                            + "--warmup --peer on|off --peer-rounds --layouts all|a,b --data DIR)");
                }
            }
            if (o.rounds < 1 || o.warmup < 0 || o.peerRounds < 1) {
                throw new IllegalArgumentException("--rounds and --peer-rounds >= 1, --warmup >= 0");
            }
            return o;
        }
    }
}
