package br.bankhistory.history.statement;

import br.bankhistory.history.domain.IntegrationRecord;

/**
 * How the statement names a record's bank, agency and account, and layout, and how it joins the non-blank
 * parts of a label ("Agência 1234 · Conta 5678").
 */
final class RecordLabels {

    private RecordLabels() {
    }

    static String bank(IntegrationRecord r) {
        String code = r.bankCode() == null ? "" : r.bankCode().strip();
        String name = r.bankName() == null ? "" : r.bankName().strip();
        if (code.isEmpty()) {
            return name;
        }
        return name.isEmpty() ? code : code + " - " + name;
    }

    static String accountLine(IntegrationRecord r) {
        return join(" · ", labelled("Agência ", r.agency()), labelled("Conta ", r.account()));
    }

    static String layout(IntegrationRecord r) {
        String layout = r.layout() == null ? "" : switch (r.layout()) {
            case "CNAB240" -> "CNAB 240";
            case "CNAB400" -> "CNAB 400";
            case "NOT_CNAB" -> "Não é CNAB";
            default -> r.layout();
        };
        return blank(r.layoutVersion()) ? layout : join(" · ", layout, "versão " + r.layoutVersion().strip());
    }

    static String labelled(String label, String value) {
        return blank(value) ? "" : label + value.strip();
    }

    static String join(String separator, String... parts) {
        StringBuilder out = new StringBuilder();
        for (String p : parts) {
            if (blank(p)) {
                continue;
            }
            if (out.length() > 0) {
                out.append(separator);
            }
            out.append(p.strip());
        }
        return out.toString();
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
