package br.bankhistory.history.statement;

import br.bankhistory.history.domain.FileNames;
import br.bankhistory.history.domain.IntegrationRecord;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;

import java.io.IOException;

import static br.bankhistory.history.statement.RecordLabels.accountLine;
import static br.bankhistory.history.statement.RecordLabels.bank;
import static br.bankhistory.history.statement.RecordLabels.blank;
import static br.bankhistory.history.statement.RecordLabels.join;
import static br.bankhistory.history.statement.RecordLabels.labelled;
import static br.bankhistory.history.statement.StatementStyle.ACCENT;
import static br.bankhistory.history.statement.StatementStyle.FOOTER_RULE_Y;
import static br.bankhistory.history.statement.StatementStyle.FOOTER_SIZE;
import static br.bankhistory.history.statement.StatementStyle.HEAD_RULE_Y;
import static br.bankhistory.history.statement.StatementStyle.HEAD_SIZE;
import static br.bankhistory.history.statement.StatementStyle.INK;
import static br.bankhistory.history.statement.StatementStyle.LEFT;
import static br.bankhistory.history.statement.StatementStyle.MUTED;
import static br.bankhistory.history.statement.StatementStyle.RIGHT;
import static br.bankhistory.history.statement.StatementStyle.RULE;
import static br.bankhistory.history.statement.StatementStyle.TITLE_SIZE;
import static br.bankhistory.history.statement.StatementStyle.TOP;
import static br.bankhistory.history.statement.StatementStyle.WIDTH;

/**
 * What frames every page of a statement: the running head (title, company, bank, account, file, NSA), the
 * footer, and the "Página X de Y" stamped on each page once the page count is known.
 */
final class PageFrame {

    private final IntegrationRecord record;
    private final Tags tags;
    private final String title;
    private final String headLine2Left;
    private final String headLine2Right;
    private final String footerLeft;

    PageFrame(IntegrationRecord record, Tags tags, String title) {
        this.record = record;
        this.tags = tags;
        this.title = title;
        this.headLine2Left = join(" · ", bank(record), accountLine(record),
                labelled("Convênio ", record.agreement()));
        this.headLine2Right = join(" · ", labelled("Arquivo ", FileNames.display(record.fileName())),
                record.sequenceNumber() > 0 ? "NSA " + record.sequenceNumber() : "");
        this.footerLeft = join(" · ", "Histórico de Integrações com o Banco",
                labelled("Registro ", record.id()), "Extrato v" + StatementRenderer.VERSION);
    }

    void runningHead(Canvas c) throws IOException {
        float titleBase = TOP - 12f;
        float titleW = c.bold.width(c.bold.clean(title), TITLE_SIZE);
        if (c.pageCount() == 1) {
            c.marked(tags.add(tags.document(), StandardStructureTypes.H1),
                    k -> k.text(k.bold, TITLE_SIZE, ACCENT, LEFT, titleBase, title, WIDTH));
        } else {
            c.artifact(k -> k.text(k.bold, TITLE_SIZE, ACCENT, LEFT, titleBase, title, WIDTH));
        }
        c.artifact(k -> {
            float rightRoom = WIDTH - titleW - 24f;
            String company = join(" · ", record.companyName(),
                    blank(record.companyDocument()) ? "" : "CNPJ " + PtBrFormat.document(record.companyDocument()));
            k.rightText(k.bold, 8f, INK, RIGHT, titleBase, company, rightRoom);
            float line2 = TOP - 26f;
            float rightW = Math.min(k.regular.width(k.regular.clean(headLine2Right), HEAD_SIZE), WIDTH * 0.45f);
            k.text(k.regular, HEAD_SIZE, MUTED, LEFT, line2, headLine2Left, WIDTH - rightW - 24f);
            k.rightText(k.regular, HEAD_SIZE, MUTED, RIGHT, line2, headLine2Right, WIDTH * 0.45f);
            k.strokeLine(LEFT, HEAD_RULE_Y, RIGHT, HEAD_RULE_Y, ACCENT, 1f);
            k.strokeLine(LEFT, FOOTER_RULE_Y, RIGHT, FOOTER_RULE_Y, RULE, 0.5f);
            k.text(k.regular, FOOTER_SIZE, MUTED, LEFT, FOOTER_RULE_Y - 10f, footerLeft, WIDTH - 120f);
        });
    }

    /** "Página X de Y" on every page, appended now that Y is known. */
    void stampPageNumbers(PDDocument document, Canvas canvas) throws IOException {
        int i = 0;
        int pages = canvas.pageCount();
        for (PDPage page : document.getPages()) {
            String label = "Página " + (++i) + " de " + pages;
            canvas.stamp(page, k -> k.rightText(k.regular, FOOTER_SIZE + 0.5f, INK, RIGHT, FOOTER_RULE_Y - 10f,
                    label, 115f));
        }
    }
}
