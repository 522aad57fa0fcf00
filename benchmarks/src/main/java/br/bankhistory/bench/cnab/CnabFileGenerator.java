package br.bankhistory.bench.cnab;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Writes large, valid, deterministic synthetic CNAB retorno files for the throughput benchmark, and returns
 * the file's known totals (counts and sums by occurrence code) so a reader's results can be checked on every
 * run. Three layouts, with the field positions and statistical mix of the reference generator described in
 * docs/benchmarks.md, "CNAB engine throughput" (FEBRABAN 240 and Itaú 400 manuals):
 *
 * <ul>
 *   <li>{@link Kind#COBRANCA_240}: 240 cobrança retorno, bank 341 or 104: header 0, lotes (header 1, operation
 *       T, service 01; T/U pairs; trailer 5 with records, títulos and their valor), trailer 9.</li>
 *   <li>{@link Kind#ITAU_400}: Itaú 400 cobrança retorno: header {@code 02RETORNO01COBRANCA}, details type 1,
 *       trailer 9 with count and valor.</li>
 *   <li>{@link Kind#PAGAMENTO_240}: 240 pagamento retorno (service 20), bank 237 by default: lotes of J
 *       (+ J-52 for half of them, forma 31, valid barcodes) alternating with lotes of A (TED, forma 41),
 *       ocorrências at 231-240, lote trailer with records and the sum of the payment values.</li>
 * </ul>
 *
 * Every line has exactly 240 or 400 characters, ASCII, CRLF. Same seed, same bytes. Sizes are in MB of
 * 1,000,000 bytes; a file stops at the last whole record that fits. The random source is SplitMix64 (fixed
 * algorithm, so the bytes do not depend on the JDK).
 *
 * <p>Command line (also used to cross-check with {@code gen_cnab.py --verify}):
 * {@code CnabFileGenerator --layout 240-cobranca-retorno|400-itau-retorno|240-pagamento-retorno --mb N
 * --out FILE [--seed 1] [--bank 341] [--summary FILE.json]}; prints the summary as JSON, with the key names
 * of {@code gen_cnab.py}.
 */
public final class CnabFileGenerator {

    /** Bumped whenever the bytes generated for a given layout/bank/seed/size change (cache key). */
    public static final int VERSION = 1;

    static final LocalDate BASE_DATE = LocalDate.of(2026, 11, 23);
    private static final LocalDate FATOR_BASE = LocalDate.of(2025, 2, 22); // boleto factor 1000 after the 2025 reset

    private static final String[] FIRST = {"MARIA", "JOSE", "ANA", "JOAO", "ANTONIO", "FRANCISCA", "CARLOS", "PAULO",
        "LUCAS", "JULIANA", "MARCOS", "PATRICIA", "RAFAEL", "FERNANDA", "PEDRO", "ALINE", "BRUNO", "CAMILA",
        "DIEGO", "LETICIA"};
    private static final String[] LAST = {"SILVA", "SANTOS", "OLIVEIRA", "SOUZA", "RODRIGUES", "FERREIRA", "ALVES",
        "PEREIRA", "LIMA", "GOMES", "COSTA", "RIBEIRO", "MARTINS", "CARVALHO", "ALMEIDA", "LOPES", "SOARES",
        "FERNANDES"};
    private static final String[] COMPANY = {"COMERCIAL", "DISTRIBUIDORA", "INDUSTRIA", "SERVICOS", "TRANSPORTES",
        "ALIMENTOS", "TECNOLOGIA", "CONSTRUTORA", "FARMACIA", "PAPELARIA", "METALURGICA", "AGROPECUARIA"};
    private static final String[] SUFFIX = {"LTDA", "S.A.", "ME", "EIRELI", "LTDA EPP"};
    private static final String[] OTHER_BANKS = {"001", "033", "104", "237", "341", "756", "748", "077"};
    private static final Map<String, String> BANK_NAMES = Map.of("001", "BANCO DO BRASIL S.A.", "033",
            "BANCO SANTANDER", "104", "CAIXA ECONOMICA FEDERAL", "237", "BANCO BRADESCO S.A.", "341",
            "BANCO ITAU S.A.", "756", "SICOOB", "748", "SICREDI");

    // occurrence code -> weight (per cent)
    private static final Weighted MOVIMENTO_240 = new Weighted(new String[] {"06", "02", "09", "03"},
            new int[] {45, 35, 12, 8});
    private static final String[] MOTIVO_LIQUIDACAO = {"01", "02", "03", "04", "05", "06"};
    private static final String[] MOTIVO_BAIXA = {"09", "10", "13", "14"};
    private static final String[] MOTIVO_REJEICAO = {"08", "09", "10", "16", "20", "45", "46", "48", "63"};
    private static final Weighted OCORRENCIA_400 = new Weighted(new String[] {"06", "02", "09", "10", "03"},
            new int[] {45, 30, 10, 7, 8});
    private static final String[] ERRO_400 = {"03", "04", "08", "09", "10", "16", "18", "21", "42"};
    private static final String[] LIQUIDACAO_400 = {"AA", "AC", "BC", "BF", "B5", "CC"};
    private static final Weighted OCORRENCIA_J = new Weighted(new String[] {"00", "BD", "AP", "AR", "01"},
            new int[] {55, 35, 3, 3, 4});
    private static final Weighted OCORRENCIA_A = new Weighted(new String[] {"00", "BD", "AG", "AM", "AN", "AP", "01"},
            new int[] {55, 30, 4, 3, 3, 2, 3});
    private static final String[] EXTRA_OCORRENCIA = {"", "", "AE", "AH"};
    private static final long[] TARIFA_LIQUIDACAO = {150, 199, 250, 290, 350};
    private static final long[] TARIFA_ENTRADA = {0, 0, 90, 120};
    private static final long[] TARIFA_BAIXA = {0, 50};

    /** The three benchmark layouts, named as in {@code gen_cnab.py --layout}. */
    public enum Kind {
        COBRANCA_240("240-cobranca-retorno", 240, "341", "cobranca240"),
        ITAU_400("400-itau-retorno", 400, "341", "itau400"),
        PAGAMENTO_240("240-pagamento-retorno", 240, "237", "pagamento240");

        public final String id;
        public final int width;
        public final String defaultBank;
        public final String shortName;

        Kind(String id, int width, String defaultBank, String shortName) {
            this.id = id;
            this.width = width;
            this.defaultBank = defaultBank;
            this.shortName = shortName;
        }

        public static Kind of(String name) {
            for (Kind k : values()) {
                if (k.id.equals(name) || k.shortName.equals(name) || k.name().equalsIgnoreCase(name)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown layout " + name + " (240-cobranca-retorno, "
                    + "400-itau-retorno, 240-pagamento-retorno)");
        }
    }

    /**
     * Known totals of one occurrence code, in cents.
     *
     * @param amountCents   valor do título (cobrança T 82-96, 400 153-165); for pagamento the payment value
     *                      (J 153-167, A 120-134), the value the lote trailer sums
     * @param paidCents     valor pago (cobrança U 78-92, 400 254-266); for pagamento the payment value of the
     *                      payments the bank reports effected (code 00), else 0
     * @param feeCents      tarifa (T 199-213, 400 176-188); 0 for pagamento
     * @param interestCents juros/multa (U 18-32, 400 267-279)
     * @param discountCents desconto (U 33-47, 400 241-253)
     * @param documentCents pagamento only: valor do documento (J 100-114, A = the payment value)
     */
    public record CodeTotals(long count, long amountCents, long paidCents, long feeCents, long interestCents,
                             long discountCents, long documentCents) {

        static final CodeTotals ZERO = new CodeTotals(0, 0, 0, 0, 0, 0, 0);

        CodeTotals plus(long amount, long paid, long fee, long interest, long discount, long document) {
            return new CodeTotals(count + 1, amountCents + amount, paidCents + paid, feeCents + fee,
                    interestCents + interest, discountCents + discount, documentCents + document);
        }

        CodeTotals plus(CodeTotals o) {
            return new CodeTotals(count + o.count, amountCents + o.amountCents, paidCents + o.paidCents,
                    feeCents + o.feeCents, interestCents + o.interestCents, discountCents + o.discountCents,
                    documentCents + o.documentCents);
        }
    }

    /** What a generated file holds: the facts a correct reader must report. */
    public record Expected(Kind kind, String bank, long seed, long bytes, long lines, long lotes, long items,
                           Map<String, Long> records, Map<String, CodeTotals> byCode) {

        public CodeTotals totals() {
            CodeTotals t = CodeTotals.ZERO;
            for (CodeTotals c : byCode.values()) {
                t = t.plus(c);
            }
            return t;
        }

        /** JSON with the key names of {@code gen_cnab.py}'s summary. */
        public String toJson() {
            StringBuilder sb = new StringBuilder("{\n");
            sb.append(" \"layout\": \"").append(kind.id).append("\",\n");
            sb.append(" \"bank\": \"").append(bank).append("\",\n");
            sb.append(" \"seed\": ").append(seed).append(",\n");
            sb.append(" \"bytes\": ").append(bytes).append(",\n");
            sb.append(" \"lines\": ").append(lines).append(",\n");
            sb.append(" \"lotes\": ").append(lotes).append(",\n");
            sb.append(" \"records\": {");
            String sep = "";
            for (Map.Entry<String, Long> e : records.entrySet()) {
                sb.append(sep).append('"').append(e.getKey()).append("\": ").append(e.getValue());
                sep = ", ";
            }
            sb.append("},\n \"by_code\": {\n");
            sep = "";
            for (Map.Entry<String, CodeTotals> e : byCode.entrySet()) {
                sb.append(sep).append("  \"").append(e.getKey()).append("\": ").append(json(e.getValue()));
                sep = ",\n";
            }
            sb.append("\n },\n \"totals\": ").append(json(totals())).append(",\n");
            sb.append(kind == Kind.PAGAMENTO_240 ? " \"pagamentos\": " : " \"titulos\": ").append(items);
            return sb.append("\n}\n").toString();
        }

        private String json(CodeTotals c) {
            if (kind == Kind.PAGAMENTO_240) {
                return String.format("{\"count\": %d, \"valor_cents\": %d, \"valor_documento_cents\": %d}",
                        c.count, c.amountCents, c.documentCents);
            }
            return String.format("{\"count\": %d, \"desconto_cents\": %d, \"juros_cents\": %d, \"tarifa_cents\": %d, "
                    + "\"valor_pago_cents\": %d, \"valor_titulo_cents\": %d}", c.count, c.discountCents,
                    c.interestCents, c.feeCents, c.paidCents, c.amountCents);
        }

        Properties toProperties() {
            Properties p = new Properties();
            p.setProperty("version", Integer.toString(VERSION));
            p.setProperty("kind", kind.name());
            p.setProperty("bank", bank);
            p.setProperty("seed", Long.toString(seed));
            p.setProperty("bytes", Long.toString(bytes));
            p.setProperty("lines", Long.toString(lines));
            p.setProperty("lotes", Long.toString(lotes));
            p.setProperty("items", Long.toString(items));
            records.forEach((k, v) -> p.setProperty("records." + k, Long.toString(v)));
            byCode.forEach((k, c) -> p.setProperty("code." + k, c.count + "," + c.amountCents + "," + c.paidCents
                    + "," + c.feeCents + "," + c.interestCents + "," + c.discountCents + "," + c.documentCents));
            return p;
        }

        static Expected fromProperties(Properties p) {
            Map<String, Long> records = new TreeMap<>();
            Map<String, CodeTotals> byCode = new TreeMap<>();
            for (String key : p.stringPropertyNames()) {
                if (key.startsWith("records.")) {
                    records.put(key.substring(8), Long.parseLong(p.getProperty(key)));
                } else if (key.startsWith("code.")) {
                    long[] v = Arrays.stream(p.getProperty(key).split(",")).mapToLong(Long::parseLong).toArray();
                    byCode.put(key.substring(5), new CodeTotals(v[0], v[1], v[2], v[3], v[4], v[5], v[6]));
                }
            }
            return new Expected(Kind.valueOf(p.getProperty("kind")), p.getProperty("bank"),
                    Long.parseLong(p.getProperty("seed")), Long.parseLong(p.getProperty("bytes")),
                    Long.parseLong(p.getProperty("lines")), Long.parseLong(p.getProperty("lotes")),
                    Long.parseLong(p.getProperty("items")), Collections.unmodifiableMap(records),
                    Collections.unmodifiableMap(byCode));
        }
    }

    private CnabFileGenerator() {
    }

    /**
     * Writes a file of about {@code targetBytes} bytes to {@code out} (buffered here; not closed).
     *
     * @param bank null for the layout's default (341 cobrança 240 and 400, 237 pagamento)
     */
    public static Expected generate(Kind kind, String bank, long seed, long targetBytes, OutputStream out) {
        String b = bank == null ? kind.defaultBank : bank;
        if (kind == Kind.COBRANCA_240 && !b.equals("341") && !b.equals("104")) {
            throw new IllegalArgumentException("240-cobranca-retorno: bank 341 or 104");
        }
        if (kind == Kind.ITAU_400 && !b.equals("341")) {
            throw new IllegalArgumentException("400-itau-retorno is bank 341");
        }
        if (b.length() != 3 || !b.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("bank must be 3 digits: " + b);
        }
        Gen g = new Gen(kind, b, seed, targetBytes, out);
        try {
            switch (kind) {
                case COBRANCA_240 -> g.cobranca240(10_000);
                case ITAU_400 -> g.itau400();
                case PAGAMENTO_240 -> g.pagamento240(5_000);
                default -> throw new IllegalStateException();
            }
            g.out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return g.expected();
    }

    /**
     * The file for these parameters, generated into {@code dir} when missing (or made by another generator
     * version), with its totals kept next to it ({@code .totals.properties}).
     */
    public record Generated(Path file, Expected expected) {
    }

    public static Generated ensure(Path dir, Kind kind, long seed, long targetBytes) throws IOException {
        Files.createDirectories(dir);
        String base = String.format("%s-%s-seed%d-%dB", kind.shortName, kind.defaultBank, seed, targetBytes);
        Path file = dir.resolve(base + ".ret");
        Path totals = dir.resolve(base + ".totals.properties");
        if (Files.exists(file) && Files.exists(totals)) {
            Properties p = new Properties();
            try (InputStream in = Files.newInputStream(totals)) {
                p.load(in);
            }
            if (Integer.toString(VERSION).equals(p.getProperty("version"))
                    && Long.toString(Files.size(file)).equals(p.getProperty("bytes"))) {
                return new Generated(file, Expected.fromProperties(p));
            }
        }
        Path tmp = dir.resolve(base + ".ret.tmp");
        Expected expected;
        try (OutputStream out = Files.newOutputStream(tmp)) {
            expected = generate(kind, null, seed, targetBytes, out);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        try (OutputStream out = Files.newOutputStream(totals)) {
            expected.toProperties().store(out, "CnabFileGenerator totals of " + file.getFileName());
        }
        return new Generated(file, expected);
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> a = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        if (!a.containsKey("layout") || !a.containsKey("mb") || !a.containsKey("out")) {
            System.err.println("usage: CnabFileGenerator --layout 240-cobranca-retorno|400-itau-retorno|"
                    + "240-pagamento-retorno --mb N --out FILE [--seed 1] [--bank B] [--summary FILE.json]");
            System.exit(2);
        }
        Kind kind = Kind.of(a.get("layout"));
        long target = (long) (Double.parseDouble(a.get("mb")) * 1_000_000);
        long seed = Long.parseLong(a.getOrDefault("seed", "1"));
        Expected e;
        try (OutputStream out = Files.newOutputStream(Path.of(a.get("out")))) {
            e = generate(kind, a.get("bank"), seed, target, out);
        }
        String json = e.toJson();
        System.out.print(json);
        if (a.containsKey("summary")) {
            Files.writeString(Path.of(a.get("summary")), json);
        }
    }

    // -----------------------------------------------------------------------------------------------------

    /** SplitMix64: a fixed, documented algorithm (the bytes must not depend on the JDK's Random). */
    static final class Rng {
        private long state;

        Rng(long seed) {
            state = seed;
        }

        long next() {
            long z = state += 0x9E3779B97F4A7C15L;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            return z ^ (z >>> 31);
        }

        /** Uniform in [0, n); the modulo bias is below 2^-40 for the bounds used here. */
        long below(long n) {
            return Long.remainderUnsigned(next(), n);
        }

        long between(long low, long highExclusive) {
            return low + below(highExclusive - low);
        }

        int index(int n) {
            return (int) below(n);
        }

        <T> T pick(T[] values) {
            return values[index(values.length)];
        }

        long pick(long[] values) {
            return values[index(values.length)];
        }

        /** Cents, log-uniform between {@code low} and {@code high}: one octave at random, then uniform in it. */
        long amount(long low, long high) {
            int lowBits = 64 - Long.numberOfLeadingZeros(low);
            int highBits = 64 - Long.numberOfLeadingZeros(high);
            int e = (int) between(lowBits, highBits + 1);
            long v = between(1L << (e - 1), 1L << e);
            return Math.max(low, Math.min(high, v));
        }

        /** {@code count} distinct codes of {@code pool}, concatenated in drawing order. */
        String sample(String[] pool, int count) {
            String[] p = pool.clone();
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < count; i++) {
                int j = i + index(p.length - i);
                String t = p[i];
                p[i] = p[j];
                p[j] = t;
                sb.append(p[i]);
            }
            return sb.toString();
        }
    }

    private record Weighted(String[] codes, int[] weights) {
        String draw(Rng rng) {
            int total = Arrays.stream(weights).sum();
            long r = rng.below(total);
            for (int i = 0; i < codes.length; i++) {
                if (r < weights[i]) {
                    return codes[i];
                }
                r -= weights[i];
            }
            return codes[codes.length - 1];
        }
    }

    /** One fixed-width record being filled; positions are 1-based and inclusive, as in the manuals. */
    static final class Record {
        final byte[] bytes;
        final int width;

        Record(int width) {
            this.width = width;
            this.bytes = new byte[width + 2];
        }

        Record clear() {
            Arrays.fill(bytes, 0, width, (byte) ' ');
            bytes[width] = '\r';
            bytes[width + 1] = '\n';
            return this;
        }

        /** Numeric field: zero-padded on the left; a value that does not fit is a generator bug. */
        Record num(int start, int end, long value) {
            if (value < 0) {
                throw new IllegalArgumentException("negative value " + value + " at " + start);
            }
            long v = value;
            for (int i = end - 1; i >= start - 1; i--) {
                bytes[i] = (byte) ('0' + v % 10);
                v /= 10;
            }
            if (v != 0) {
                throw new IllegalArgumentException(value + " does not fit 9(" + (end - start + 1) + ") at " + start);
            }
            return this;
        }

        /** Alphanumeric field: left-aligned, blank-padded, truncated. */
        Record text(int start, int end, String text) {
            int n = Math.min(text.length(), end - start + 1);
            for (int i = 0; i < n; i++) {
                char c = text.charAt(i);
                if (c > 0x7e) {
                    throw new IllegalArgumentException("not ASCII: " + text);
                }
                bytes[start - 1 + i] = (byte) c;
            }
            return this;
        }

        /** ddMMyyyy (8) or ddMMyy (6), as the field's width says; null = zeros. */
        Record date(int start, int end, LocalDate d) {
            if (d == null) {
                return num(start, end, 0);
            }
            int w = end - start + 1;
            long v = d.getDayOfMonth() * (w == 8 ? 1_000_000L : 10_000L) + d.getMonthValue() * (w == 8 ? 10_000L : 100L)
                    + (w == 8 ? d.getYear() : d.getYear() % 100);
            return num(start, end, v);
        }

        Record fill(int start, int end, char c) {
            Arrays.fill(bytes, start - 1, end, (byte) c);
            return this;
        }
    }

    private static final class Company {
        final long cnpj;
        final String convenio;
        final long agencia;
        final long agenciaDv;
        final long conta;
        final long contaDv;
        final String name;

        Company(Rng rng, String[] companies) {
            cnpj = rng.between(1_000_000_000_000L, 100_000_000_000_000L);
            convenio = String.format("%09d", rng.between(1_000_000, 1_000_000_000));
            agencia = rng.between(100, 9999);
            agenciaDv = rng.below(10);
            conta = rng.between(10_000, 99_999);
            contaDv = rng.below(10);
            name = rng.pick(companies);
        }
    }

    /** One generation run. */
    private static final class Gen {
        final Kind kind;
        final String bank;
        final long seed;
        final long target;
        final OutputStream out;
        final Rng rng;
        final String[] people = new String[997];
        final String[] companies = new String[257];
        final Record rec;
        final Map<String, Long> records = new TreeMap<>();
        final Map<String, CodeTotals> byCode = new TreeMap<>();
        long bytes;
        long lines;
        long lotes;
        long items;

        Gen(Kind kind, String bank, long seed, long target, OutputStream out) {
            this.kind = kind;
            this.bank = bank;
            this.seed = seed;
            this.target = target;
            this.out = new BufferedOutputStream(out, 1 << 20);
            this.rng = new Rng(seed);
            this.rec = new Record(kind.width);
            for (int i = 0; i < people.length; i++) {
                people[i] = rng.pick(FIRST) + " " + rng.pick(LAST) + " " + rng.pick(LAST);
            }
            for (int i = 0; i < companies.length; i++) {
                companies[i] = rng.pick(COMPANY) + " " + rng.pick(LAST) + " " + rng.pick(SUFFIX);
            }
        }

        Expected expected() {
            return new Expected(kind, bank, seed, bytes, lines, lotes, items, Collections.unmodifiableMap(records),
                    Collections.unmodifiableMap(byCode));
        }

        void write(String recordKind) throws IOException {
            out.write(rec.bytes);
            bytes += rec.bytes.length;
            lines++;
            records.merge(recordKind, 1L, Long::sum);
        }

        void count(String code, long amount, long paid, long fee, long interest, long discount, long document) {
            byCode.merge(code, CodeTotals.ZERO.plus(amount, paid, fee, interest, discount, document), CodeTotals::plus);
            items++;
        }

        /** Would {@code more} further records still fit in the target? */
        boolean fits(int more) {
            return bytes + (long) more * rec.bytes.length <= target;
        }

        // --- 240: file header and trailer (shared by cobrança and pagamento) ---

        void fileHeader240(Company co, long nsa, String layoutVersion) throws IOException {
            rec.clear().text(1, 3, bank).num(4, 7, 0).text(8, 8, "0").text(18, 18, "2").num(19, 32, co.cnpj)
                    .text(33, 52, co.convenio).num(53, 57, co.agencia).num(58, 58, co.agenciaDv)
                    .num(59, 70, co.conta).num(71, 71, co.contaDv).text(73, 102, co.name)
                    .text(103, 132, BANK_NAMES.getOrDefault(bank, "BANCO " + bank))
                    .text(143, 143, "2").date(144, 151, BASE_DATE).text(152, 157, "063015").num(158, 163, nsa)
                    .text(164, 166, layoutVersion).num(167, 171, 0).text(172, 191, "RETORNO-PRODUCAO");
            write("0");
        }

        /**
         * The record count (24-29) holds at most 999,999: a bigger file (about 242 MB and up, only the memory
         * check's 1 GB file) gets zeros there, "not informed", which readers do not check.
         */
        void fileTrailer240() throws IOException {
            long records = lines + 1;
            rec.clear().text(1, 3, bank).num(4, 7, 9999).text(8, 8, "9").num(18, 23, lotes)
                    .num(24, 29, records <= 999_999 ? records : 0).num(30, 35, 0);
            write("9");
        }

        // --- 240 cobrança retorno: T/U ---

        void cobranca240(int maxTitulosPerLote) throws IOException {
            Company co = new Company(rng, companies);
            fileHeader240(co, 1622, "040");
            boolean done = false;
            while (!done) {
                lotes++;
                rec.clear().text(1, 3, bank).num(4, 7, lotes).text(8, 8, "1").text(9, 9, "T").text(10, 11, "01")
                        .text(14, 16, "030").text(18, 18, "2").num(19, 33, co.cnpj).text(34, 53, co.convenio)
                        .num(54, 58, co.agencia).num(59, 59, co.agenciaDv).num(60, 71, co.conta)
                        .num(72, 72, co.contaDv).text(74, 103, co.name).num(184, 191, 1622)
                        .date(192, 199, BASE_DATE).date(200, 207, BASE_DATE.plusDays(1));
                write("1");
                int seq = 0;
                long titulos = 0;
                long valorLote = 0;
                while (true) {
                    if (titulos == maxTitulosPerLote) {
                        done = !fits(4);
                        break;
                    }
                    // one more pair, the lote trailer and the file trailer must fit
                    if (titulos > 0 && !fits(4)) {
                        done = true;
                        break;
                    }
                    String mov = MOVIMENTO_240.draw(rng);
                    long nn = rng.between(10_000_000, 100_000_000);
                    LocalDate vencimento = BASE_DATE.plusDays(rng.between(-60, 31));
                    long valor = rng.amount(1_000, 2_000_000);
                    long documento = rng.below(1_000_000_000);
                    LocalDate ocorrencia = BASE_DATE.minusDays(rng.between(1, 4));
                    long juros = 0;
                    long desconto = 0;
                    long pago = 0;
                    long liquido = 0;
                    long tarifa;
                    LocalDate credito = null;
                    String motivos;
                    switch (mov) {
                        case "06" -> {
                            long atraso = ocorrencia.toEpochDay() - vencimento.toEpochDay();
                            if (atraso > 0) {
                                juros = valor * atraso / 1000 + valor / 50; // 0.1% a day + 2% multa
                            } else if (rng.below(4) == 0) {
                                desconto = valor / 20;
                            }
                            tarifa = rng.pick(TARIFA_LIQUIDACAO);
                            pago = valor + juros - desconto;
                            liquido = pago - tarifa;
                            credito = ocorrencia.plusDays(1);
                            motivos = rng.pick(MOTIVO_LIQUIDACAO);
                        }
                        case "02" -> {
                            tarifa = rng.pick(TARIFA_ENTRADA);
                            motivos = "";
                        }
                        case "09" -> {
                            tarifa = rng.pick(TARIFA_BAIXA);
                            motivos = rng.pick(MOTIVO_BAIXA);
                        }
                        default -> {
                            tarifa = 0;
                            motivos = rng.sample(MOTIVO_REJEICAO, (int) rng.between(1, 4));
                        }
                    }
                    boolean cpf = rng.below(2) == 0;
                    long inscricao = cpf ? rng.between(10_000_000_000L, 100_000_000_000L)
                            : rng.between(1_000_000_000_000L, 100_000_000_000_000L);
                    String pagador = cpf ? rng.pick(people) : rng.pick(companies);
                    seq++;
                    rec.clear().text(1, 3, bank).num(4, 7, lotes).text(8, 8, "3").num(9, 13, seq).text(14, 14, "T")
                            .text(16, 17, mov).num(18, 22, co.agencia).num(23, 23, co.agenciaDv)
                            .num(24, 35, co.conta).num(36, 36, co.contaDv);
                    if (bank.equals("341")) { // carteira 109 + nosso número 8 + DAC
                        rec.text(38, 40, "109").num(41, 48, nn).num(49, 49, nn % 10);
                    } else { // Caixa SIGCB: "24" + 16 digits, right-aligned in 20
                        rec.text(40, 41, "24").num(42, 57, nn);
                    }
                    rec.text(58, 58, "1").text(59, 73, "DOC" + String.format("%09d", documento))
                            .date(74, 81, vencimento).num(82, 96, valor).text(97, 99, rng.pick(OTHER_BANKS))
                            .num(100, 104, rng.between(1, 9999)).num(105, 105, rng.below(10))
                            .text(106, 130, "ID" + String.format("%08d", nn)).text(131, 132, "09")
                            .text(133, 133, cpf ? "1" : "2").num(134, 148, inscricao).text(149, 188, pagador)
                            .num(189, 198, 0).num(199, 213, tarifa).fill(214, 223, '0').text(214, 223, motivos);
                    write("3T");
                    seq++;
                    rec.clear().text(1, 3, bank).num(4, 7, lotes).text(8, 8, "3").num(9, 13, seq).text(14, 14, "U")
                            .text(16, 17, mov).num(18, 32, juros).num(33, 47, desconto).num(48, 62, 0)
                            .num(63, 77, 0).num(78, 92, pago).num(93, 107, liquido).num(108, 122, 0)
                            .num(123, 137, 0).date(138, 145, ocorrencia).date(146, 153, credito).num(154, 157, 0)
                            .num(158, 165, 0).num(166, 180, 0).num(211, 213, 0).num(214, 233, 0);
                    write("3U");
                    count(mov, valor, pago, tarifa, juros, desconto, 0);
                    titulos++;
                    valorLote += valor;
                }
                rec.clear().text(1, 3, bank).num(4, 7, lotes).text(8, 8, "5").num(18, 23, seq + 2L)
                        .num(24, 29, titulos).num(30, 46, valorLote).num(47, 52, 0).num(53, 69, 0).num(70, 75, 0)
                        .num(76, 92, 0).num(93, 98, 0).num(99, 115, 0).num(116, 123, 0);
                write("5");
            }
            fileTrailer240();
        }

        // --- 400 Itaú retorno ---

        void itau400() throws IOException {
            Company co = new Company(rng, companies);
            long dac = rng.below(10);
            rec.clear().text(1, 11, "02RETORNO01").text(12, 26, "COBRANCA").num(27, 30, co.agencia).num(31, 32, 0)
                    .num(33, 37, co.conta).num(38, 38, dac).text(47, 76, co.name).text(77, 79, "341")
                    .text(80, 94, "BANCO ITAU S.A.").date(95, 100, BASE_DATE).text(101, 105, "01600")
                    .text(106, 108, "BPI").num(109, 113, 25).date(114, 119, BASE_DATE.plusDays(1))
                    .num(395, 400, 1);
            write("0");
            long seq = 1;
            long quantidade = 0;
            long soma = 0;
            if (target > 999_999L * rec.bytes.length) {
                throw new IllegalArgumentException("a CNAB 400 file holds at most 999,999 records (sequence "
                        + "395-400): at most " + 999_999L * rec.bytes.length + " bytes");
            }
            while (quantidade == 0 || fits(2)) { // one more detail and the trailer
                String oc = OCORRENCIA_400.draw(rng);
                long nn = rng.between(10_000_000, 100_000_000);
                LocalDate vencimento = BASE_DATE.plusDays(rng.between(-60, 31));
                long valor = rng.amount(1_000, 2_000_000);
                LocalDate ocorrencia = BASE_DATE.minusDays(rng.between(1, 4));
                long juros = 0;
                long desconto = 0;
                long pago = 0;
                long tarifa;
                LocalDate credito = null;
                String erros = "";
                String liquidacao = "";
                switch (oc) {
                    case "06" -> {
                        long atraso = ocorrencia.toEpochDay() - vencimento.toEpochDay();
                        if (atraso > 0) {
                            juros = valor * atraso / 1000 + valor / 50;
                        } else if (rng.below(4) == 0) {
                            desconto = valor / 20;
                        }
                        tarifa = rng.pick(TARIFA_LIQUIDACAO);
                        pago = valor - desconto; // Itaú 254-266: valor principal; juros apart at 267-279
                        credito = ocorrencia.plusDays(1);
                        liquidacao = rng.pick(LIQUIDACAO_400);
                    }
                    case "02" -> tarifa = rng.pick(TARIFA_ENTRADA);
                    case "09", "10" -> tarifa = rng.pick(TARIFA_BAIXA);
                    default -> {
                        tarifa = 0;
                        erros = rng.sample(ERRO_400, (int) rng.between(1, 4));
                    }
                }
                seq++;
                rec.clear().text(1, 1, "1").text(2, 3, "02").num(4, 17, co.cnpj).num(18, 21, co.agencia)
                        .num(22, 23, 0).num(24, 28, co.conta).num(29, 29, dac)
                        .text(38, 62, "ID" + String.format("%08d", nn)).num(63, 70, nn).text(83, 85, "109")
                        .num(86, 93, nn).num(94, 94, nn % 10).text(108, 108, "I").text(109, 110, oc)
                        .date(111, 116, ocorrencia).text(117, 126, "DOC" + String.format("%07d", nn % 10_000_000))
                        .num(127, 134, nn).date(147, 152, vencimento).num(153, 165, valor)
                        .text(166, 168, rng.pick(OTHER_BANKS)).num(169, 172, rng.between(1, 9999))
                        .num(173, 173, rng.below(10)).num(176, 188, tarifa).num(215, 227, 0).num(228, 240, 0)
                        .num(241, 253, desconto).num(254, 266, pago).num(267, 279, juros).num(280, 292, 0)
                        .date(296, 301, credito).num(302, 305, 0).num(306, 311, 0).num(312, 324, 0)
                        .text(325, 354, rng.pick(people));
                if (!erros.isEmpty()) {
                    rec.fill(378, 385, '0').text(378, 385, erros);
                }
                rec.text(393, 394, liquidacao).num(395, 400, seq);
                write("1");
                count(oc, valor, pago, tarifa, juros, desconto, 0);
                quantidade++;
                soma += valor;
            }
            seq++;
            rec.clear().text(1, 7, "9201341").num(18, 25, quantidade).num(26, 39, soma).num(40, 47, 0)
                    .num(58, 65, 0).num(66, 79, 0).num(80, 87, 0).num(178, 185, 0).num(186, 199, 0)
                    .num(200, 207, 0).num(208, 212, 25).num(213, 220, quantidade).num(221, 234, soma)
                    .num(395, 400, seq);
            write("9");
            lotes = 1;
        }

        // --- 240 pagamento retorno: J (+J-52) lotes alternating with A lotes ---

        void pagamento240(int maxPagamentosPerLote) throws IOException {
            Company co = new Company(rng, companies);
            fileHeader240(co, 808, "089");
            boolean done = false;
            while (!done) {
                lotes++;
                boolean boletos = lotes % 2 == 1;
                rec.clear().text(1, 3, bank).num(4, 7, lotes).text(8, 8, "1").text(9, 9, "C").text(10, 11, "20")
                        .text(12, 13, boletos ? "31" : "41").text(14, 16, boletos ? "040" : "045")
                        .text(18, 18, "2").num(19, 32, co.cnpj).text(33, 52, co.convenio).num(53, 57, co.agencia)
                        .num(58, 58, co.agenciaDv).num(59, 70, co.conta).num(71, 71, co.contaDv)
                        .text(73, 102, co.name).text(143, 172, "AV PAULISTA").num(173, 177, 1000)
                        .text(178, 192, "ANDAR 10").text(193, 212, "SAO PAULO").text(213, 217, "01310")
                        .text(218, 220, "100").text(221, 222, "SP").text(223, 224, "01");
                write("1");
                int seq = 0;
                long pagamentos = 0;
                long soma = 0;
                while (true) {
                    if (pagamentos == maxPagamentosPerLote) {
                        done = !fits(5);
                        break;
                    }
                    // a J + J-52 pair, the lote trailer and the file trailer must fit
                    if (pagamentos > 0 && !fits(5)) {
                        done = true;
                        break;
                    }
                    LocalDate dataPagamento = BASE_DATE.minusDays(rng.below(3));
                    seq++;
                    if (boletos) {
                        String code = OCORRENCIA_J.draw(rng);
                        String bancoBoleto = rng.pick(OTHER_BANKS);
                        LocalDate vencimento = dataPagamento.plusDays(rng.below(10));
                        long valor = rng.amount(1_000, 2_000_000);
                        long desconto = rng.below(10) == 0 ? valor / 50 : 0;
                        long pago = valor - desconto;
                        String beneficiario = rng.pick(companies);
                        String barcode = barcode(bancoBoleto, vencimento, valor);
                        String ourNumber = code.equals("00") || code.equals("BD")
                                ? String.format("%016d", rng.between((long) 1e15, (long) 1e16))
                                : null;
                        rec.clear().text(1, 3, bank).num(4, 7, lotes).text(8, 8, "3").num(9, 13, seq)
                                .text(14, 14, "J").text(15, 15, "0").text(16, 17, "00").text(18, 61, barcode)
                                .text(62, 91, beneficiario).date(92, 99, vencimento).num(100, 114, valor)
                                .num(115, 129, desconto).num(130, 144, 0).date(145, 152, dataPagamento)
                                .num(153, 167, pago).num(168, 182, 0)
                                .text(183, 202, "PG" + String.format("%08d", rng.below(100_000_000)));
                        if (ourNumber != null) {
                            rec.text(203, 222, ourNumber);
                        }
                        rec.text(223, 224, "09").text(231, 240, ocorrencias(code));
                        write("3J");
                        count(code, pago, code.equals("00") ? pago : 0, 0, 0, 0, valor);
                        soma += pago;
                        if (rng.below(2) == 0) {
                            seq++;
                            rec.clear().text(1, 3, bank).num(4, 7, lotes).text(8, 8, "3").num(9, 13, seq)
                                    .text(14, 14, "J").text(16, 17, "00").text(18, 19, "52").text(20, 20, "2")
                                    .num(21, 35, co.cnpj).text(36, 75, co.name).text(76, 76, "2")
                                    .num(77, 91, rng.between(1_000_000_000_000L, 100_000_000_000_000L))
                                    .text(92, 131, beneficiario).text(132, 132, "0").num(133, 147, 0);
                            write("3J52");
                        }
                    } else {
                        String code = OCORRENCIA_A.draw(rng);
                        long valor = rng.amount(5_000, 5_000_000);
                        boolean efetivado = code.equals("00");
                        String favorecido = rng.pick(people);
                        rec.clear().text(1, 3, bank).num(4, 7, lotes).text(8, 8, "3").num(9, 13, seq)
                                .text(14, 14, "A").text(15, 15, "0").text(16, 17, "00").text(18, 20, "018")
                                .text(21, 23, rng.pick(OTHER_BANKS)).num(24, 28, rng.between(1, 9999))
                                .num(29, 29, rng.below(10)).num(30, 41, rng.between(10_000, 1_000_000_000))
                                .num(42, 42, rng.below(10)).text(44, 73, favorecido)
                                .text(74, 93, "TED" + String.format("%09d", rng.below(1_000_000_000)))
                                .date(94, 101, dataPagamento).text(102, 104, "BRL").num(105, 119, 0)
                                .num(120, 134, valor);
                        if (code.equals("00") || code.equals("BD")) {
                            rec.num(135, 149, rng.between(100_000_000_000_000L, 1_000_000_000_000_000L));
                        }
                        rec.date(155, 162, efetivado ? dataPagamento : null).num(163, 177, efetivado ? valor : 0)
                                .text(220, 224, "00005").text(225, 226, "CC").text(230, 230, "0")
                                .text(231, 240, ocorrencias(code));
                        write("3A");
                        count(code, valor, efetivado ? valor : 0, 0, 0, 0, valor);
                        soma += valor;
                    }
                    pagamentos++;
                }
                rec.clear().text(1, 3, bank).num(4, 7, lotes).text(8, 8, "5").num(18, 23, seq + 2L)
                        .num(24, 41, soma).num(42, 59, 0).num(60, 65, 0);
                write("5");
            }
            fileTrailer240();
        }

        /** Accepted (00) and scheduled (BD) stand alone; a rejection sometimes carries a second code. */
        private String ocorrencias(String code) {
            if (code.equals("00") || code.equals("BD")) {
                return code;
            }
            return code + rng.pick(EXTRA_OCORRENCIA);
        }

        /** A valid 44-digit boleto barcode: bank, currency 9, DV (mod 11), due factor, value, free field. */
        private String barcode(String bancoBoleto, LocalDate vencimento, long valor) {
            long fator = 1000 + vencimento.toEpochDay() - FATOR_BASE.toEpochDay();
            String campoLivre = String.format("%d%012d%012d", rng.between(1, 10), rng.below(1_000_000_000_000L),
                    rng.below(1_000_000_000_000L)); // 25 digits
            String body = bancoBoleto + "9" + String.format("%04d", fator) + String.format("%010d", valor) + campoLivre;
            int total = 0;
            int weight = 2;
            for (int i = body.length() - 1; i >= 0; i--) {
                total += (body.charAt(i) - '0') * weight;
                weight = weight == 9 ? 2 : weight + 1;
            }
            int dv = 11 - total % 11;
            if (dv == 0 || dv == 10 || dv == 11) {
                dv = 1;
            }
            return body.substring(0, 4) + dv + body.substring(4);
        }
    }
}
