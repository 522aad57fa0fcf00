package br.bankhistory.history.command;

import br.bankhistory.cnab.Category;
import br.bankhistory.cnab.FileHeader;
import br.bankhistory.cnab.Item;
import br.bankhistory.history.command.GenerateRemittance.Request;
import br.bankhistory.history.command.GenerateRemittance.ServiceKind;
import br.bankhistory.history.domain.TitleKeys;
import br.bankhistory.history.port.TitleClaims;
import br.bankhistory.history.titles.TitleRegistry;

import java.util.ArrayList;
import java.util.List;

/** The titles a generated remessa sends to the bank, and the 409 that names those a live remessa already carries. */
final class RemessaTitles {

    private static final int CONFLICTS_SHOWN = 10;

    private RemessaTitles() {
    }

    /** The entry titles (cobrança, by nosso número) and payments (by seu número) the file sends to the bank. */
    static List<TitleClaims.Title> titlesOf(String bank, FileHeader h, List<Item> items) {
        List<TitleClaims.Title> titles = new ArrayList<>();
        for (Item item : items) {
            String key = item.category() == Category.INSTRUCTION_PAYMENT
                    ? TitleKeys.ofPayment(bank, h.agency(), h.account(), h.agreement(), item.yourNumber())
                    : TitleKeys.of(bank, h.agency(), h.account(), h.agreement(), item.ourNumber());
            if (!key.isEmpty()) {
                titles.add(new TitleClaims.Title(key, item.category() == Category.INSTRUCTION_PAYMENT
                        ? item.yourNumber() : item.ourNumber(), item.line()));
            }
        }
        return titles;
    }

    /** 409: which titles, and which live remessa (file and line) already carries each. */
    static String conflictMessage(Request request, List<Item> items, List<TitleRegistry.Conflict> conflicts) {
        String list = request.service() == ServiceKind.COBRANCA ? "titles" : "payments";
        String what = request.service() == ServiceKind.COBRANCA ? "o nosso número" : "o seu número";
        List<String> lines = new ArrayList<>();
        for (TitleRegistry.Conflict c : conflicts.subList(0, Math.min(CONFLICTS_SHOWN, conflicts.size()))) {
            int index = indexOf(items, c.title().line());
            lines.add(list + "[" + index + "]: " + what + " " + c.title().ourNumber() + " já está na remessa "
                    + c.holder().fileName() + " (linha " + c.holder().line() + ")"
                    + (c.holderRecordId().isEmpty() ? ", ainda a caminho do histórico" : "") + ".");
        }
        String more = conflicts.size() > CONFLICTS_SHOWN ? " (e mais " + (conflicts.size() - CONFLICTS_SHOWN) + ")"
                : "";
        return (conflicts.size() == 1 ? "Um título já vai ao banco numa remessa válida: "
                : conflicts.size() + " títulos já vão ao banco numa remessa válida: ")
                + String.join(" | ", lines) + more + " Cancele aquela remessa antes, ou peça a um administrador para "
                + "reenviar de propósito (allowResend).";
    }

    private static int indexOf(List<Item> items, int line) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).line() == line) {
                return i;
            }
        }
        return -1;
    }
}
