package br.bankhistory.cnab.write;

import br.bankhistory.cnab.layout.FieldSpec;
import br.bankhistory.cnab.layout.LayoutCatalog;
import br.bankhistory.cnab.layout.RecordLayout;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random remessa input for one bank and family, from a seeded {@link Random}: values sized to the bank's
 * fields (the narrowest record that holds each one), names with accents and ç, free text longer than its
 * field (it is cut), zero and maximal amounts. Deterministic for a seed.
 */
final class RemessaGenerator {

    private static final String[] FIRST = {"José", "Conceição", "João", "Ângela", "Maria", "Açucena", "Íris",
            "Ünal", "Øyvind", "Françoise", "Luís", "Estêvão"};
    private static final String[] LAST = {"da Silva", "Gonçalves", "Brandão", "Ávila", "Peçanha", "Müller",
            "D'Ávila", "Araújo", "Simões", "Mañana", "Łukasz", "São João"};
    private static final String[] STREETS = {"Rua São Bento, 1.234 - ap. 5º", "Av. Brigadeiro Faria Lima 3477",
            "Travessa Conceição nº 7", "Estrada da Água Funda km 3", "Praça da Sé s/n"};
    private static final String[] CITIES = {"São Paulo", "Florianópolis", "Maceió", "Goiânia", "Ribeirão Preto",
            "Itajaí", "Jundiaí", "Macapá"};
    private static final String[] STATES = {"SP", "SC", "AL", "GO", "AP", "RS", "MG"};

    final Random random;
    final String family;
    final String bank;
    private final List<RecordLayout> writable;

    RemessaGenerator(long seed, String family, String bank, List<String> records) {
        this.random = new Random(seed);
        this.family = family;
        this.bank = bank;
        this.writable = new ArrayList<>();
        for (String record : records) {
            LayoutCatalog.standard().find(family, bank, record).ifPresent(writable::add);
        }
    }

    /** The width of the narrowest written field of that name, or {@code fallback} when no record has it. */
    int width(String field, int fallback) {
        int width = Integer.MAX_VALUE;
        for (RecordLayout layout : writable) {
            var spec = layout.find(field);
            if (spec.isPresent() && !layout.isBlankOnWrite(field)) {
                width = Math.min(width, spec.get().length());
            }
        }
        return width == Integer.MAX_VALUE ? fallback : width;
    }

    boolean isNumeric(String field) {
        for (RecordLayout layout : writable) {
            var spec = layout.find(field);
            if (spec.isPresent()) {
                return spec.get().type() == br.bankhistory.cnab.layout.FieldType.NUMERIC;
            }
        }
        return false;
    }

    FieldSpec spec(String record, String field) {
        return LayoutCatalog.standard().record(family, bank, record).field(field);
    }

    RemessaHeader header() {
        int sequenceDigits = Math.min(width("sequence_number", 6), width("return_number", 8));
        LocalDateTime at = date(2000, 2060).atTime(random.nextInt(24), random.nextInt(60), random.nextInt(60));
        return RemessaHeader.builder(bank)
                .company(name(width("company_name", 30) + 8), document())
                .agency(digits(1, width("agency", 4)), digits(1, 1))
                .account(digits(1, width("account", 5)), random.nextBoolean() ? "X" : digits(1, 1))
                .agreement(digits(1, width("agreement", 6)))
                .wallet(digits(1, width("wallet", 2)))
                .sequenceNumber(number(sequenceDigits))
                .generatedAt(at)
                .build();
    }

    /**
     * A title with the largest amount the bank's field holds (a file of it alone: Santander's 400 trailer
     * total is as wide as the amount, so two such titles would not fit it).
     */
    CobrancaTitle maximalTitle() {
        CobrancaTitle title = title();
        return new CobrancaTitle(title.instruction(), title.ourNumber(), title.yourNumber(), title.dueDate(),
                maximum(width("amount", 13)), title.issueDate(), title.payer(), title.interest(), title.fine(),
                title.discount(), title.extraFields());
    }

    CobrancaTitle title() {
        Instruction[] instructions = java.util.Arrays.stream(Instruction.values())
                .filter(i -> i.acceptedBy(family, bank)).toArray(Instruction[]::new);
        Instruction instruction = random.nextInt(3) == 0 ? instructions[random.nextInt(instructions.length)]
                : Instruction.ENTRY;
        int amountDigits = width("amount", 13);
        long amount = switch (random.nextInt(8)) {
            case 0 -> 0;
            case 1 -> maximum(Math.min(amountDigits, 11));
            default -> (long) (random.nextDouble() * 1_000_000_00L);
        };
        String ourNumber = random.nextInt(6) == 0 ? "9".repeat(width("our_number", 8))
                : digits(1, width("our_number", 8));
        String yourNumber = random.nextInt(6) == 0 ? "SEU-" + "N".repeat(width("document_number", 10) - 4)
                : text("0123456789ABCDEF/-", 1, width("document_number", 10));
        Party payer = new Party(name(48), document(), STREETS[random.nextInt(STREETS.length)],
                random.nextBoolean() ? "Jardim América do Sul" : "Centro", digits(8, 8),
                CITIES[random.nextInt(CITIES.length)], STATES[random.nextInt(STATES.length)]);
        LocalDate due = date(1999, 2065);
        CobrancaTitle title = new CobrancaTitle(instruction, ourNumber, yourNumber, due, amount, due.minusDays(
                random.nextInt(60)), payer, null, null, null, Map.of());
        title = title.withCharges(
                random.nextBoolean() ? new Charge("1", due.plusDays(1), rate()) : null,
                random.nextBoolean() ? new Charge("2", due.plusDays(1), rate()) : null,
                random.nextBoolean() ? new Charge("1", due.minusDays(1), rate()) : null);
        java.util.Optional<RecordLayout> pixRecord = pixRecord();
        if (pixRecord.isPresent() && random.nextBoolean()
                && (title.instruction() == Instruction.ENTRY || !hasPixEntryCode())) {
            // only the Pix fields the bank's record has, each up to its width (Itaú's record 3: the key alone)
            RecordLayout pix = pixRecord.get();
            title = title.withPix(new br.bankhistory.cnab.Pix(
                    pixText(pix, "pix_txid", "0123456789ABCDEFGHIJabcdefghij"),
                    pix.find("pix_key_type").isPresent() ? String.valueOf(1 + random.nextInt(5)) : "",
                    pixText(pix, "pix_key", "0123456789abcdef-@."), ""));
        }
        return title;
    }

    /** The bank's remessa record that carries a boleto's Pix key (240 Y-03, a 400 complement), if any. */
    private java.util.Optional<RecordLayout> pixRecord() {
        LayoutCatalog layouts = LayoutCatalog.standard();
        java.util.List<String> names = LayoutCatalog.CNAB240.equals(family) ? java.util.List.of("segment-Y03")
                : layouts.recordNames(family, bank).stream().filter(n -> n.startsWith("detail-remessa-")).toList();
        return names.stream().filter(n -> layouts.hasOwn(family, bank, n)).map(n -> layouts.record(family, bank, n))
                .filter(record -> record.find("pix_key").isPresent()).findFirst();
    }

    /** Whether the bank enters a boleto with Pix under a code of its own (Pix only on entries then). */
    private boolean hasPixEntryCode() {
        return !Instruction.ENTRY.code(family, bank, true).equals(Instruction.ENTRY.code(family, bank));
    }

    private String pixText(RecordLayout record, String field, String alphabet) {
        return record.find(field).map(spec -> text(alphabet, 1, spec.length())).orElse("");
    }

    Payment payment() {
        LocalDate paymentDate = date(2000, 2060);
        long amount = random.nextInt(10) == 0 ? 0 : (long) (random.nextDouble() * 1_000_000_00L);
        if (random.nextBoolean()) {
            String payeeBank = random.nextBoolean() ? bank : "237";
            Party payee = new Party(name(36), document(), STREETS[random.nextInt(STREETS.length)], "Centro",
                    digits(8, 8), CITIES[random.nextInt(CITIES.length)], STATES[random.nextInt(STATES.length)]);
            return new Payment.Transfer(text("0123456789ABC", 1, 20), payee, payeeBank, digits(1, 5), digits(1, 1),
                    digits(1, 12), digits(1, 1), paymentDate, amount, Map.of());
        }
        String barcode = (random.nextBoolean() ? bank : "104") + digits(41, 41);
        return new Payment.Boleto(text("0123456789XYZ", 1, 20), barcode, name(34), document(),
                paymentDate.plusDays(random.nextInt(10)), amount + random.nextInt(1000), paymentDate, amount, Map.of());
    }

    private BigDecimal rate() {
        return BigDecimal.valueOf(1 + random.nextInt(9_999), 2);
    }

    String name(int maxLength) {
        String name = FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
        while (name.length() < maxLength && random.nextInt(3) > 0) {
            name = name + " " + LAST[random.nextInt(LAST.length)];
        }
        return name;
    }

    String document() {
        return random.nextBoolean() ? digits(11, 11) : digits(14, 14);
    }

    LocalDate date(int fromYear, int toYear) {
        return LocalDate.of(fromYear + random.nextInt(toYear - fromYear + 1), 1 + random.nextInt(12),
                1 + random.nextInt(28));
    }

    String digits(int min, int max) {
        return text("0123456789", min, max);
    }

    String text(String alphabet, int min, int max) {
        int length = min + random.nextInt(Math.max(1, max - min + 1));
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private long number(int digits) {
        long max = maximum(Math.min(digits, 9));
        return 1 + (long) (random.nextDouble() * (max - 1));
    }

    private static long maximum(int digits) {
        long max = 1;
        for (int i = 0; i < Math.min(digits, 18); i++) {
            max *= 10;
        }
        return max - 1;
    }
}
