package br.bankhistory.history.ingest;

import br.bankhistory.cnab.Severity;
import br.bankhistory.history.domain.FileKind;
import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.domain.OurNumbers;
import br.bankhistory.history.domain.StoredFinding;
import br.bankhistory.history.domain.StoredItem;
import br.bankhistory.history.port.ItemReader;
import br.bankhistory.history.port.ItemStore;
import br.bankhistory.history.statement.PtBrFormat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a file held as a possible duplicate changes against the first one, title by title (by nosso número;
 * payments by seu número): titles added, titles missing, titles whose occurrence, amounts or dates differ.
 * Each difference is a finding (the first ones; all counted in a summary finding), so the admin who releases
 * or discards the file sees why.
 */
final class TitleDifferences {

    /** Titles compared per file; beyond, the summary says the rest was not compared. */
    static final int MAX_COMPARED = 20_000;
    static final int MAX_LISTED = 20;
    private static final int PAGE = 500;

    private final ItemStore items;

    TitleDifferences(ItemStore items) {
        this.items = items;
    }

    List<StoredFinding> between(IntegrationRecord first, IntegrationRecord second) {
        boolean payments = second.kind() == FileKind.REMESSA_PAGAMENTO || second.kind() == FileKind.RETORNO_PAGAMENTO;
        Titles before = titles(first, payments);
        Titles after = titles(second, payments);
        List<StoredFinding> listed = new ArrayList<>();
        int added = 0;
        int missing = 0;
        int changed = 0;
        for (Map.Entry<String, StoredItem> e : after.byKey.entrySet()) {
            StoredItem old = before.byKey.get(e.getKey());
            StoredItem now = e.getValue();
            if (old == null) {
                added++;
                add(listed, now.line(), "TITLE_ADDED", "Título " + label(now, payments) + " não está no arquivo anterior.",
                        "Title " + label(now, payments) + " is not in the earlier file.");
            } else if (!sameEvent(old, now)) {
                changed++;
                add(listed, now.line(), "TITLE_CHANGED", "Título " + label(now, payments) + " mudou: "
                        + change(old, now) + ".", "Title " + label(now, payments) + " changed.");
            }
        }
        for (Map.Entry<String, StoredItem> e : before.byKey.entrySet()) {
            if (!after.byKey.containsKey(e.getKey())) {
                missing++;
                add(listed, 0, "TITLE_MISSING", "Título " + label(e.getValue(), payments) + " do arquivo anterior "
                        + "(linha " + e.getValue().line() + ") não está neste.",
                        "Title " + label(e.getValue(), payments) + " of the earlier file is not in this one.");
            }
        }
        List<StoredFinding> out = new ArrayList<>();
        String truncated = before.truncated || after.truncated
                ? " Só os primeiros " + MAX_COMPARED + " títulos de cada arquivo foram comparados." : "";
        out.add(new StoredFinding(Severity.WARNING.name(), 0, 0, "DIFFERENCES", "",
                added + missing + changed == 0 && !before.truncated && !after.truncated
                        ? "Os títulos são os mesmos do arquivo anterior (ocorrências, valores e datas)." + truncated
                        : "Diferenças em relação ao arquivo anterior: " + added + " título(s) a mais, " + missing
                        + " a menos, " + changed + " alterado(s)." + truncated,
                "Against the earlier file: " + added + " added, " + missing + " missing, " + changed + " changed."));
        out.addAll(listed);
        return out;
    }

    private static void add(List<StoredFinding> listed, int line, String code, String pt, String en) {
        if (listed.size() < MAX_LISTED) {
            listed.add(new StoredFinding(Severity.WARNING.name(), line, 0, code, "", pt, en));
        }
    }

    private record Titles(Map<String, StoredItem> byKey, boolean truncated) {
    }

    private Titles titles(IntegrationRecord record, boolean payments) {
        Map<String, StoredItem> byKey = new LinkedHashMap<>();
        int after = 0;
        boolean truncated = false;
        while (true) {
            ItemReader.ItemPage page = items.page(record.tenant(), record.id(), after, PAGE);
            for (StoredItem item : page.items()) {
                if (byKey.size() >= MAX_COMPARED) {
                    truncated = true;
                    break;
                }
                String key = payments ? item.yourNumber().strip() : OurNumbers.key(item.ourNumber());
                byKey.putIfAbsent(key.isEmpty() ? "#" + item.seq() : key, item);
            }
            if (truncated || page.lastSeq().isEmpty()) {
                return new Titles(byKey, truncated);
            }
            after = page.lastSeq().get();
        }
    }

    private static boolean sameEvent(StoredItem a, StoredItem b) {
        return Objects.equals(a.occurrenceCode(), b.occurrenceCode()) && a.amountCents() == b.amountCents()
                && a.paidCents() == b.paidCents() && a.feeCents() == b.feeCents()
                && Objects.equals(a.dueDate(), b.dueDate()) && Objects.equals(a.occurrenceDate(), b.occurrenceDate())
                && Objects.equals(a.creditDate(), b.creditDate());
    }

    private static String change(StoredItem old, StoredItem now) {
        List<String> parts = new ArrayList<>();
        if (!Objects.equals(old.occurrenceCode(), now.occurrenceCode())) {
            parts.add("ocorrência " + old.occurrenceCode() + " → " + now.occurrenceCode());
        }
        if (old.amountCents() != now.amountCents()) {
            parts.add("valor " + PtBrFormat.money(old.amountCents()) + " → " + PtBrFormat.money(now.amountCents()));
        }
        if (old.paidCents() != now.paidCents()) {
            parts.add("valor pago " + PtBrFormat.money(old.paidCents()) + " → " + PtBrFormat.money(now.paidCents()));
        }
        if (old.feeCents() != now.feeCents()) {
            parts.add("tarifa " + PtBrFormat.money(old.feeCents()) + " → " + PtBrFormat.money(now.feeCents()));
        }
        if (!Objects.equals(old.dueDate(), now.dueDate())) {
            parts.add("vencimento " + PtBrFormat.date(old.dueDate()) + " → " + PtBrFormat.date(now.dueDate()));
        }
        if (!Objects.equals(old.occurrenceDate(), now.occurrenceDate())) {
            parts.add("data da ocorrência " + PtBrFormat.date(old.occurrenceDate()) + " → "
                    + PtBrFormat.date(now.occurrenceDate()));
        }
        if (!Objects.equals(old.creditDate(), now.creditDate())) {
            parts.add("data do crédito " + PtBrFormat.date(old.creditDate()) + " → " + PtBrFormat.date(now.creditDate()));
        }
        return String.join(", ", parts);
    }

    private static String label(StoredItem item, boolean payments) {
        return payments ? "de seu número " + item.yourNumber().strip() : item.ourNumber().strip();
    }
}
