package br.bankhistory.history.command;

import br.bankhistory.history.domain.ApprovalRules;
import br.bankhistory.history.domain.Identity;
import br.bankhistory.history.domain.InvalidRequestException;
import br.bankhistory.history.domain.Tenants;
import br.bankhistory.history.port.SettingsStore;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The tenant's approval rules (alçadas, docs/remessa-lifecycle.md "Approval"): read and replaced by admins
 * only; a rule that could not be applied is refused with 400 naming its field.
 */
public final class ApprovalSettings {

    private static final String ADMINS_ONLY = "Somente administradores podem ver ou alterar as regras de aprovação.";

    public static final int MAX_APPROVERS = 50;
    public static final int MAX_TIERS = 10;
    public static final int MAX_APPROVALS = 10;

    private final SettingsStore settings;

    public ApprovalSettings(SettingsStore settings) {
        this.settings = settings;
    }

    public ApprovalRules rules(Identity caller) {
        caller.requireAdmin(ADMINS_ONLY);
        return settings.approvalRules(caller.tenant());
    }

    public ApprovalRules replace(Identity caller, ApprovalRules rules) {
        caller.requireAdmin(ADMINS_ONLY);
        List<ApprovalRules.Approver> approvers = rules.approvers().stream().map(a -> new ApprovalRules.Approver(
                a.userId().strip(), a.name().strip(), a.email().strip().toLowerCase(Locale.ROOT))).toList();
        if (approvers.size() > MAX_APPROVERS) {
            throw invalid("approvers", "no máximo " + MAX_APPROVERS + " aprovadores.");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < approvers.size(); i++) {
            ApprovalRules.Approver a = approvers.get(i);
            String at = "approvers[" + i + "]";
            if (!Tenants.isValidUserId(a.userId())) {
                throw invalid(at + ".userId", "informe o identificador do usuário (o sub do login), de 1 a 128 "
                        + "letras, dígitos, . _ @ -.");
            }
            if (!seen.add(a.userId())) {
                throw invalid(at + ".userId", "o usuário " + a.userId() + " já está na lista.");
            }
            if (!NotificationSettings.validEmail(a.email())) {
                throw invalid(at + ".email", "endereço de e-mail inválido: " + a.email() + ".");
            }
            if (a.name().length() > 100) {
                throw invalid(at + ".name", "no máximo 100 caracteres.");
            }
        }
        check("pagamento", rules.pagamento(), approvers.size());
        check("cobranca", rules.cobranca(), approvers.size());
        ApprovalRules clean = new ApprovalRules(approvers, rules.pagamento(), rules.cobranca());
        settings.saveApprovalRules(caller.tenant(), clean, caller.userId());
        return clean;
    }

    /** Tiers in rising order of {@code upToCents}, the last one open (every total above the one before). */
    private static void check(String field, List<ApprovalRules.Tier> tiers, int approvers) {
        if (tiers.size() > MAX_TIERS) {
            throw invalid(field, "no máximo " + MAX_TIERS + " faixas.");
        }
        Long below = null;
        for (int i = 0; i < tiers.size(); i++) {
            ApprovalRules.Tier tier = tiers.get(i);
            String at = field + "[" + i + "]";
            boolean last = i == tiers.size() - 1;
            if (last && tier.upToCents() != null) {
                throw invalid(at + ".upToCents", "a última faixa vale para todo valor acima da anterior: não informe "
                        + "upToCents nela.");
            }
            if (!last && tier.upToCents() == null) {
                throw invalid(at + ".upToCents", "obrigatório (em centavos) em toda faixa, menos na última.");
            }
            if (tier.upToCents() != null && (tier.upToCents() <= 0 || (below != null && tier.upToCents() <= below))) {
                throw invalid(at + ".upToCents", "deve ser maior que zero e maior que o da faixa anterior"
                        + (below == null ? "" : " (" + below + ")") + ".");
            }
            if (tier.approvals() < 0 || tier.approvals() > MAX_APPROVALS) {
                throw invalid(at + ".approvals", "de 0 (sem aprovação) a " + MAX_APPROVALS + ".");
            }
            if (tier.approvals() > approvers) {
                throw invalid(at + ".approvals", tier.approvals() + " aprovações exigidas, mas há " + approvers
                        + " aprovador(es) em approvers: cadastre aprovadores suficientes (quem criou a remessa não "
                        + "conta).");
            }
            below = tier.upToCents();
        }
    }

    private static InvalidRequestException invalid(String field, String message) {
        return new InvalidRequestException(field + ": " + message);
    }

}
