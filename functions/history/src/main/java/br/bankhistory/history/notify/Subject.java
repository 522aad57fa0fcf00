package br.bankhistory.history.notify;

import br.bankhistory.history.domain.FileKind;
import br.bankhistory.history.domain.IntegrationRecord;

import java.time.LocalDate;
import java.util.List;

/**
 * An email's subject, what matters first: which file ("Retorno Itaú 12/05"), then its outcome in parts by
 * importance ("48 pagos R$ 12.345,67 · 2 rejeitados"), then the file's name. Kept under
 * {@value AdminEmailComposer#MAX_SUBJECT_LENGTH} characters: the parts that do not fit are left out, last first
 * (the first one always stays), and the name is shortened in the middle (it keeps its extension).
 */
final class Subject {

    static final String PARTS = " · ";
    static final String NAME = " — ";
    /** Room a part leaves for the name: whatever it is, a name this long still tells the file. */
    private static final int NAME_ROOM = 24;

    private Subject() {
    }

    /** "Retorno Caixa 05/01", "Retorno de Pagamento Bradesco 12/05", "Arquivo do banco" (nothing known). */
    static String file(IntegrationRecord record) {
        String what = switch (record.kind() == null ? FileKind.OTHER : record.kind()) {
            case RETORNO_COBRANCA -> "Retorno";
            case RETORNO_PAGAMENTO -> "Retorno de Pagamento";
            case REMESSA_COBRANCA -> "Remessa";
            case REMESSA_PAGAMENTO -> "Remessa de Pagamento";
            case EXTRATO -> "Extrato Bancário";
            case OTHER -> "Arquivo do banco";
        };
        String bank = RecordWords.bankName(record);
        LocalDate date = record.generatedOn() != null ? record.generatedOn() : PtBr.day(record.receivedAt());
        String day = record.kind() == null || record.kind() == FileKind.OTHER ? "" : PtBr.dayMonth(date);
        return (what + (bank.isEmpty() ? "" : " " + bank) + (day.isEmpty() ? "" : " " + day)).strip();
    }

    /** {@code head: part · part · ... — name}; with no parts, {@code head — name}. */
    static String of(String head, List<String> parts, String fileName) {
        int max = AdminEmailComposer.MAX_SUBJECT_LENGTH;
        String name = fileName.isEmpty() ? "(sem nome)" : fileName;
        int nameRoom = NAME.length() + Math.min(name.length(), NAME_ROOM);
        StringBuilder s = new StringBuilder(head);
        for (int i = 0; i < parts.size(); i++) {
            String part = PtBr.clean(parts.get(i));
            String glue = i == 0 ? ": " : PARTS;
            if (i > 0 && s.length() + glue.length() + part.length() + nameRoom > max) {
                continue; // a later, shorter part may still fit
            }
            s.append(glue).append(i == 0 ? PtBr.abbreviateEnd(part, Math.max(20, max - nameRoom - s.length() - 2))
                    : part);
        }
        int room = max - s.length() - NAME.length();
        if (room >= Math.min(12, name.length())) {
            s.append(NAME).append(PtBr.abbreviateMiddle(name, room));
        }
        return PtBr.abbreviateEnd(s.toString(), max);
    }
}
