package br.bankhistory.history.statement;

import br.bankhistory.cnab.Category;
import br.bankhistory.cnab.CodeText;
import br.bankhistory.cnab.Item;
import br.bankhistory.cnab.PaymentDetails;
import br.bankhistory.history.domain.FileKind;
import br.bankhistory.history.domain.StoredItem;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static br.bankhistory.history.statement.StatementStyle.ROW_H;

/**
 * The payments of a pagamento file as a finance team checks them: the company's number, the favorecido with
 * CPF/CNPJ and bank, agency and account, the forma (TED, DOC, Pix, boleto, tributo), the payment date asked
 * for and the data efetiva, valor and valor efetivado, juros/multa and desconto/abatimento, the occurrence, the
 * other file it reconciled with; and, on a second line when the bank gave them, the barcode (boletos, bills),
 * the authentication (segment Z) and the further occurrences.
 */
final class PagamentoTable extends ItemTable {

    private final Column[] columns;

    PagamentoTable(FileKind kind) {
        this.columns = columns(
                new String[] {"Seu número", "Favorecido", "CPF/CNPJ", "Banco / agência /\nconta", "Forma",
                        "Data de\npagamento", "Data\nefetiva", "Valor", "Valor\nefetivado", "Juros/\nmulta",
                        "Desconto/\nabatimento", "Ocorrência", kind == FileKind.REMESSA_PAGAMENTO ? "Resposta do banco"
                        : "Remessa"},
                new float[] {56f, 100f, 70f, 92f, 44f, 44f, 44f, 52f, 52f, 44f, 48f, 100f}, 7, 8, 9, 10);
    }

    @Override
    Column[] columns() {
        return columns;
    }

    @Override
    String noun() {
        return "Pagamentos";
    }

    @Override
    float height(StoredItem item) {
        return detail(item).isEmpty() ? ROW_H : ROW_H + DETAIL_H;
    }

    @Override
    void cells(Canvas c, StoredItem stored, float base) throws IOException {
        Item item = stored.item();
        PaymentDetails p = item.payment();
        FontFace f = c.regular;
        Column[] col = columns;
        String number = p != null && !p.companyNumber().isBlank() ? p.companyNumber() : item.yourNumber();
        CellText.shrunk(c, f, col[0], base, PtBrFormat.yourNumber(number), false);
        CellText.left(c, f, col[1], base, item.counterpartName());
        String document = p != null && !p.payeeDocument().isBlank() ? p.payeeDocument() : item.counterpartDocument();
        CellText.shrunk(c, f, col[2], base, PtBrFormat.document(document(document)), false);
        if (p == null) {
            CellText.shrunk(c, f, col[5], base, PtBrFormat.date(item.dueDate()), false);
            CellText.number(c, f, col[7], base, PtBrFormat.money(item.amountCents()));
        } else {
            payment(c, p, item, base);
        }
        occurrenceCell(c, col[11], base, item);
        linkCell(c, col[12], base, stored);
        String detail = detail(stored);
        if (!detail.isEmpty()) {
            detailLine(c, col[0], base, detail);
        }
    }

    private void payment(Canvas c, PaymentDetails p, Item item, float base) throws IOException {
        FontFace f = c.regular;
        Column[] col = columns;
        CellText.shrunk(c, f, col[3], base, bankAccount(p), false);
        CellText.left(c, f, col[4], base, PtBrFormat.paymentForm(p.form()));
        boolean effected = item.category() == Category.EFFECTED || p.effectiveCents() != 0;
        // a boleto's or bill's own date is its vencimento (second line); its payment date is J 145-152
        LocalDate asked = bill(item) ? (effected ? p.effectiveDate() : null)
                : p.scheduledDate() != null ? p.scheduledDate() : item.dueDate();
        CellText.shrunk(c, f, col[5], base, PtBrFormat.date(asked), false);
        CellText.shrunk(c, f, col[6], base, effected ? PtBrFormat.date(p.effectiveDate()) : PtBrFormat.EMPTY, false);
        CellText.number(c, f, col[7], base,
                PtBrFormat.money(p.scheduledCents() != 0 ? p.scheduledCents() : item.amountCents()));
        CellText.number(c, f, col[8], base, moneyOrDash(p.effectiveCents()));
        CellText.number(c, f, col[9], base, moneyOrBlank(p.interestCents() + p.fineCents()));
        CellText.number(c, f, col[10], base, moneyOrBlank(p.discountCents() + p.rebateCents()));
    }

    /** The second line: barcode, authentication, the occurrences after the first, the reasons. */
    static String detail(StoredItem stored) {
        Item item = stored.item();
        PaymentDetails p = item.payment();
        List<String> parts = new ArrayList<>(4);
        if (p != null) {
            if (bill(item) && p.scheduledDate() != null) {
                parts.add("Vencimento do boleto " + PtBrFormat.date(p.scheduledDate()));
            }
            if (!p.barcode().isBlank()) {
                parts.add("Código de barras " + p.barcode().strip());
            }
            if (!p.authentication().isBlank()) {
                parts.add("Autenticação " + p.authentication().strip());
            }
            List<CodeText> more = p.occurrences().size() > 1 ? p.occurrences().subList(1, p.occurrences().size())
                    : List.of();
            if (!more.isEmpty()) {
                List<String> texts = new ArrayList<>(more.size());
                more.forEach(o -> texts.add(occurrence(o.code(), o.text())));
                parts.add("Outras ocorrências: " + String.join("; ", texts));
            }
        }
        if (item.reasons() != null && !item.reasons().isEmpty()) {
            parts.add(reasons(item.reasons()));
        }
        return String.join("  ·  ", parts);
    }

    /** A boleto or bill (segments J, O, N): the date the file carries for it is its vencimento. */
    static boolean bill(Item item) {
        String s = item.segment() == null ? "" : item.segment();
        return s.startsWith("J") || s.startsWith("O") || s.startsWith("N");
    }

    /** "341 / 4321-9 / 12345-6": the favorecido's bank, agency and account as printed; empty when none. */
    static String bankAccount(PaymentDetails p) {
        List<String> parts = new ArrayList<>(3);
        for (String s : new String[] {p.payeeBank(), p.payeeAgency(), p.payeeAccount()}) {
            String v = s == null ? "" : s.strip();
            if (!v.isEmpty() && !v.chars().allMatch(ch -> ch == '0' || ch == '-' || ch == ' ')) {
                parts.add(v);
            }
        }
        return parts.isEmpty() ? PtBrFormat.EMPTY : String.join(" / ", parts);
    }

    /** A CPF/CNPJ of only zeros is none; a CNPJ printed in 15 digits loses its leading zero. */
    static String document(String digits) {
        String d = digits == null ? "" : digits.strip();
        if (d.isEmpty() || d.chars().allMatch(ch -> ch == '0')) {
            return "";
        }
        if (d.length() == 15 && d.charAt(0) == '0') {
            return d.substring(1);
        }
        return d;
    }
}
