package br.bankhistory.history.handler;

import br.bankhistory.cnab.Pix;
import br.bankhistory.cnab.StatementEntry;
import br.bankhistory.history.domain.CreditLink;
import br.bankhistory.history.domain.FileNames;
import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.domain.RemessaLifecycle;
import br.bankhistory.history.domain.Reconciliation;
import br.bankhistory.history.domain.StoredItem;
import br.bankhistory.history.query.FindItems;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON shapes of a file's items (docs/openapi.yaml): a title, a payment or an extrato entry, with its
 * reconciliation, Pix and credit link. Times are UTC ISO-8601, money in cents.
 */
final class ItemViews {

    private ItemViews() {
    }

    static Map<String, Object> item(StoredItem i, boolean freeForNewRemittance) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("seq", i.seq());
        v.put("line", i.line());
        v.put("segment", i.segment());
        v.put("ourNumber", i.ourNumber());
        v.put("yourNumber", i.yourNumber());
        v.put("counterpartName", i.counterpartName());
        v.put("counterpartDocument", i.counterpartDocument());
        v.put("dueDate", i.dueDate() == null ? null : i.dueDate().toString());
        v.put("amountCents", i.amountCents());
        v.put("paidCents", i.paidCents());
        v.put("feeCents", i.feeCents());
        v.put("occurrenceDate", i.occurrenceDate() == null ? null : i.occurrenceDate().toString());
        v.put("creditDate", i.creditDate() == null ? null : i.creditDate().toString());
        v.put("occurrenceCode", i.occurrenceCode());
        v.put("occurrenceText", i.occurrenceText());
        v.put("category", i.category());
        v.put("reasons", i.reasons());
        v.put("reconciliation", reconciliation(i.reconciliation()));
        v.put("answers", i.answers().stream().map(ItemViews::reconciliation).toList());
        v.put("freeForNewRemittance", freeForNewRemittance);
        v.put("entry", entry(i.entry()));
        v.put("pix", pix(i.pix()));
        v.put("credit", credit(i.credit()));
        return v;
    }

    static Map<String, Object> hit(FindItems.Hit hit) {
        IntegrationRecord r = hit.record().orElseThrow();
        Map<String, Object> v = item(hit.item(), RemessaLifecycle.freeForNewRemittance(r, hit.item()));
        v.put("integration", Map.of("id", r.id(), "fileName", FileNames.display(r.fileName()),
                "kind", r.kind().name(),
                "receivedAt", r.receivedAt().toString(), "bankCode", r.bankCode(), "status", r.status().name()));
        return v;
    }

    /** A boleto's Pix (txid, key type, key, the QR code's EMV "copia e cola"), or null when the file has none. */
    private static Map<String, Object> pix(Pix p) {
        if (p == null) {
            return null;
        }
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("txid", p.txid());
        v.put("keyType", p.keyType());
        v.put("key", p.key());
        v.put("emv", p.emv());
        return v;
    }

    /** A cobrança credit's link: an extrato entry's retornos, or the extrato entry a retorno's credit date is in. */
    private static Map<String, Object> credit(CreditLink c) {
        if (c == null) {
            return null;
        }
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("status", c.status().name());
        v.put("date", c.date().toString());
        v.put("amountCents", c.amountCents());
        v.put("with", c.with().stream().map(p -> {
            Map<String, Object> w = new LinkedHashMap<>();
            w.put("integrationId", p.recordId());
            w.put("fileName", FileNames.display(p.fileName()));
            w.put("seq", p.seq() == 0 ? null : p.seq());
            w.put("line", p.line() == 0 ? null : p.line());
            w.put("amountCents", p.amountCents());
            return w;
        }).toList());
        return v;
    }

    private static Map<String, Object> entry(StatementEntry e) {
        if (e == null) {
            return null;
        }
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("date", e.date() == null ? null : e.date().toString());
        v.put("accountingDate", e.accountingDate() == null ? null : e.accountingDate().toString());
        v.put("amountCents", e.amountCents());
        v.put("nature", e.credit() ? "CREDIT" : "DEBIT");
        v.put("category", e.categoryCode());
        v.put("categoryText", e.categoryText());
        v.put("historyCode", e.historyCode());
        v.put("historyText", e.historyText());
        v.put("documentNumber", e.documentNumber());
        return v;
    }

    private static Map<String, Object> reconciliation(Reconciliation r) {
        if (r == null) {
            return null;
        }
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("status", r.status().name());
        v.put("integrationId", r.recordId().isEmpty() ? null : r.recordId());
        v.put("fileName", r.fileName().isEmpty() ? null : FileNames.display(r.fileName()));
        v.put("seq", r.seq() == 0 ? null : r.seq());
        v.put("line", r.line() == 0 ? null : r.line());
        v.put("category", r.category().isEmpty() ? null : r.category());
        return v;
    }
}
