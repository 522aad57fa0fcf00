package br.bankhistory.history.ingest;

import br.bankhistory.cnab.Severity;
import br.bankhistory.history.domain.CreditLink;
import br.bankhistory.history.domain.StoredFinding;
import br.bankhistory.history.statement.PtBrFormat;

import java.util.List;

/** The extrato's warning of the cobrança credits no retorno accounts for (yet). */
final class CreditFindings {

    private static final int LISTED = 10;

    private CreditFindings() {
    }

    static StoredFinding notMatched(List<CreditLink> unmatched) {
        List<String> shown = unmatched.subList(0, Math.min(LISTED, unmatched.size())).stream()
                .map(l -> PtBrFormat.date(l.date()) + " " + PtBrFormat.money(l.amountCents())).toList();
        String more = unmatched.size() > shown.size() ? " e mais " + (unmatched.size() - shown.size()) : "";
        return new StoredFinding(Severity.WARNING.name(), 0, 0, MatchCredits.NOT_MATCHED, "",
                unmatched.size() + " crédito(s) de cobrança do extrato sem retorno correspondente (mesma data e "
                        + "líquido creditado): " + String.join("; ", shown) + more + ". Quando o retorno chegar, a "
                        + "conciliação é refeita.",
                unmatched.size() + " cobrança credit(s) of the statement match no retorno's credited total of "
                        + "their date yet.");
    }
}
