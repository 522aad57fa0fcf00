package br.bankhistory.history.notify;

import br.bankhistory.history.domain.FileKind;
import br.bankhistory.history.domain.FileNames;
import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.domain.RecordStatus;

/**
 * The small words the emails use for a record's fields: its file name, kind and status, bank, company and
 * CNPJ/CPF, quoted names and dashes for blanks.
 */
final class RecordWords {

    private RecordWords() {
    }

    static String fileName(IntegrationRecord record) {
        return PtBr.clean(FileNames.display(record.fileName()));
    }

    static String kindLabel(IntegrationRecord record) {
        return record.kind() == null ? FileKind.OTHER.label() : record.kind().label();
    }

    static String statusLabel(RecordStatus status) {
        if (status == null) {
            return "";
        }
        return switch (status) {
            case PROCESSED -> "Processado";
            case REJECTED -> "Rejeitado";
            case OTHER_BANK_FILE -> "Outro arquivo do banco (não CNAB)";
            case SUSPECT -> "Suspeito (conta não cadastrada)";
            default -> status.label();
        };
    }

    /** "Caixa (104)", "Banco 999", or "banco não identificado". */
    static String bank(IntegrationRecord record) {
        String name = PtBr.clean(record.bankName());
        String code = PtBr.clean(record.bankCode());
        if (!name.isEmpty() && !code.isEmpty()) {
            return name + " (" + code + ")";
        }
        if (!name.isEmpty()) {
            return name;
        }
        return code.isEmpty() ? "banco não identificado" : "Banco " + code;
    }

    /** "Caixa", "Banco 999", or empty: the bank as a subject names it. */
    static String bankName(IntegrationRecord record) {
        String name = PtBr.clean(record.bankName());
        if (!name.isEmpty()) {
            return PtBr.abbreviateEnd(name, 30);
        }
        String code = PtBr.clean(record.bankCode());
        return code.isEmpty() ? "" : "Banco " + code;
    }

    static String company(IntegrationRecord record) {
        String name = PtBr.clean(record.companyName());
        String document = document(PtBr.clean(record.companyDocument()));
        if (name.isEmpty()) {
            return document;
        }
        return document.isEmpty() ? name : name + " (" + document + ")";
    }

    /** 12.345.678/0001-90 for a CNPJ, 123.456.789-01 for a CPF; anything else as it is. */
    static String document(String digits) {
        if (digits.matches("\\d{14}")) {
            return digits.substring(0, 2) + "." + digits.substring(2, 5) + "." + digits.substring(5, 8) + "/"
                    + digits.substring(8, 12) + "-" + digits.substring(12);
        }
        if (digits.matches("\\d{11}")) {
            return digits.substring(0, 3) + "." + digits.substring(3, 6) + "." + digits.substring(6, 9) + "-"
                    + digits.substring(9);
        }
        return digits;
    }

    static String quoted(String value) {
        return "“" + (value.isEmpty() ? "(sem nome)" : value) + "”";
    }

    static String orDash(String value) {
        String clean = PtBr.clean(value);
        return clean.isEmpty() ? "-" : clean;
    }

    static String capitalize(String value) {
        return value.isEmpty() ? value : Character.toUpperCase(value.charAt(0)) + value.substring(1);
    }

    static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
