package br.bankhistory.history.statement;

import br.bankhistory.cnab.Category;
import br.bankhistory.cnab.Item;
import br.bankhistory.history.domain.FileKind;
import br.bankhistory.history.domain.FileNames;
import br.bankhistory.history.domain.Reconciliation;
import br.bankhistory.history.domain.StoredItem;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;

import java.io.IOException;
import java.util.List;

import static br.bankhistory.history.statement.StatementStyle.BASELINE;
import static br.bankhistory.history.statement.StatementStyle.INK;
import static br.bankhistory.history.statement.StatementStyle.LEFT;
import static br.bankhistory.history.statement.StatementStyle.MUTED;
import static br.bankhistory.history.statement.StatementStyle.PAD;
import static br.bankhistory.history.statement.StatementStyle.RED;
import static br.bankhistory.history.statement.StatementStyle.RIGHT;
import static br.bankhistory.history.statement.StatementStyle.ROW_H;
import static br.bankhistory.history.statement.StatementStyle.WIDTH;

/**
 * The statement's table of titles or payments: one row per item, streamed (each item is drawn as it is read
 * and then forgotten), its columns depending on the kind of file ({@link CobrancaTable} for retornos de
 * cobrança, {@link PagamentoTable} for pagamentos, {@link PlainTable} for the rest).
 */
abstract class ItemTable {

    /** Type of the item tables (denser than the first page's). */
    static final float SIZE = 6.5f;
    static final float HEAD_SIZE = 6f;

    static ItemTable of(FileKind kind) {
        FileKind k = kind == null ? FileKind.OTHER : kind;
        return switch (k) {
            case RETORNO_COBRANCA -> new CobrancaTable();
            case RETORNO_PAGAMENTO, REMESSA_PAGAMENTO -> new PagamentoTable(k);
            case REMESSA_COBRANCA, EXTRATO, OTHER -> new PlainTable(k);
        };
    }

    abstract Column[] columns();

    /** "Títulos", "Pagamentos", "Itens". */
    abstract String noun();

    /** The row's height (taller when it carries a second line). */
    float height(StoredItem item) {
        return ROW_H;
    }

    /** The row's texts, inside the row's text object (font {@link #SIZE}, ink) at baseline {@code base}. */
    abstract void cells(Canvas c, StoredItem item, float base) throws IOException;

    /** Draws the section: heading, column headings, every item. */
    final void draw(Canvas canvas, PDStructureElement parent, long count, Iterable<StoredItem> items)
            throws IOException {
        Table table = Table.start(canvas, parent, noun() + " (" + PtBrFormat.count(count) + ")", columns(),
                3 * ROW_H, HEAD_SIZE);
        boolean any = false;
        for (StoredItem item : items) {
            if (item == null) {
                continue;
            }
            any = true;
            float h = height(item);
            table.row(h, c -> {
                c.beginText(c.regular, SIZE, INK);
                cells(c, item, c.y - ROW_H + BASELINE);
                c.endText();
            });
        }
        if (!any) {
            table.row(ROW_H, c -> c.text(c.regular, StatementStyle.BODY_SIZE, MUTED, LEFT + PAD, c.y - ROW_H + BASELINE,
                    "Nenhum item neste arquivo.", WIDTH));
        }
    }

    // ---- shared cells ----

    static final float DETAIL_SIZE = 5.8f;
    static final float DETAIL_H = 8f;

    /** A row's second line (reasons, barcode, authentication), muted, across the row from column {@code from}. */
    static void detailLine(Canvas c, Column from, float base, String text) throws IOException {
        FontFace f = c.regular;
        float size = c.size();
        c.font(f, DETAIL_SIZE);
        c.fill(MUTED);
        c.moveTo(from.x() + PAD, base - DETAIL_H);
        c.show(f.fit(f.clean(text), DETAIL_SIZE, RIGHT - from.x() - 2 * PAD));
        c.font(f, size);
        c.fill(INK);
    }

    static String reasons(List<String> reasons) {
        return reasons == null || reasons.isEmpty() ? "" : "Motivo(s): " + String.join("; ", reasons);
    }

    /**
     * A boleto's Pix in words for the second line: the txid, the key (with its type as the bank prints it)
     * and the QR code's EMV ("copia e cola"), each only when the file gives it; empty without a Pix.
     */
    static String pix(br.bankhistory.cnab.Pix pix) {
        if (pix == null || pix.isEmpty()) {
            return "";
        }
        List<String> parts = new java.util.ArrayList<>();
        if (!pix.txid().isEmpty()) {
            parts.add("txid " + pix.txid());
        }
        if (!pix.key().isEmpty()) {
            parts.add("chave " + (pix.keyType().isEmpty() ? "" : "(tipo " + pix.keyType() + ") ") + pix.key());
        }
        if (!pix.emv().isEmpty()) {
            parts.add("copia e cola " + pix.emv());
        }
        return "Pix: " + String.join("; ", parts);
    }

    static boolean rejected(Item item) {
        return item.category() == Category.ENTRY_REJECTED || item.category() == Category.PAYMENT_REJECTED;
    }

    /** The occurrence, red when it is a rejection. */
    static void occurrenceCell(Canvas c, Column col, float base, Item item) throws IOException {
        boolean red = rejected(item);
        if (red) {
            c.fill(RED);
        }
        CellText.left(c, c.regular, col, base, occurrence(item.occurrenceCode(), item.occurrenceText()));
        if (red) {
            c.fill(INK);
        }
    }

    static String occurrence(String rawCode, String rawText) {
        String code = rawCode == null ? "" : rawCode.strip();
        String text = rawText == null ? "" : rawText.strip();
        if (code.isEmpty()) {
            return text;
        }
        return text.isEmpty() ? code : code + " - " + text;
    }

    /** Where the item stands across files; red when no remessa sent it. */
    static void linkCell(Canvas c, Column col, float base, StoredItem item) throws IOException {
        Reconciliation link = item.reconciliation();
        String text = link(link);
        if (text.isEmpty()) {
            return;
        }
        boolean red = link.status() == Reconciliation.Status.NOT_FOUND;
        if (red) {
            c.fill(RED);
        }
        CellText.left(c, c.regular, col, base, text);
        if (red) {
            c.fill(INK);
        }
    }

    /** A reconciliation in words: the other file's name, "Não localizado", "Já informado em ...". */
    static String link(Reconciliation link) {
        if (link == null || link.status() == null) {
            return "";
        }
        String file = FileNames.display(link.fileName());
        String at = link.line() > 0 ? file + ", linha " + link.line() : file;
        return switch (link.status()) {
            case MATCHED -> at;
            case NOT_FOUND -> "Não localizado";
            case REPEATED -> "Já informado em " + at;
            case PARTIAL -> "Registro incompleto: não aplicado";
            case ANSWERED -> (link.category() == null || link.category().isBlank() ? ""
                    : PtBrFormat.category(link.category()) + " em ") + at;
        };
    }

    static String moneyOrBlank(long cents) {
        return cents == 0 ? "" : PtBrFormat.money(cents);
    }

    static String moneyOrDash(long cents) {
        return cents == 0 ? PtBrFormat.EMPTY : PtBrFormat.money(cents);
    }

    /** All reasons when they fit; otherwise the first ones that fit and "(+n)" for the ones left out. */
    static void reasonsCell(Canvas c, Column col, float base, List<String> reasons) throws IOException {
        if (reasons == null || reasons.isEmpty()) {
            return;
        }
        FontFace f = c.regular;
        if (reasons.size() == 1) {
            CellText.left(c, f, col, base, reasons.get(0));
            return;
        }
        float room = col.w() - 2 * PAD;
        String all = f.clean(String.join("; ", reasons));
        if (f.width(all, c.size()) <= room) {
            c.moveTo(col.x() + PAD, base);
            c.show(all);
            return;
        }
        StringBuilder shown = new StringBuilder();
        int count = 0;
        for (String reason : reasons) {
            String candidate = (count == 0 ? "" : shown + "; ") + f.clean(reason);
            String more = " (+" + (reasons.size() - count - 1) + ")";
            if (count > 0 && f.width(candidate + more, c.size()) > room) {
                break;
            }
            shown.setLength(0);
            shown.append(candidate);
            count++;
        }
        String more = " (+" + (reasons.size() - count) + ")";
        String text = f.fit(shown.toString(), c.size(), room - f.width(more, c.size())) + more;
        c.moveTo(col.x() + PAD, base);
        c.show(text);
    }

    static Column[] columns(String[] headings, float[] widths, int... rightAligned) {
        boolean[] right = new boolean[headings.length];
        for (int i : rightAligned) {
            right[i] = true;
        }
        return Column.row(LEFT, RIGHT, headings, widths, right);
    }
}
