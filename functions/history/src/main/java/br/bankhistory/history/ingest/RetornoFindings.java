package br.bankhistory.history.ingest;

import br.bankhistory.cnab.Severity;
import br.bankhistory.history.domain.FileNames;
import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.domain.StoredFinding;
import br.bankhistory.history.domain.StoredItem;
import br.bankhistory.history.domain.TitleEvents;
import br.bankhistory.history.domain.Totals;
import br.bankhistory.history.port.ItemStore;
import br.bankhistory.history.port.RecordStore;
import br.bankhistory.history.titles.TitleRegistry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What an application of a retorno tells on its record (docs/remessa-lifecycle.md, "Reconciliation"): events
 * already reported by earlier retornos counted apart, titles of cancelled remessas the bank acted on, payments
 * answered with another date or amount.
 */
final class RetornoFindings {

    private final RecordStore records;
    private final ItemStore items;
    private final TitleRegistry titles;
    private final IntegrationRecord retorno;

    RetornoFindings(RecordStore records, ItemStore items, TitleRegistry titles, IntegrationRecord retorno) {
        this.records = records;
        this.items = items;
        this.titles = titles;
        this.retorno = retorno;
    }

    /** A title the retorno answers that needs telling (by its position), with where its remessa has it. */
    record Answered(int seq, IntegrationRecord remessa, int remessaLine, String key) {
    }

    /**
     * The bank acted on titles of remessas the company cancelled: an error on the record (the email shows it
     * first), and each title is pinned to its remessa, so it is no longer offered for a new one (it would
     * be billed twice).
     */
    void actedOnCancelled(List<Answered> actedOnCancelled, int firstLine) {
        for (Answered a : actedOnCancelled) {
            titles.settle(retorno.tenant(), a.remessa(), a.key(), retorno.id());
        }
        StoredFinding finding = new StoredFinding(Severity.ERROR.name(), firstLine, 0,
                "TITLE_OF_CANCELLED_REMESSA", "",
                actedOnCancelled.size() + " título(s) de remessas canceladas tiveram movimento no banco: "
                        + listed(actedOnCancelled, "remessa cancelada") + ". "
                        + (TitleEvents.payments(retorno.kind())
                        ? "O banco agendou ou pagou mesmo com a remessa cancelada: confira com o banco antes de "
                        + "pagar de novo."
                        : "O boleto continua registrado no banco: não o inclua numa nova remessa, e confira o "
                        + "cancelamento com o banco."),
                actedOnCancelled.size() + " title(s) of cancelled remessas were acted on by the bank.");
        records.addFinding(retorno.tenant(), retorno.id(), finding);
    }

    /** Payments answered with a date or an amount other than the ones sent: the finance team checks them. */
    void disagreeing(List<Answered> disagreeing, int firstLine) {
        StoredFinding finding = new StoredFinding(Severity.WARNING.name(), firstLine, 0,
                "PAYMENT_DIFFERS_FROM_REMESSA", "",
                disagreeing.size() + " pagamento(s) respondidos com data ou valor diferentes dos enviados: "
                        + listed(disagreeing, "remessa") + ". Confira o valor efetivado antes de dar baixa.",
                disagreeing.size() + " payment(s) answered with a date or amount other than the remessa's.");
        records.addFinding(retorno.tenant(), retorno.id(), finding);
    }

    /** The first ten titles, each with its number, what happened, and where its remessa has it. */
    private String listed(List<Answered> titles, String remessaWord) {
        List<String> shown = new ArrayList<>();
        List<Answered> first = titles.subList(0, Math.min(10, titles.size()));
        Map<Integer, StoredItem> read = itemsAt(first.stream().map(Answered::seq).toList());
        for (Answered a : first) {
            StoredItem title = read.get(a.seq());
            String number = TitleEvents.payments(retorno.kind()) ? "seu número " + title.yourNumber().strip()
                    : title.ourNumber().strip();
            shown.add(number + " (" + title.occurrenceText() + ", " + remessaWord + " "
                    + FileNames.display(a.remessa().fileName()) + ", linha " + a.remessaLine() + ")");
        }
        return String.join("; ", shown) + (titles.size() > shown.size() ? " e mais " + (titles.size()
                - shown.size()) : "");
    }

    /** The titles at these positions, as the file gave them (their chunks read once each). */
    private Map<Integer, StoredItem> itemsAt(List<Integer> seqs) {
        Map<Integer, StoredItem> found = new HashMap<>();
        seqs.stream().map(ItemStore::chunkOf).distinct().forEach(chunk -> {
            for (StoredItem item : items.itemsOfChunk(retorno.tenant(), retorno.id(), chunk)) {
                if (seqs.contains(item.seq())) {
                    found.put(item.seq(), item);
                }
            }
        });
        return found;
    }

    /** Repeated events move out of their categories into REPEATED, with a finding that says how many. */
    void repeatedApart(Map<String, Totals> totals, long repeated) {
        StoredFinding finding = new StoredFinding(Severity.WARNING.name(), 0, 0, "EVENTS_REPEATED", "",
                repeated + " ocorrência(s) deste retorno já tinham sido informadas por retornos anteriores (mesmo "
                        + "título, ocorrência, data e valor): estão marcadas \"já informado\", contadas à parte e "
                        + "não foram aplicadas de novo.",
                repeated + " event(s) of this retorno were reported by earlier retornos: counted apart, not "
                        + "applied again.");
        records.revise(retorno.tenant(), retorno.id(), r -> {
            IntegrationRecord withTotals = r.withTotals(totals);
            return r.findings().stream().anyMatch(f -> f.code().equals("EVENTS_REPEATED")) ? withTotals
                    : withTotals.withFindings(List.of(finding));
        });
    }
}
