package br.bankhistory.cnab.cli;

import br.bankhistory.cnab.Amounts;
import br.bankhistory.cnab.CategoryTotal;
import br.bankhistory.cnab.CodeText;
import br.bankhistory.cnab.Completeness;
import br.bankhistory.cnab.FileHeader;
import br.bankhistory.cnab.FileSummary;
import br.bankhistory.cnab.Finding;
import br.bankhistory.cnab.Item;
import br.bankhistory.cnab.PaymentDetails;
import br.bankhistory.cnab.Pix;
import br.bankhistory.cnab.Severity;
import br.bankhistory.cnab.StatementEntry;
import br.bankhistory.cnab.text.PtBr;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

/** The inspect command's report as text for people: R$ amounts, dates dd/MM/yyyy, the pt-BR messages of the findings. */
final class TextReport implements InspectReport {

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
