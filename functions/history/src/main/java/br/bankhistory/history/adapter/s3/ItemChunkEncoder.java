package br.bankhistory.history.adapter.s3;

import br.bankhistory.cnab.CodeText;
import br.bankhistory.cnab.Item;
import br.bankhistory.cnab.PaymentDetails;
import br.bankhistory.cnab.Pix;
import br.bankhistory.cnab.StatementEntry;
import br.bankhistory.history.domain.StoredItem;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.OutputStream;

import static br.bankhistory.history.adapter.s3.CompactJson.date;
import static br.bankhistory.history.adapter.s3.CompactJson.text;
import static br.bankhistory.history.adapter.s3.CompactJson.texts;

/**
 * Writes the items of a chunk, streamed with Jackson's generator (no reflection, no per-item tree): one JSON
 * object per line, short property names, dates as ISO text, money as integer cents.
 */
final class ItemChunkEncoder {

    private ItemChunkEncoder() {
    }

    static JsonGenerator generator(OutputStream out) throws IOException {
        return CompactJson.FACTORY.createGenerator(out);
    }

    static void write(JsonGenerator g, StoredItem stored) throws IOException {
        Item i = stored.item();
        g.writeStartObject();
        g.writeNumberField("seq", stored.seq());
        g.writeNumberField("line", i.line());
        text(g, "fn", stored.fileName());
        text(g, "seg", i.segment());
        text(g, "on", i.ourNumber());
        text(g, "yn", i.yourNumber());
        text(g, "oc", i.occurrenceCode());
        text(g, "ot", i.occurrenceText());
        g.writeStringField("cat", i.category().name());
        texts(g, "rs", i.reasons());
        date(g, "due", i.dueDate());
        g.writeNumberField("amt", i.amountCents());
        g.writeNumberField("paid", i.paidCents());
        g.writeNumberField("fee", i.feeCents());
        date(g, "od", i.occurrenceDate());
        date(g, "cd", i.creditDate());
        text(g, "cn", i.counterpartName());
        text(g, "cdoc", i.counterpartDocument());
        long[] amounts = i.amounts().toArray();
        g.writeArrayFieldStart("am");
        for (long amount : amounts) {
            g.writeNumber(amount);
        }
        g.writeEndArray();
        if (i.payment() != null) {
            payment(g, i.payment());
        }
        if (i.pix() != null) {
            pix(g, i.pix());
        }
        if (i.entry() != null) {
            entry(g, i.entry());
        }
        if (i.partial()) {
            g.writeBooleanField("partial", true);
        }
        g.writeEndObject();
        g.writeRaw('\n');
    }

    private static void payment(JsonGenerator g, PaymentDetails p) throws IOException {
        g.writeObjectFieldStart("pay");
        text(g, "form", p.form() == null ? "" : p.form().name());
        text(g, "fc", p.formCode());
        text(g, "cno", p.companyNumber());
        text(g, "bno", p.bankNumber());
        date(g, "sd", p.scheduledDate());
        g.writeNumberField("sc", p.scheduledCents());
        date(g, "ed", p.effectiveDate());
        g.writeNumberField("ec", p.effectiveCents());
        text(g, "pdoc", p.payeeDocument());
        text(g, "pb", p.payeeBank());
        text(g, "pag", p.payeeAgency());
        text(g, "pac", p.payeeAccount());
        text(g, "auth", p.authentication());
        text(g, "bar", p.barcode());
        g.writeNumberField("int", p.interestCents());
        g.writeNumberField("fine", p.fineCents());
        g.writeNumberField("disc", p.discountCents());
        g.writeNumberField("reb", p.rebateCents());
        g.writeArrayFieldStart("occ");
        for (CodeText o : p.occurrences()) {
            g.writeStartArray();
            g.writeString(o.code());
            g.writeString(o.text());
            g.writeEndArray();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void pix(JsonGenerator g, Pix pix) throws IOException {
        g.writeObjectFieldStart("pix");
        text(g, "txid", pix.txid());
        text(g, "kt", pix.keyType());
        text(g, "key", pix.key());
        text(g, "emv", pix.emv());
        g.writeEndObject();
    }

    private static void entry(JsonGenerator g, StatementEntry e) throws IOException {
        g.writeObjectFieldStart("ent");
        date(g, "ad", e.accountingDate());
        date(g, "d", e.date());
        g.writeNumberField("amt", e.amountCents());
        g.writeBooleanField("cr", e.credit());
        text(g, "cc", e.categoryCode());
        text(g, "ct", e.categoryText());
        text(g, "hc", e.historyCode());
        text(g, "ht", e.historyText());
        text(g, "doc", e.documentNumber());
        g.writeEndObject();
    }
}
