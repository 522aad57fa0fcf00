package br.bankhistory.history.domain;

import br.bankhistory.cnab.text.PtBr;

import java.util.List;
import java.util.Optional;

/**
 * A tenant's approval rules for the remessas the service generates ("alçadas", docs/remessa-lifecycle.md):
 * who may approve, and per service how many distinct approvals a remessa needs by its total. Pagamento
 * remessas follow {@code pagamento}; cobrança remessas only when the tenant opted in ({@code cobranca} not
 * empty). An empty list of tiers means no approval for that service.
 *
 * @param approvers the approver group: only they may approve or reject, never the remessa's creators
 * @param pagamento tiers in rising order of {@code upToCents}; the last one has none (every amount above)
 * @param cobranca  the same for cobrança remessas; empty unless opted in
 */
public record ApprovalRules(List<Approver> approvers, List<Tier> pagamento, List<Tier> cobranca) {

    public static final ApprovalRules NONE = new ApprovalRules(List.of(), List.of(), List.of());

    /** A member of the approver group: the user id of the JWT's {@code sub}, where their emails go. */
    public record Approver(String userId, String name, String email) {
    }

    /**
     * One band of totals: remessas whose total is above the previous tier's {@code upToCents} and at most this
     * one's need {@code approvals} distinct approvals.
     *
     * @param upToCents the band's highest total, in cents; null for the last band (every total above)
     * @param approvals 0 (none needed) or more
     */
    public record Tier(Long upToCents, int approvals) {
    }

    /** How many approvals a remessa needs and the rule that says so, in pt-BR. */
    public record Requirement(int approvals, String rule) {
    }

    public ApprovalRules {
        approvers = List.copyOf(approvers);
        pagamento = List.copyOf(pagamento);
        cobranca = List.copyOf(cobranca);
    }

    /**
     * What a remessa of this service ({@code PAGAMENTO} or {@code COBRANCA}, as the engine names it) and total
     * needs; empty when it needs no approval.
     */
    public Optional<Requirement> requirement(String service, long totalCents) {
        List<Tier> tiers = "PAGAMENTO".equals(service) ? pagamento : "COBRANCA".equals(service) ? cobranca : List.of();
        Long below = null;
        for (Tier tier : tiers) {
            if (tier.upToCents() == null || totalCents <= tier.upToCents()) {
                if (tier.approvals() <= 0) {
                    return Optional.empty();
                }
                String noun = "PAGAMENTO".equals(service) ? "Remessa de pagamento" : "Remessa de cobrança";
                String band = tier.upToCents() == null
                        ? (below == null ? "de qualquer valor" : "acima de " + PtBr.money(below))
                        : (below == null ? "até " + PtBr.money(tier.upToCents())
                                : "acima de " + PtBr.money(below) + " até " + PtBr.money(tier.upToCents()));
                return Optional.of(new Requirement(tier.approvals(), noun + " " + band + ": " + tier.approvals()
                        + (tier.approvals() == 1 ? " aprovação" : " aprovações") + " de pessoas diferentes de quem "
                        + "a criou"));
            }
            below = tier.upToCents();
        }
        return Optional.empty();
    }

    public Optional<Approver> approver(String userId) {
        return approvers.stream().filter(a -> a.userId().equals(userId)).findFirst();
    }
}
