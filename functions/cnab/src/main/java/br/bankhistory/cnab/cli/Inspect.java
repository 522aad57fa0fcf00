package br.bankhistory.cnab.cli;

import br.bankhistory.cnab.Amounts;
import br.bankhistory.cnab.CategoryTotal;
import br.bankhistory.cnab.CnabReadException;
import br.bankhistory.cnab.CnabReader;
import br.bankhistory.cnab.CodeText;
import br.bankhistory.cnab.Completeness;
import br.bankhistory.cnab.FileHeader;
import br.bankhistory.cnab.FileSummary;
import br.bankhistory.cnab.Finding;
import br.bankhistory.cnab.Item;
import br.bankhistory.cnab.ItemSink;
import br.bankhistory.cnab.PaymentDetails;
import br.bankhistory.cnab.Pix;
import br.bankhistory.cnab.ReadOptions;
import br.bankhistory.cnab.Severity;
import br.bankhistory.cnab.StatementEntry;
import br.bankhistory.cnab.text.PtBr;

import java.io.BufferedInputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

/**
 * {@code inspect FILE [--json] [--items] [--max-findings N]}: reads a CNAB file with the engine and prints
 * what it is (layout, bank, direction, service, layout version), its header, totals by category and by
 * occurrence code, the item count (and each item with {@code --items}) and the findings. Text for people,
 * one JSON object with {@code --json} (amounts in cents there, {@code R$ 1.234,56} in text).
 *
 * <p>Exit codes: 0 read with no ERROR finding; 1 read, with ERROR findings; 2 not readable as CNAB (not a
 * CNAB file, file missing or unreadable, bad arguments), with a message on stderr. Items are printed as
 * they are read: memory does not grow with the file.
 */
public final class Inspect {

    public static final int CLEAN = 0;
    public static final int FINDINGS_WITH_ERRORS = 1;
    public static final int NOT_CNAB = 2;

    static final String USAGE = "usage: inspect FILE [--json] [--items] [--max-findings N]";

    private Inspect() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        int code = run(args, out, err);
        out.flush();
        System.exit(code);
    }

    /** The whole command, in process: parses the arguments, reads the file, prints, returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("inspect: " + e.getMessage());
            err.println(USAGE);
            return NOT_CNAB;
        }
        if (options.help()) {
            out.println(USAGE);
            out.println("  exit codes: 0 clean, 1 findings with errors, 2 not CNAB / unreadable / usage error");
            return CLEAN;
        }
        Path file = Path.of(options.file());
        if (!Files.isRegularFile(file)) {
            err.println("inspect: file not found: " + options.file());
            return NOT_CNAB;
        }
        Report report = options.json() ? new JsonReport(out, file) : new TextReport(out, file);
        FileSummary summary;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            ItemSink sink = options.items() ? report::item : ItemSink.DISCARD;
            report.begin(options.items());
            summary = CnabReader.standard().read(in, sink, new ReadOptions(options.maxFindings()));
        } catch (NoSuchFileException e) {
            err.println("inspect: file not found: " + options.file());
            return NOT_CNAB;
        } catch (IOException | UncheckedIOException | CnabReadException e) {
            out.flush();
            err.println("inspect: cannot read " + options.file() + ": " + e.getMessage());
            return NOT_CNAB;
        }
        int code = !summary.classification().isCnab() ? NOT_CNAB
                : summary.errorCount() > 0 ? FINDINGS_WITH_ERRORS : CLEAN;
        report.end(summary, code);
        out.flush();
        if (code == NOT_CNAB) {
            String reason = summary.findings().stream().filter(f -> f.severity() == Severity.ERROR)
                    .map(Finding::messageEn).findFirst().orElse("not a CNAB file");
            err.println("inspect: " + options.file() + " is not a CNAB file: " + reason);
        }
        return code;
    }

    record Options(String file, boolean json, boolean items, int maxFindings, boolean help) {

        static Options parse(String[] args) {
            int i = 0;
            if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
                return new Options("", false, false, 0, true);
            }
            if (args.length == 0 || !args[0].equals("inspect")) {
                throw new IllegalArgumentException(args.length == 0 ? "no command" : "unknown command " + args[0]);
            }
            i++;
            String file = null;
            boolean json = false;
            boolean items = false;
            int maxFindings = ReadOptions.defaults().maxFindings();
            for (; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--json" -> json = true;
                    case "--items" -> items = true;
                    case "--help", "-h" -> {
                        return new Options("", false, false, 0, true);
                    }
                    case "--max-findings" -> {
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException("--max-findings needs a number");
                        }
                        try {
                            maxFindings = Integer.parseInt(args[++i]);
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException("--max-findings needs a number, not " + args[i]);
                        }
                        if (maxFindings < 0) {
                            throw new IllegalArgumentException("--max-findings cannot be negative");
                        }
                    }
                    default -> {
                        if (arg.startsWith("--")) {
                            throw new IllegalArgumentException("unknown option " + arg);
                        }
                        if (file != null) {
                            throw new IllegalArgumentException("one file only (got " + file + " and " + arg + ")");
                        }
                        file = arg;
                    }
                }
            }
            if (file == null) {
                throw new IllegalArgumentException("no file");
            }
            return new Options(file, json, items, maxFindings, false);
        }
    }

    /** What a report does as the read goes: a beginning, each item (with --items), the summary at the end. */
    interface Report {
        void begin(boolean withItems);

        void item(Item item);

        void end(FileSummary summary, int exitCode);
    }

    /** Text for people: R$ amounts, dates dd/MM/yyyy, the pt-BR messages of the findings. */
    static final class TextReport implements Report {

        private final PrintStream out;
        private final Path file;

        TextReport(PrintStream out, Path file) {
            this.out = out;
            this.file = file;
        }

        @Override
        public void begin(boolean withItems) {
            out.println("File: " + file);
            if (withItems) {
                out.println();
                out.println("Items (line, segment, our number, your number, occurrence, category, due, amount,"
                        + " paid, fee, counterpart):");
            }
        }

        @Override
        public void item(Item item) {
            out.println("  " + item.line() + "  " + item.segment() + "  " + blankAsDash(item.ourNumber()) + "  "
                    + blankAsDash(item.yourNumber()) + "  " + item.occurrenceCode() + " " + item.category() + "  "
                    + day(item.dueDate()) + "  " + PtBr.money(item.amountCents()) + "  "
                    + PtBr.money(item.paidCents()) + "  " + PtBr.money(item.feeCents()) + "  "
                    + blankAsDash(item.counterpartName()) + (item.partial() ? "  (PARTIAL: cut record, not counted)" : ""));
            if (!item.reasons().isEmpty()) {
                out.println("      reasons: " + String.join("; ", item.reasons()));
            }
            String amounts = amounts(item.amounts());
            if (!amounts.isEmpty() && item.payment() == null && item.entry() == null) {
                out.println("      amounts: " + amounts);
            }
            PaymentDetails p = item.payment();
            if (p != null) {
                out.println("      payment: " + PtBr.paymentForm(p.form()) + " (" + blankAsDash(p.formCode()) + ")"
                        + "  company number " + blankAsDash(p.companyNumber()) + "  bank number "
                        + blankAsDash(p.bankNumber()) + "  scheduled " + day(p.scheduledDate()) + " "
                        + PtBr.money(p.scheduledCents()) + "  effected " + day(p.effectiveDate()) + " "
                        + PtBr.money(p.effectiveCents()));
                out.println("      payee: " + blankAsDash(PtBr.document(p.payeeDocument())) + "  bank "
                        + blankAsDash(p.payeeBank()) + "  agency " + blankAsDash(p.payeeAgency()) + "  account "
                        + blankAsDash(p.payeeAccount()) + (p.barcode().isEmpty() ? "" : "  barcode " + p.barcode())
                        + (p.authentication().isEmpty() ? "" : "  authentication " + p.authentication()));
                if (!p.occurrences().isEmpty()) {
                    out.println("      occurrences: " + String.join("; ",
                            p.occurrences().stream().map(CodeText::toString).toList()));
                }
            }
            StatementEntry e = item.entry();
            if (e != null) {
                out.println("      entry: " + (e.credit() ? "C" : "D") + " " + day(e.date()) + " "
                        + PtBr.money(e.amountCents()) + "  category " + e.categoryCode() + " "
                        + blankAsDash(e.categoryText()) + "  history " + blankAsDash(e.historyCode()) + " "
                        + blankAsDash(e.historyText()) + "  document " + blankAsDash(e.documentNumber()));
            }
            Pix pix = item.pix();
            if (pix != null) {
                out.println("      pix: txid " + blankAsDash(pix.txid()) + "  key " + blankAsDash(pix.keyType()) + " "
                        + blankAsDash(pix.key()) + (pix.emv().isEmpty() ? "" : "  emv " + pix.emv()));
            }
        }

        /** The non-zero amounts by meaning, e.g. "net R$ 47,67, juros R$ 1,02". */
        private static String amounts(Amounts a) {
            StringBuilder out = new StringBuilder();
            String[] names = {"title", "paid", "net", "fee", "juros", "multa", "desconto", "abatimento", "IOF",
                    "other credits", "other debits"};
            long[] values = a.toArray();
            for (int i = 0; i < values.length; i++) {
                if (values[i] != 0) {
                    out.append(out.isEmpty() ? "" : ", ").append(names[i]).append(' ').append(PtBr.money(values[i]));
                }
            }
            return out.toString();
        }

        @Override
        public void end(FileSummary summary, int exitCode) {
            var c = summary.classification();
            out.println();
            out.println("Layout:       " + c.layout());
            out.println("Bank:         " + (c.bankCode().isEmpty() ? "-" : c.bankCode() + " " + c.bankName()));
            out.println("Direction:    " + c.direction());
            out.println("Service:      " + c.service());
            out.println("Version:      " + (c.layoutVersion().isEmpty() ? "-" : c.layoutVersion()));
            FileHeader h = summary.header();
            out.println("Company:      " + blankAsDash(h.companyName()) + " (" + blankAsDash(h.companyDocument())
                    + ")");
            out.println("Agency:       " + blankAsDash(h.agency()) + "   Account: " + blankAsDash(h.account())
                    + "   Agreement: " + blankAsDash(h.agreement()));
            out.println("File number:  " + h.sequenceNumber() + "   Generated on: " + day(h.generatedOn()));
            out.println("Lines:        " + summary.lineCount());
            out.println("Items:        " + summary.itemCount() + "   total " + PtBr.money(summary.totalAmountCents())
                    + "   paid " + PtBr.money(summary.totalPaidCents()));
            Completeness completeness = summary.completeness();
            out.println("Complete:     " + (completeness.complete() ? "yes" : "NO: " + String.join(", ",
                    completeness.reasons().stream().map(Finding::code).distinct().toList())));
            if (!summary.byCategory().isEmpty()) {
                out.println();
                out.println("By category:");
                summary.byCategory().forEach((category, total) -> {
                    out.println(totalLine(category.name(), total));
                    String amounts = amounts(total.amounts());
                    if (!amounts.isEmpty()) {
                        out.println("      " + amounts);
                    }
                });
            }
            if (!summary.byOccurrence().isEmpty()) {
                out.println();
                out.println("By occurrence code:");
                summary.byOccurrence().forEach((code, total) -> out.println(totalLine(code, total)));
            }
            out.println();
            Map<Severity, Long> counts = summary.findingCounts();
            out.println("Findings:     " + counts.getOrDefault(Severity.ERROR, 0L) + " error(s), "
                    + counts.getOrDefault(Severity.WARNING, 0L) + " warning(s), "
                    + counts.getOrDefault(Severity.INFO, 0L) + " info");
            for (Finding f : summary.findings()) {
                out.println("  " + f.severity() + "  line " + f.line() + ", column " + f.column() + "  " + f.code()
                        + (f.field().isEmpty() ? "" : " [" + f.field() + "]") + "  " + f.messagePt());
            }
            out.println();
            out.println("Exit code:    " + exitCode);
        }

        private static String totalLine(String key, CategoryTotal total) {
            return String.format("  %-22s %8d   amount %s   paid %s   fee %s", key, total.count(),
                    PtBr.money(total.amountCents()), PtBr.money(total.paidCents()), PtBr.money(total.feeCents()));
        }

        private static String blankAsDash(String text) {
            return text == null || text.isEmpty() ? "-" : text;
        }

        private static String day(LocalDate date) {
            return date == null ? "-" : PtBr.date(date);
        }
    }

    /** One JSON object; amounts in cents, dates ISO-8601, both messages of each finding. */
    static final class JsonReport implements Report {

        private final PrintStream out;
        private final Json json;
        private final Path file;
        private boolean withItems;

        JsonReport(PrintStream out, Path file) {
            this.out = out;
            this.json = new Json(out);
            this.file = file;
        }

        @Override
        public void begin(boolean items) {
            withItems = items;
            json.beginObject().field("file", file.toString());
            if (items) {
                json.name("items").beginArray();
            }
        }

        @Override
        public void item(Item item) {
            json.beginObject()
                    .field("line", item.line())
                    .field("segment", item.segment())
                    .field("ourNumber", item.ourNumber())
                    .field("yourNumber", item.yourNumber())
                    .field("occurrenceCode", item.occurrenceCode())
                    .field("occurrenceText", item.occurrenceText())
                    .field("category", item.category().name());
            json.name("reasons").beginArray();
            item.reasons().forEach(json::value);
            json.endArray()
                    .field("dueDate", iso(item.dueDate()))
                    .field("amountCents", item.amountCents())
                    .field("paidCents", item.paidCents())
                    .field("feeCents", item.feeCents())
                    .field("occurrenceDate", iso(item.occurrenceDate()))
                    .field("creditDate", iso(item.creditDate()))
                    .field("counterpartName", item.counterpartName())
                    .field("counterpartDocument", item.counterpartDocument());
            json.name("partial").value(item.partial());
            amounts(item.amounts());
            PaymentDetails p = item.payment();
            if (p != null) {
                json.name("payment").beginObject()
                        .field("form", p.form().name())
                        .field("formCode", p.formCode())
                        .field("companyNumber", p.companyNumber())
                        .field("bankNumber", p.bankNumber())
                        .field("scheduledDate", iso(p.scheduledDate()))
                        .field("scheduledCents", p.scheduledCents())
                        .field("effectiveDate", iso(p.effectiveDate()))
                        .field("effectiveCents", p.effectiveCents())
                        .field("payeeDocument", p.payeeDocument())
                        .field("payeeBank", p.payeeBank())
                        .field("payeeAgency", p.payeeAgency())
                        .field("payeeAccount", p.payeeAccount())
                        .field("authentication", p.authentication())
                        .field("barcode", p.barcode())
                        .field("interestCents", p.interestCents())
                        .field("fineCents", p.fineCents())
                        .field("discountCents", p.discountCents())
                        .field("rebateCents", p.rebateCents());
                json.name("occurrences").beginArray();
                for (CodeText code : p.occurrences()) {
                    json.beginObject().field("code", code.code()).field("text", code.text()).endObject();
                }
                json.endArray().endObject();
            }
            StatementEntry e = item.entry();
            if (e != null) {
                json.name("entry").beginObject()
                        .field("accountingDate", iso(e.accountingDate()))
                        .field("date", iso(e.date()))
                        .field("amountCents", e.amountCents())
                        .field("type", e.credit() ? "C" : "D")
                        .field("categoryCode", e.categoryCode())
                        .field("categoryText", e.categoryText())
                        .field("historyCode", e.historyCode())
                        .field("historyText", e.historyText())
                        .field("documentNumber", e.documentNumber())
                        .endObject();
            }
            Pix pix = item.pix();
            if (pix != null) {
                json.name("pix").beginObject().field("txid", pix.txid()).field("keyType", pix.keyType())
                        .field("key", pix.key()).field("emv", pix.emv()).endObject();
            }
            json.endObject();
        }

        private void amounts(Amounts a) {
            json.name("amounts").beginObject()
                    .field("titleCents", a.titleCents())
                    .field("paidCents", a.paidCents())
                    .field("netCreditedCents", a.netCreditedCents())
                    .field("feeCents", a.feeCents())
                    .field("interestCents", a.interestCents())
                    .field("fineCents", a.fineCents())
                    .field("discountCents", a.discountCents())
                    .field("rebateCents", a.rebateCents())
                    .field("iofCents", a.iofCents())
                    .field("otherCreditsCents", a.otherCreditsCents())
                    .field("otherDebitsCents", a.otherDebitsCents())
                    .endObject();
        }

        @Override
        public void end(FileSummary summary, int exitCode) {
            if (withItems) {
                json.endArray();
            }
            var c = summary.classification();
            json.name("classification").beginObject()
                    .field("layout", c.layout().name())
                    .field("bankCode", c.bankCode())
                    .field("bankName", c.bankName())
                    .field("direction", c.direction().name())
                    .field("service", c.service().name())
                    .field("layoutVersion", c.layoutVersion())
                    .endObject();
            FileHeader h = summary.header();
            json.name("header").beginObject()
                    .field("companyName", h.companyName())
                    .field("companyDocument", h.companyDocument())
                    .field("agency", h.agency())
                    .field("account", h.account())
                    .field("agreement", h.agreement())
                    .field("sequenceNumber", h.sequenceNumber())
                    .field("generatedOn", iso(h.generatedOn()))
                    .endObject();
            json.field("lineCount", summary.lineCount())
                    .field("itemCount", summary.itemCount())
                    .field("totalAmountCents", summary.totalAmountCents())
                    .field("totalPaidCents", summary.totalPaidCents());
            json.name("completeness").beginObject().name("complete").value(summary.completeness().complete());
            json.name("reasons").beginArray();
            for (Finding f : summary.completeness().reasons()) {
                json.beginObject().field("code", f.code()).field("line", f.line()).field("messagePt", f.messagePt())
                        .field("messageEn", f.messageEn()).endObject();
            }
            json.endArray().endObject();
            json.name("byCategory").beginObject();
            summary.byCategory().forEach((category, total) -> total(category.name(), total));
            json.endObject();
            json.name("byOccurrence").beginObject();
            summary.byOccurrence().forEach(this::total);
            json.endObject();
            json.name("findingCounts").beginObject();
            for (Severity severity : Severity.values()) {
                json.field(severity.name(), summary.findingCounts().getOrDefault(severity, 0L));
            }
            json.endObject();
            json.name("findings").beginArray();
            for (Finding f : summary.findings()) {
                json.beginObject()
                        .field("severity", f.severity().name())
                        .field("line", f.line())
                        .field("column", f.column())
                        .field("code", f.code())
                        .field("field", f.field())
                        .field("messagePt", f.messagePt())
                        .field("messageEn", f.messageEn())
                        .endObject();
            }
            json.endArray();
            json.field("exitCode", exitCode);
            json.endObject();
            out.println();
        }

        private void total(String key, CategoryTotal total) {
            json.name(key).beginObject()
                    .field("count", total.count())
                    .field("amountCents", total.amountCents())
                    .field("paidCents", total.paidCents())
                    .field("feeCents", total.feeCents());
            amounts(total.amounts());
            json.endObject();
        }

        private static String iso(LocalDate date) {
            return date == null ? null : date.toString();
        }
    }
}
