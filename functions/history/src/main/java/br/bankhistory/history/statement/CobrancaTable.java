package br.bankhistory.history.statement;

import br.bankhistory.cnab.Amounts;
import br.bankhistory.cnab.Item;
import br.bankhistory.history.domain.StoredItem;

import java.io.IOException;

/**
 * The titles of a retorno de cobrança as a finance team checks them: the title's numbers and payer, due and
 * credit dates, valor, juros/multa, desconto/abatimento, valor pago, tarifa, the net amount credited, the
 * occurrence, the remessa that sent the title (or "Não localizado"), and, on a second line, the occurrence's
 * reasons in words and the boleto's Pix (txid, key, the QR code's "copia e cola").
 */
final class CobrancaTable extends ItemTable {

    private static final Column[] COLUMNS = columns(
            new String[] {"Nosso número", "Seu número", "Pagador", "Vencimento", "Data do\ncrédito", "Valor",
                    "Juros/\nmulta", "Desconto/\nabatimento", "Valor pago", "Tarifa", "Líquido\ncreditado",
                    "Ocorrência", "Remessa"},
            new float[] {66f, 50f, 110f, 46f, 46f, 52f, 46f, 48f, 52f, 40f, 52f, 92f},
            5, 6, 7, 8, 9, 10);

    @Override
    float height(StoredItem item) {
        return detail(item.item()).isEmpty() ? StatementStyle.ROW_H : StatementStyle.ROW_H + DETAIL_H;
    }

    /** The second line: the reasons in words, then the boleto's Pix (txid, key, "copia e cola"). */
    private static String detail(Item item) {
        String reasons = reasons(item.reasons());
        String pix = pix(item.pix());
        return reasons.isEmpty() || pix.isEmpty() ? reasons + pix : reasons + " | " + pix;
    }

    @Override
    Column[] columns() {
        return COLUMNS;
    }

    @Override
    String noun() {
        return "Títulos";
    }

    @Override
    void cells(Canvas c, StoredItem stored, float base) throws IOException {
        Item item = stored.item();
        Amounts a = item.amounts();
        Column[] col = COLUMNS;
        FontFace f = c.regular;
        CellText.shrunk(c, f, col[0], base, item.ourNumber(), false);
        CellText.shrunk(c, f, col[1], base, PtBrFormat.yourNumber(item.yourNumber()), false);
        CellText.left(c, f, col[2], base, item.counterpartName());
        CellText.shrunk(c, f, col[3], base, PtBrFormat.date(item.dueDate()), false);
        CellText.shrunk(c, f, col[4], base, PtBrFormat.date(item.creditDate()), false);
        CellText.number(c, f, col[5], base, PtBrFormat.money(a.titleCents()));
        CellText.number(c, f, col[6], base, moneyOrBlank(a.interestCents() + a.fineCents()));
        CellText.number(c, f, col[7], base, moneyOrBlank(a.discountCents() + a.rebateCents()));
        CellText.number(c, f, col[8], base, moneyOrDash(a.paidCents()));
        CellText.number(c, f, col[9], base, moneyOrBlank(a.feeCents()));
        CellText.number(c, f, col[10], base, moneyOrDash(a.netCreditedCents()));
        occurrenceCell(c, col[11], base, item);
        linkCell(c, col[12], base, stored);
        String detail = detail(item);
        if (!detail.isEmpty()) {
            detailLine(c, col[0], base, detail);
        }
    }
}
