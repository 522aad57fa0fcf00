package br.bankhistory.history.command;

import br.bankhistory.cnab.bank.BankCatalog;
import br.bankhistory.cnab.layout.LayoutCatalog;
import br.bankhistory.history.command.GenerateRemittance.LayoutKind;
import br.bankhistory.history.command.GenerateRemittance.Request;
import br.bankhistory.history.command.GenerateRemittance.ServiceKind;
import br.bankhistory.history.domain.InvalidRequestException;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The checks of a remessa request before anything is written (400, naming the request property): the service
 * and layout the writer produces for the bank (from the bank descriptions), item counts, instructions the bank's
 * layout has codes for, and extra layout fields that exist in it.
 */
final class RemittanceChecks {

    private final LayoutCatalog layouts;
    private final Map<String, Set<String>> fieldNames = new ConcurrentHashMap<>();

    RemittanceChecks(LayoutCatalog layouts) {
        this.layouts = layouts;
    }

    /** Everything about the request the engine is not asked: service and layout, bank, counts, instructions, fields. */
    void check(Request r) {
        shape(r);
        String family = family(r);
        AcceptedInstructions.check(family, r.bankCode(), r.titles());
        checkLayoutFields(family, r.bankCode(), r);
    }

    static String family(Request r) {
        return r.layout() == LayoutKind.CNAB240 ? LayoutCatalog.CNAB240 : LayoutCatalog.CNAB400;
    }

    private static void shape(Request r) {
        if (r.service() == ServiceKind.PAGAMENTO && r.layout() != LayoutKind.CNAB240) {
            throw new InvalidRequestException("layout: remessas de pagamento são geradas só em CNAB240.");
        }
        List<String> written = writtenBanks(r.service(), r.layout());
        if (!written.contains(r.bankCode())) {
            throw new InvalidRequestException("bankCode: este serviço não gera remessas de "
                    + (r.service() == ServiceKind.COBRANCA ? "cobrança" : "pagamento") + " " + r.layout().name()
                    + " do banco " + r.bankCode() + "; bancos aceitos: " + String.join(", ", written)
                    + " (GET /banks).");
        }
        int count = r.service() == ServiceKind.COBRANCA ? r.titles().size() : r.payments().size();
        String list = r.service() == ServiceKind.COBRANCA ? "titles" : "payments";
        if (r.service() == ServiceKind.COBRANCA && !r.payments().isEmpty()) {
            throw new InvalidRequestException("payments: uma remessa de cobrança leva títulos (titles), não pagamentos.");
        }
        if (r.service() == ServiceKind.PAGAMENTO && !r.titles().isEmpty()) {
            throw new InvalidRequestException("titles: uma remessa de pagamento leva pagamentos (payments), não títulos.");
        }
        if (count > GenerateRemittance.MAX_ITEMS) {
            throw GenerateRemittance.tooMany(list, count);
        }
        if (count == 0) {
            throw new InvalidRequestException(list + ": informe ao menos um item.");
        }
    }

    /** The banks whose remessas of that service and layout the writer produces: their descriptions say so. */
    private static List<String> writtenBanks(ServiceKind service, LayoutKind layout) {
        return BankCatalog.standard().writing(
                layout == LayoutKind.CNAB240 ? br.bankhistory.cnab.Layout.CNAB240 : br.bankhistory.cnab.Layout.CNAB400,
                service == ServiceKind.COBRANCA ? br.bankhistory.cnab.Service.COBRANCA
                        : br.bankhistory.cnab.Service.PAGAMENTO);
    }

    /** Every name in {@code layoutFields} must be a field of the bank's layout in that family. */
    private void checkLayoutFields(String family, String bank, Request r) {
        Set<String> known = fieldNames.computeIfAbsent(family + "/" + bank, k -> fieldsOf(family, bank));
        RequestErrors errors = new RequestErrors();
        unknownFields(known, "header", r.header().layoutFields(), family, bank, errors);
        for (int i = 0; i < r.titles().size(); i++) {
            unknownFields(known, "titles[" + i + "]", r.titles().get(i).extraFields(), family, bank, errors);
        }
        for (int i = 0; i < r.payments().size(); i++) {
            unknownFields(known, "payments[" + i + "]", r.payments().get(i).extraFields(), family, bank, errors);
        }
        errors.throwIfAny();
    }

    private static void unknownFields(Set<String> known, String path, Map<String, String> given, String family,
                                      String bank, RequestErrors errors) {
        for (String name : new TreeSet<>(given.keySet())) {
            if (!known.contains(name)) {
                errors.add(path + ".layoutFields." + name + ": não há campo com esse nome no leiaute " + family
                        + " do banco " + bank + ".");
            }
        }
    }

    private Set<String> fieldsOf(String family, String bank) {
        Set<String> names = new TreeSet<>();
        for (String record : layouts.recordNames(family, bank)) {
            layouts.find(family, bank, record).ifPresent(layout -> {
                for (var field : layout.fields()) {
                    names.add(field.name());
                }
            });
        }
        return names;
    }
}
