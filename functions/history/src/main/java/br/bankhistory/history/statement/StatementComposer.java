package br.bankhistory.history.statement;

import br.bankhistory.history.domain.FileNames;
import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.domain.StatusChange;
import br.bankhistory.history.domain.StoredItem;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;

import java.io.IOException;
import java.util.List;

import static br.bankhistory.history.statement.RecordLabels.blank;
import static br.bankhistory.history.statement.RecordLabels.join;
import static br.bankhistory.history.statement.StatementStyle.CONTENT_BOTTOM;
import static br.bankhistory.history.statement.StatementStyle.CONTENT_TOP;
import static br.bankhistory.history.statement.StatementStyle.ROW_H;
import static br.bankhistory.history.statement.StatementStyle.TABLE_HEAD_H;

/**
 * Lays out one statement (one instance per document). A4 landscape; a running head (title, company, bank,
 * account, file, NSA) and a footer on every page ({@link PageFrame}). The first page answers "what happened":
 * the file's details ({@link DetailsSection}), totals by outcome ({@link SummarySection}), the story in
 * sentences and the status history ({@link HappenedSection}), the rejected, not found and repeated items
 * ({@link ExceptionsSection}); then the findings ({@link FindingsSection}) and the table of items
 * ({@link ItemTable}), whose headings repeat on each page. Page numbers are stamped when the page count is known. The document is tagged ({@link Tags}).
 */
final class StatementComposer {

    /** Item rows on a page that holds only the table (every page after the first, until the items end). */
    static final int ROWS_PER_PAGE = (int) ((CONTENT_TOP - TABLE_HEAD_H - CONTENT_BOTTOM) / ROW_H);

    private final PDDocument document;
    private final IntegrationRecord record;
    private final List<StatusChange> history;
    private final Canvas canvas;
    private final Tags tags;
    private final String title;
    private final PageFrame frame;

    StatementComposer(PDDocument document, IntegrationRecord record, List<StatusChange> history) throws IOException {
        this.document = document;
        this.record = record;
        this.history = history == null ? List.of() : history;
        this.tags = new Tags(document);
        this.title = PtBrFormat.statementTitle(record.kind());
        this.frame = new PageFrame(record, tags, title);
        this.canvas = new Canvas(document, FontFace.load(document, FontFace.Style.REGULAR),
                FontFace.load(document, FontFace.Style.BOLD), tags, frame::runningHead);
    }

    /** Draws the statement: {@code tally} was gathered from the same items, which are iterated once here. */
    void compose(StatementTally tally, Iterable<StoredItem> items) throws IOException {
        FontFace regular = canvas.regular;
        String shownName = FileNames.display(record.fileName());
        String docTitle = regular.clean(title + (blank(shownName) ? "" : " \u2014 " + shownName));
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(docTitle);
        info.setSubject(regular.clean(join(" · ", record.companyName(), PtBrFormat.document(record.companyDocument()))));
        info.setCreator("Bank Integration History (extrato v" + StatementRenderer.VERSION + ")");

        PDStructureElement root = tags.document();
        canvas.newPage();
        DetailsSection.draw(canvas, root, record);
        new SummarySection(canvas, root, record, tally).draw();
        new HappenedSection(canvas, root, record, history, tally).draw();
        new ExceptionsSection(canvas, root, record.kind(), tally).draw();
        FindingsSection.draw(canvas, root, record);
        ItemTable.of(record.kind()).draw(canvas, root, record.itemCount(), items);
        canvas.finishPage();
        frame.stampPageNumbers(document, canvas);
        tags.finish(document, docTitle);
    }
}
