package br.bankhistory.cnab.read;

import br.bankhistory.cnab.Category;
import br.bankhistory.cnab.Item;

import java.time.LocalDate;
import java.util.List;

/** The item being assembled from its records (e.g. a T waiting for its U). One per reader, reused. */
final class ItemDraft {

    boolean active;
    /** The segment (or 400 record type) that opened the item, e.g. 'T', 'P', 'A', '1'. */
    char opener;
    /** Whether the mandatory complement (U after T, Q after P) was seen. */
    boolean complemented;
    long line;
    String segment;
    String ourNumber;
    String yourNumber;
    String occurrenceCode;
    String occurrenceText;
    Category category;
    List<String> reasons;
    LocalDate dueDate;
    long amountCents;
    long paidCents;
    long feeCents;
    LocalDate occurrenceDate;
    LocalDate creditDate;
    String counterpartName;
    String counterpartDocument;
    /** Undecoded codes read from the records, decoded when the item completes. */
    String rawReasons;
    String rawOccurrences;

    void start(char openingSegment, long lineNumber) {
        active = true;
        opener = openingSegment;
        complemented = false;
        line = lineNumber;
        segment = SmallStrings.of(openingSegment);
        ourNumber = "";
        yourNumber = "";
        occurrenceCode = "";
        occurrenceText = "";
        category = Category.OTHER;
        reasons = List.of();
        dueDate = null;
        amountCents = 0;
        paidCents = 0;
        feeCents = 0;
        occurrenceDate = null;
        creditDate = null;
        counterpartName = "";
        counterpartDocument = "";
        rawReasons = "";
        rawOccurrences = "";
    }

    Item toItem() {
        return new Item((int) Math.min(line, Integer.MAX_VALUE), segment, ourNumber, yourNumber, occurrenceCode,
                occurrenceText, category, reasons, dueDate, amountCents, paidCents, feeCents, occurrenceDate,
                creditDate, counterpartName, counterpartDocument);
    }
}
