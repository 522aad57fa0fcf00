package br.bankhistory.history.handler;

import br.bankhistory.history.domain.FileNames;
import br.bankhistory.history.domain.HeldFiles;
import br.bankhistory.history.command.CancelRemittance;
import br.bankhistory.history.command.GenerateRemittance;
import br.bankhistory.history.domain.Identity;
import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.domain.RemessaLifecycle;
import br.bankhistory.history.domain.StatusChange;
import br.bankhistory.history.query.GetIntegration;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON shapes of a record (docs/openapi.yaml): summary, row, detail, the remessa written. Times are UTC
 * ISO-8601, money in cents.
 */
final class RecordViews {

    private RecordViews() {
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

    /** A row of the list: the summary, plus whether this caller may cancel it now and why not. */
    static Map<String, Object> row(IntegrationRecord r, Identity caller) {
        Map<String, Object> v = summary(r);
        v.put("actions", actions(r, caller));
        putCancel(v, RemessaLifecycle.cancelBlocked(r, caller));
        v.put("approval", approval(r));
        return v;
    }

    static List<Map<String, Object>> rows(List<IntegrationRecord> records, Identity caller) {
        return records.stream().map(r -> row(r, caller)).toList();
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
        v.put("statusHistory", d.history().stream().map(RecordViews::change).toList());
        putCancel(v, d.cancelBlockedReason());
        v.put("cancelRequiresBankNotified", RemessaLifecycle.cancelNeedsBankNotified(r));
        v.put("titlesFreeForNewRemittance", RemessaLifecycle.titlesFreed(r));
        v.put("actions", actions(r, d.caller()));
        v.put("approval", approvalFor(r, d.cannotDecideReason()));
        v.put("delivery", DeliveryViews.delivery(r));
        return v;
    }

    /** Whether the caller may cancel the record now, and why not ({@link RemessaLifecycle#cancelBlocked}). */
    private static void putCancel(Map<String, Object> v, Optional<String> blocked) {
        v.put("cancellable", blocked.isEmpty());
        v.put("cancelBlockedReason", blocked.orElse(null));
    }

    /** What the caller may decide on a held file (release, discard), and why not. */
    private static Map<String, Object> actions(IntegrationRecord r, Identity caller) {
        Optional<String> blocked = HeldFiles.decisionBlocked(r, caller);
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("allowed", blocked.isEmpty());
        action.put("reason", blocked.orElse(null));
        return Map.of("release", action, "discard", action);
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
