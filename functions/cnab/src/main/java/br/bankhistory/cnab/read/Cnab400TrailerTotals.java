package br.bankhistory.cnab.read;

import br.bankhistory.cnab.FindingCodes;
import br.bankhistory.cnab.Severity;
import br.bankhistory.cnab.layout.FieldSpec;
import br.bankhistory.cnab.layout.RecordLayout;
import br.bankhistory.cnab.text.Messages;
import br.bankhistory.cnab.text.PtBr;

/**
 * The CNAB 400 file's count and sum of its titles, compared with what its trailer declares: the title count
 * and total, and (retorno, Bradesco style) the count and value per block of occurrences.
 */
final class Cnab400TrailerTotals {

    private final RecordCursor record;
    private final Totals totals;
    private long itemCount;
    private long amountCents;

    Cnab400TrailerTotals(RecordCursor record, Totals totals) {
        this.record = record;
        this.totals = totals;
    }

    /** A title counted in the totals. */
    void countItem(long cents) {
        itemCount++;
        amountCents += cents;
    }

    /** The current record is the trailer: its declared counts and sums against the titles'. */
    void check(RecordLayout trailer, boolean retorno, Cnab400Layouts layouts) {
        FieldSpec count = trailer.find("title_count").orElse(null);
        if (count != null) {
            long declared = record.digits(count);
            if (declared > 0 && declared != itemCount) {
                reportSum(count, declared + " títulos", declared + " titles", String.valueOf(itemCount));
            }
        }
        FieldSpec total = trailer.find("title_total").orElse(null);
        if (total != null) {
            long declared = record.digits(total);
            if (declared > 0 && declared != amountCents) {
                reportSum(total, "o valor total " + PtBr.money(declared), "a total of "
                        + PtBr.money(declared), PtBr.money(amountCents));
            }
        }
        if (retorno) {
            checkOccurrenceBlocks(layouts);
        }
    }

    /**
     * Bradesco-style trailers state, per occurrence, how many details and what value the file holds:
     * compared with the details of those occurrences (the value may be the titles' or the paid amounts).
     */
    private void checkOccurrenceBlocks(Cnab400Layouts layouts) {
        for (Cnab400Layouts.TrailerBlock block : layouts.trailerBlocks) {
            long[] actual = totals.ofOccurrences(block.codes());
            String codes = String.join("/", block.codes());
            long count = record.digits(block.count());
            if (count >= 0 && count != actual[0]) {
                record.report(Severity.WARNING, block.count().start(), FindingCodes.FILE_TRAILER_SUM,
                        block.count().name(), Messages.pt("finding.FILE_TRAILER_BLOCK_COUNT", count, codes, actual[0]),
                        Messages.en("finding.FILE_TRAILER_BLOCK_COUNT", count, codes, actual[0]));
            }
            if (block.total() != null) {
                long declared = record.digits(block.total());
                if (declared >= 0 && declared != actual[1] && declared != actual[2]) {
                    String money = PtBr.money(declared);
                    record.report(Severity.WARNING, block.total().start(), FindingCodes.FILE_TRAILER_SUM,
                            block.total().name(),
                            Messages.pt("finding.FILE_TRAILER_BLOCK_TOTAL", money, codes, PtBr.money(actual[1])),
                            Messages.en("finding.FILE_TRAILER_BLOCK_TOTAL", money, codes, PtBr.money(actual[1])));
                }
            }
        }
    }

    private void reportSum(FieldSpec field, String declaredPt, String declaredEn, String actual) {
        record.report(Severity.WARNING, field.start(), FindingCodes.FILE_TRAILER_SUM, field.name(),
                "O trailer do arquivo informa " + declaredPt + ", mas os detalhes somam " + actual + ".",
                "The file trailer declares " + declaredEn + ", but the details add up to " + actual + ".");
    }
}
