package br.bankhistory.cnab.cli;

import br.bankhistory.cnab.Amounts;
import br.bankhistory.cnab.CategoryTotal;
import br.bankhistory.cnab.CodeText;
import br.bankhistory.cnab.FileHeader;
import br.bankhistory.cnab.FileSummary;
import br.bankhistory.cnab.Finding;
import br.bankhistory.cnab.Item;
import br.bankhistory.cnab.PaymentDetails;
import br.bankhistory.cnab.Pix;
import br.bankhistory.cnab.Severity;
import br.bankhistory.cnab.StatementEntry;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;

/** The inspect command's report as one JSON object: amounts in cents, dates ISO-8601, both messages of each finding. */
final class JsonReport implements InspectReport {

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
