package br.bankhistory.cnab.write;

import br.bankhistory.cnab.Category;
import br.bankhistory.cnab.CnabReader;
import br.bankhistory.cnab.Direction;
import br.bankhistory.cnab.FileSummary;
import br.bankhistory.cnab.Item;
import br.bankhistory.cnab.Layout;
import br.bankhistory.cnab.ReadOptions;
import br.bankhistory.cnab.Service;
import br.bankhistory.cnab.layout.FieldSpec;
import br.bankhistory.cnab.layout.FieldType;
import br.bankhistory.cnab.layout.LayoutCatalog;
import br.bankhistory.cnab.layout.RecordLayout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property tests, plain JUnit with a seeded {@link java.util.Random} (the seed and the failing case are in
 * the assertion message): for every bank and layout the writer supports, random remessas are written,
 * read back by the engine's reader and checked against their input. The reader must give the same
 * classification, one item per input with the same fields, no finding at all (so the trailer counts and
 * sums it checks agree), and every field the input set must read back, field by field through the
 * layout data, as the input after normalisation (uppercase, no accents, free text cut to its field).
 */
class RemessaRoundTripTest {

    private static final long SEED = 20_240_611L;
    private static final int FILES = 60;

    private static final List<String> RECORDS_240 = List.of("file-header", "lote-header-cobranca", "segment-P",
            "segment-Q", "segment-R", "lote-trailer-cobranca", "file-trailer");
    private static final List<String> RECORDS_400 = List.of("header-remessa", "detail-remessa", "detail-remessa-2",
            "detail-remessa-3", "detail-remessa-8", "trailer-remessa");
    private static final List<String> RECORDS_PAGAMENTO = List.of("file-header", "lote-header-pagamento",
            "segment-A", "segment-B", "segment-J", "segment-J52", "lote-trailer-pagamento", "file-trailer");

    /** Every bank the catalogue says the 240 cobrança writer produces: a bank added there joins this test. */
    static List<String> cobranca240Banks() {
        return br.bankhistory.cnab.bank.BankCatalog.standard().writing(Layout.CNAB240, Service.COBRANCA);
    }

    @ParameterizedTest(name = "cobrança 240 {0}")
    @MethodSource("cobranca240Banks")
    void cobranca240(String bank) throws IOException {
        for (int file = 0; file < FILES; file++) {
            long seed = SEED + bank.hashCode() * 1_000L + file;
            RemessaGenerator generate = new RemessaGenerator(seed, LayoutCatalog.CNAB240, bank, RECORDS_240);
            RemessaHeader header = generate.header();
            List<CobrancaTitle> titles = new ArrayList<>();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (Cobranca240Writer writer = RemessaWriter.cobranca240(out, header)) {
                int count = file % 10 == 1 ? 1 : 1 + generate.random.nextInt(file % 10 == 0 ? 400 : 25);
                for (int i = 0; i < count; i++) {
                    if (i > 0 && generate.random.nextInt(12) == 0) {
                        writer.newLote();
                    }
                    CobrancaTitle title = file % 10 == 1 ? generate.maximalTitle() : generate.title();
                    titles.add(title);
                    writer.add(title);
                }
            }
            checkCobranca(LayoutCatalog.CNAB240, bank, seed, header, titles, out.toByteArray());
        }
    }

    @ParameterizedTest(name = "cobrança 400 {0}")
    @ValueSource(strings = {"001", "033", "104", "237", "341", "748", "756"})
    void cobranca400(String bank) throws IOException {
        for (int file = 0; file < FILES; file++) {
            long seed = SEED + bank.hashCode() * 1_000L + 500 + file;
            RemessaGenerator generate = new RemessaGenerator(seed, LayoutCatalog.CNAB400, bank, RECORDS_400);
            RemessaHeader header = generate.header();
            List<CobrancaTitle> titles = new ArrayList<>();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (Cobranca400Writer writer = RemessaWriter.cobranca400(out, header)) {
                int count = file % 10 == 1 ? 1 : 1 + generate.random.nextInt(file % 10 == 0 ? 400 : 25);
                for (int i = 0; i < count; i++) {
                    CobrancaTitle title = file % 10 == 1 ? generate.maximalTitle() : generate.title();
                    titles.add(title);
                    writer.add(title);
                }
            }
            checkCobranca(LayoutCatalog.CNAB400, bank, seed, header, titles, out.toByteArray());
        }
    }

    static List<String> pagamento240Banks() {
        return br.bankhistory.cnab.bank.BankCatalog.standard().writing(Layout.CNAB240, Service.PAGAMENTO);
    }

    @ParameterizedTest(name = "pagamento 240 {0}")
    @MethodSource("pagamento240Banks")
    void pagamento240(String bank) throws IOException {
        for (int file = 0; file < FILES; file++) {
            long seed = SEED + bank.hashCode() * 1_000L + 900 + file;
            RemessaGenerator generate = new RemessaGenerator(seed, LayoutCatalog.CNAB240, bank, RECORDS_PAGAMENTO);
            RemessaHeader header = generate.header();
            List<Payment> payments = new ArrayList<>();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (Pagamento240Writer writer = RemessaWriter.pagamento240(out, header)) {
                int count = 1 + generate.random.nextInt(file % 10 == 0 ? 300 : 25);
                for (int i = 0; i < count; i++) {
                    Payment payment = generate.payment();
                    payments.add(payment);
                    writer.add(payment);
                }
            }
            checkPagamento(bank, seed, header, payments, out.toByteArray());
        }
    }

    // ---- checks ------------------------------------------------------------------------------

    private static void checkCobranca(String family, String bank, long seed, RemessaHeader header,
                                      List<CobrancaTitle> titles, byte[] file) throws IOException {
        String context = "seed " + seed + ", bank " + bank + " " + family + ", " + titles.size() + " titles";
        List<Item> items = new ArrayList<>();
        FileSummary summary = CnabReader.standard().read(new ByteArrayInputStream(file), items::add,
                new ReadOptions(1000));
        assertThat(summary.classification().layout()).as(context)
                .isEqualTo(family.equals(LayoutCatalog.CNAB240) ? Layout.CNAB240 : Layout.CNAB400);
        assertThat(summary.classification().direction()).as(context).isEqualTo(Direction.REMESSA);
        assertThat(summary.classification().service()).as(context).isEqualTo(Service.COBRANCA);
        assertThat(summary.classification().bankCode()).as(context).isEqualTo(bank);
        assertThat(summary.findings()).as(context + firstLines(file)).isEmpty();
        assertThat(items).as(context).hasSize(titles.size());
        assertThat(summary.totalAmountCents()).as(context)
                .isEqualTo(titles.stream().mapToLong(CobrancaTitle::amountCents).sum());
        assertThat(new String(file, StandardCharsets.ISO_8859_1)).as(context).endsWith("\r\n");

        String detail = family.equals(LayoutCatalog.CNAB240) ? "segment-P" : "detail-remessa";
        RecordLayout detailLayout = LayoutCatalog.standard().record(family, bank, detail);
        RecordLayout payerLayout = family.equals(LayoutCatalog.CNAB240)
                ? LayoutCatalog.standard().record(family, bank, "segment-Q") : detailLayout;
        for (int i = 0; i < titles.size(); i++) {
            CobrancaTitle title = titles.get(i);
            Item item = items.get(i);
            String at = context + ", title " + i + ": " + title;
            // a boleto with Pix is entered under the bank's own code where it has one (Itaú 400: 71)
            assertThat(item.occurrenceCode()).as(at).isEqualTo(title.occurrenceCode(family, bank));
            assertThat(item.category()).as(at).isEqualTo(title.instruction().category());
            assertThat(item.ourNumber()).as(at).isEqualTo(printed(detailLayout, "our_number", title.ourNumber()));
            assertThat(item.yourNumber()).as(at)
                    .isEqualTo(printed(detailLayout, "document_number", title.yourNumber()));
            assertThat(item.dueDate()).as(at).isEqualTo(title.dueDate());
            assertThat(item.amountCents()).as(at).isEqualTo(title.amountCents());
            if (title.hasPix()) {
                // Pix keys and txids are case-sensitive: written and read back exactly, only the fields the
                // bank's Pix record has (Itaú's record 3: the key alone)
                Map<String, String> pix = title.extraFields();
                assertThat(item.pix()).as(at).isEqualTo(new br.bankhistory.cnab.Pix(pix.getOrDefault("pix_txid", ""),
                        pix.getOrDefault("pix_key_type", ""), pix.getOrDefault("pix_key", ""), ""));
            } else {
                assertThat(item.pix()).as(at).isNull();
            }
            if (payerLayout.find("payer_name").isPresent()) {
                assertThat(item.counterpartName()).as(at)
                        .isEqualTo(printed(payerLayout, "payer_name", title.payer().name()));
            }
            if (payerLayout.find("payer_document").isPresent()) {
                assertThat(item.counterpartDocument()).as(at).isEqualTo(printed(payerLayout, "payer_document",
                        CnabText.digits(title.payer().document())));
            }
        }
        checkFields(file, Values.of(header), header.extraFields(), titles.stream()
                .map(title -> Values.of(title, family, bank)).toList(), family, context);
    }

    private static void checkPagamento(String bank, long seed, RemessaHeader header, List<Payment> payments,
                                       byte[] file) {
        String context = "seed " + seed + ", bank " + bank + " pagamento 240, " + payments.size() + " payments";
        List<Item> items = new ArrayList<>();
        FileSummary summary = CnabReader.standard().read(new ByteArrayInputStream(file), items::add,
                new ReadOptions(1000));
        assertThat(summary.classification().layout()).as(context).isEqualTo(Layout.CNAB240);
        assertThat(summary.classification().direction()).as(context).isEqualTo(Direction.REMESSA);
        assertThat(summary.classification().service()).as(context).isEqualTo(Service.PAGAMENTO);
        assertThat(summary.findings()).as(context + firstLines(file)).isEmpty();
        assertThat(items).as(context).hasSize(payments.size());
        assertThat(summary.totalAmountCents()).as(context)
                .isEqualTo(payments.stream().mapToLong(Payment::amountCents).sum());
        LayoutCatalog layouts = LayoutCatalog.standard();
        for (int i = 0; i < payments.size(); i++) {
            Payment payment = payments.get(i);
            Item item = items.get(i);
            String at = context + ", payment " + i + ": " + payment;
            assertThat(item.category()).as(at).isEqualTo(Category.INSTRUCTION_PAYMENT);
            assertThat(item.amountCents()).as(at).isEqualTo(payment.amountCents());
            if (payment instanceof Payment.Transfer transfer) {
                RecordLayout a = layouts.record(LayoutCatalog.CNAB240, bank, "segment-A");
                RecordLayout b = layouts.record(LayoutCatalog.CNAB240, bank, "segment-B");
                assertThat(item.segment()).as(at).isEqualTo("A");
                assertThat(item.yourNumber()).as(at).isEqualTo(printed(a, "your_number", transfer.yourNumber()));
                assertThat(item.payment().companyNumber()).as(at).isEqualTo(item.yourNumber());
                assertThat(item.payment().payeeBank()).as(at)
                        .isEqualTo(printed(a, "payee_bank", transfer.bankCode()));
                assertThat(item.dueDate()).as(at).isEqualTo(transfer.paymentDate());
                assertThat(item.counterpartName()).as(at).isEqualTo(printed(a, "payee_name", transfer.payee().name()));
                assertThat(item.counterpartDocument()).as(at)
                        .isEqualTo(printed(b, "payee_document", CnabText.digits(transfer.payee().document())));
            } else if (payment instanceof Payment.Boleto boleto) {
                RecordLayout j = layouts.record(LayoutCatalog.CNAB240, bank, "segment-J");
                RecordLayout j52 = layouts.record(LayoutCatalog.CNAB240, bank, "segment-J52");
                assertThat(item.segment()).as(at).isEqualTo("J");
                assertThat(item.yourNumber()).as(at).isEqualTo(printed(j, "your_number", boleto.yourNumber()));
                assertThat(item.payment().companyNumber()).as(at).isEqualTo(item.yourNumber());
                assertThat(item.payment().barcode()).as(at).isEqualTo(printed(j, "barcode", boleto.barcode()));
                assertThat(item.dueDate()).as(at).isEqualTo(boleto.dueDate());
                assertThat(item.occurrenceDate()).as(at).isEqualTo(boleto.paymentDate());
                assertThat(item.counterpartName()).as(at)
                        .isEqualTo(printed(j, "beneficiary_name", boleto.beneficiaryName()));
                assertThat(item.counterpartDocument()).as(at).isEqualTo(printed(j52, "beneficiary_document",
                        CnabText.digits(boleto.beneficiaryDocument())));
            }
        }
    }

    /**
     * Every record read back field by field: each field the header or the item set holds what was written
     * (the item's value where both have one).
     */
    private static void checkFields(byte[] file, Map<String, Object> headerValues, Map<String, String> headerExtras,
                                    List<Map<String, Object>> itemValues, String family, String context)
            throws IOException {
        int[] item = {-1};
        RecordCopy.standard().forEachRecord(new ByteArrayInputStream(file), (line, layout, values) -> {
            String name = layout.name();
            if (name.endsWith("segment-P") || name.endsWith("detail-remessa")) {
                item[0]++;
            }
            boolean detail = name.contains("segment-") || name.contains("detail-remessa");
            Map<String, Object> expected = new HashMap<>(headerValues);
            expected.putAll(headerExtras);
            if (detail) {
                expected.putAll(itemValues.get(item[0]));
            }
            for (FieldSpec field : layout.fields()) {
                Object want = expected.get(field.name());
                if (want == null || layout.isBlankOnWrite(field.name()) || !values.containsKey(field.name())) {
                    continue;
                }
                assertThat(values.get(field.name())).as(context + ", line " + line + " " + name + " " + field.name())
                        .isEqualTo(readBack(layout, field, want));
            }
        });
    }

    /** What the reader's {@code text()} gives for a value written to a field: as printed, trimmed. */
    private static String printed(RecordLayout layout, String fieldName, String value) {
        FieldSpec field = layout.field(fieldName);
        String text = CnabText.normalise(value.strip());
        if (field.type() == FieldType.NUMERIC) {
            return "0".repeat(Math.max(0, field.length() - text.length())) + text;
        }
        if (text.length() > field.length()) {
            text = text.substring(0, field.length());
        }
        return text.strip();
    }

    /** The value {@link RecordFields} reads from a field written with {@code value}. */
    private static Object readBack(RecordLayout layout, FieldSpec field, Object value) {
        if (field.type() == FieldType.ALPHANUMERIC) {
            String text = CnabText.normalise(value.toString().strip());
            if (text.length() > field.length()) {
                text = text.substring(0, field.length());
            }
            return text.stripTrailing();
        }
        if (value instanceof LocalDate date) {
            return date;
        }
        if (value instanceof LocalTime time) {
            String digits = String.format("%02d%02d%02d", time.getHour(), time.getMinute(), time.getSecond());
            return Long.parseLong(field.length() == 4 ? digits.substring(0, 4) : digits);
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.setScale(field.decimals()).unscaledValue().longValueExact();
        }
        if (value instanceof Number number) {
            return field.length() <= 18 ? (Object) number.longValue() : BigInteger.valueOf(number.longValue());
        }
        String digits = CnabText.digits(value.toString());
        return field.length() <= 18 ? (Object) Long.parseLong(digits) : new BigInteger(digits);
    }

    private static String firstLines(byte[] file) {
        String text = new String(file, StandardCharsets.ISO_8859_1);
        return "\n" + text.substring(0, Math.min(text.length(), 2000));
    }
}
