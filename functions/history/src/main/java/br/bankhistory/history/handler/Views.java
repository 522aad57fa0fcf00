package br.bankhistory.history.handler;

import br.bankhistory.cnab.Pix;
import br.bankhistory.cnab.StatementEntry;
import br.bankhistory.history.domain.CreditLink;
import br.bankhistory.history.domain.FileNames;
import br.bankhistory.history.domain.HeldFiles;
import br.bankhistory.history.command.CancelRemittance;
import br.bankhistory.history.command.GenerateRemittance;
import br.bankhistory.history.command.AccountSettings;
import br.bankhistory.history.domain.BankAccount;
import br.bankhistory.history.domain.Identity;
import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.domain.RemessaLifecycle;
import br.bankhistory.history.domain.Reconciliation;
import br.bankhistory.history.domain.RecordStatus;
import br.bankhistory.history.domain.StatusChange;
import br.bankhistory.history.domain.StoredItem;
import br.bankhistory.history.query.FindItems;
import br.bankhistory.history.query.GetIntegration;
import br.bankhistory.history.query.ListBanks;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The JSON shapes of the API (docs/openapi.yaml). Times are UTC ISO-8601, money in cents. */
final class Views {

    private Views() {
    }

    static Map<String, Object> summary(IntegrationRecord r) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", r.id());
        v.put("receivedAt", r.receivedAt().toString());
        v.put("generatedOn", r.generatedOn() == null ? null : r.generatedOn().toString());
        v.put("fileName", FileNames.display(r.fileName()));
        v.put("kind", r.kind().name());
        v.put("kindLabel", r.kind().label());
        v.put("direction", r.direction());
        v.put("service", r.service());
        v.put("layout", r.layout());
        v.put("bankCode", r.bankCode());
        v.put("bankName", r.bankName());
        v.put("agency", r.agency());
        v.put("account", r.account());
        v.put("agreement", r.agreement());
        v.put("sequenceNumber", r.sequenceNumber());
        v.put("itemCount", r.itemCount());
        v.put("totalAmountCents", r.totalAmountCents());
        v.put("totalPaidCents", r.totalPaidCents());
        v.put("status", r.status().name());
        v.put("statusLabel", r.status().label());
        v.put("origin", r.origin().name());
        v.put("userName", r.userName());
        v.put("findingCounts", r.findingCounts());
        v.put("duplicateOf", r.findings().stream()
                .filter(f -> f.code().equals("DUPLICATE_CONTENT") || f.code().equals("POSSIBLE_DUPLICATE"))
                .findFirst().map(f -> Map.of("id", f.field())).orElse(null));
        v.put("totals", r.byCategory());
        return v;
    }

    /** What the caller may decide on a held file (release, discard), and why not. */
    private static Map<String, Object> actions(IntegrationRecord r, Identity caller) {
        Optional<String> blocked = HeldFiles.decisionBlocked(r, caller);
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("allowed", blocked.isEmpty());
        action.put("reason", blocked.orElse(null));
        return Map.of("release", action, "discard", action);
    }

    static Map<String, Object> detail(GetIntegration.Detail d) {
        IntegrationRecord r = d.record();
        Map<String, Object> v = summary(r);
        v.put("sizeBytes", r.sizeBytes());
        v.put("sha256", r.sha256());
        v.put("layoutVersion", r.layoutVersion());
        v.put("companyName", r.companyName());
        v.put("companyDocument", r.companyDocument());
        v.put("findings", r.findings());
        v.put("statusHistory", d.history().stream().map(Views::change).toList());
        v.put("cancellable", d.cancelBlockedReason().isEmpty());
        v.put("cancelBlockedReason", d.cancelBlockedReason().orElse(null));
        v.put("cancelRequiresBankNotified", r.status() == RecordStatus.SENT);
        v.put("titlesFreeForNewRemittance", RemessaLifecycle.titlesFreed(r));
        v.put("actions", actions(r, d.caller()));
        v.put("approval", approvalFor(r, d.cannotDecideReason()));
        v.put("delivery", DeliveryViews.delivery(r));
        return v;
    }

    /** The approval as the caller sees it in the detail: whether they may decide on it now, and why not. */
    private static Map<String, Object> approvalFor(IntegrationRecord r, Optional<String> cannotDecideReason) {
        Map<String, Object> v = approval(r);
        if (v != null) {
            v.put("canDecide", cannotDecideReason.isEmpty());
            v.put("cannotDecideReason", cannotDecideReason.orElse(null));
        }
        return v;
    }

    /** A remessa's approval: what it needs and each decision; null for a record that needs none. */
    static Map<String, Object> approval(IntegrationRecord r) {
        br.bankhistory.history.domain.Approval a = r.approval();
        if (!a.needed()) {
            return null;
        }
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("required", a.required());
        v.put("rule", a.rule());
        v.put("approvals", a.approvals().stream().map(d -> Map.of("userId", d.userId(), "userName", d.userName(),
                "at", d.at().toString(), "reason", d.reason())).toList());
        v.put("rejection", a.rejection().map(d -> Map.of("userId", d.userId(), "userName", d.userName(),
                "at", d.at().toString(), "reason", d.reason())).orElse(null));
        return v;
    }

    static Map<String, Object> cancelled(CancelRemittance.Result result) {
        Map<String, Object> v = summary(result.record());
        v.put("effect", result.effect());
        v.put("releasedTitles", result.releasedTitles());
        return v;
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
        v.put("answers", i.answers().stream().map(Views::reconciliation).toList());
        v.put("freeForNewRemittance", freeForNewRemittance);
        v.put("entry", entry(i.entry()));
        v.put("pix", pix(i.pix()));
        v.put("credit", credit(i.credit()));
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

    /** A bank of the catalogue (GET /banks). */
    static Map<String, Object> bank(ListBanks.Bank bank) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("code", bank.code());
        v.put("name", bank.name());
        v.put("described", bank.described());
        v.put("reads", bank.reads().stream().map(k -> kind(k, true)).toList());
        v.put("writes", bank.writes().stream().map(k -> kind(k, false)).toList());
        v.put("pix", bank.pix().stream().map(Enum::name).toList());
        v.put("instructions", bank.instructions().stream().map(i -> Map.of("layout", i.layout().name(),
                "instruction", i.instruction().name(), "code", i.code())).toList());
        return v;
    }

    private static Map<String, Object> kind(ListBanks.Kind kind, boolean withDirection) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("layout", kind.layout().name());
        v.put("service", kind.service().name());
        if (withDirection) {
            v.put("direction", kind.direction().name());
        }
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

    private static Map<String, Object> change(StatusChange c) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("at", c.at().toString());
        v.put("from", c.from() == null ? null : c.from().name());
        v.put("to", c.to().name());
        v.put("byUserId", c.byUserId());
        v.put("byUserName", c.byUserName());
        v.put("reason", c.reason());
        return v;
    }

    static List<Map<String, Object>> accounts(List<AccountSettings.Registered> accounts) {
        return accounts.stream().map(r -> {
            BankAccount a = r.account();
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("bankCode", a.bankCode());
            v.put("agency", a.agency());
            v.put("account", a.account());
            v.put("agreement", a.agreement());
            v.put("companyDocument", a.companyDocument());
            v.put("transferConnectorId", a.transferConnectorId().isEmpty() ? null : a.transferConnectorId());
            v.put("remoteDirectory", a.remoteDirectory().isEmpty() ? null : a.remoteDirectory());
            v.put("nextSequenceNumber", r.nextSequenceNumber());
            return v;
        }).toList();
    }

    /** A row of the list: the summary, plus whether this caller may cancel it now and why not. */
    static Map<String, Object> row(IntegrationRecord r, Identity caller) {
        Map<String, Object> v = summary(r);
        Optional<String> blocked = RemessaLifecycle.cancelBlocked(r, caller);
        v.put("actions", actions(r, caller));
        v.put("cancellable", blocked.isEmpty());
        v.put("cancelBlockedReason", blocked.orElse(null));
        v.put("approval", approval(r));
        return v;
    }

    static List<Map<String, Object>> rows(List<IntegrationRecord> records, Identity caller) {
        return records.stream().map(r -> row(r, caller)).toList();
    }

    /** A remessa written under outbound/, before Ingest records it (POST /remittances, 202). */
    static Map<String, Object> remittance(GenerateRemittance.Generated g) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("key", g.key());
        view.put("fileName", g.fileName());
        view.put("sizeBytes", g.sizeBytes());
        view.put("sha256", g.sha256());
        view.put("service", g.service().name());
        view.put("layout", g.layout().name());
        view.put("bankCode", g.bankCode());
        view.put("sequenceNumber", g.sequenceNumber());
        view.put("itemCount", g.itemCount());
        view.put("totalAmountCents", g.totalAmountCents());
        view.put("sendAutomatically", g.sendAutomatically());
        view.put("recordStatus", g.recordStatus().name());
        view.put("recordUserName", g.recordUserName());
        view.put("historyLink", "/integrations?fileName="
                + URLEncoder.encode(g.fileName(), StandardCharsets.UTF_8).replace("+", "%20"));
        return view;
    }
}
