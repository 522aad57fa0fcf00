package br.bankhistory.history.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a remessa waiting for approval needs and has got (docs/remessa-lifecycle.md, "Approval"): fixed when
 * the remessa is generated (how many approvals, by which rule, who may never approve it), then each decision.
 *
 * @param required  distinct approvals needed; 0 for a remessa that needs none ({@link #NONE})
 * @param rule      the rule that asked for them, in pt-BR ("acima de R$ 10.000,00: 2 aprovações")
 * @param creators  the user ids of who created the remessa (its author, the admin who handed it to the
 *                  integration, the creators of the instructions a scheduled run carried): none of them may
 *                  approve it
 * @param approvals each approval, oldest first, one per approver
 * @param rejection the rejection that ended it, if any
 */
public record Approval(int required, String rule, List<String> creators, List<Decision> approvals,
                       Optional<Decision> rejection) {

    /** No approval needed. */
    public static final Approval NONE = new Approval(0, "", List.of(), List.of(), Optional.empty());

    /** One approver's decision: who, when, and (a rejection's) why. */
    public record Decision(String userId, String userName, Instant at, String reason) {
    }

    public Approval {
        creators = List.copyOf(creators);
        approvals = List.copyOf(approvals);
        rejection = rejection == null ? Optional.empty() : rejection;
    }

    public static Approval asked(int required, String rule, List<String> creators) {
        return new Approval(required, rule, creators, List.of(), Optional.empty());
    }

    public boolean needed() {
        return required > 0;
    }

    public boolean approvedBy(String userId) {
        return approvals.stream().anyMatch(a -> a.userId().equals(userId));
    }

    public boolean createdBy(String userId) {
        return creators.contains(userId);
    }

    /** Whether the approvals given reach the number required. */
    public boolean complete() {
        return approvals.size() >= required;
    }

    public Approval with(Decision approval) {
        List<Decision> all = new ArrayList<>(approvals);
        all.add(approval);
        return new Approval(required, rule, creators, all, rejection);
    }

    public Approval rejected(Decision rejection) {
        return new Approval(required, rule, creators, approvals, Optional.of(rejection));
    }
}
