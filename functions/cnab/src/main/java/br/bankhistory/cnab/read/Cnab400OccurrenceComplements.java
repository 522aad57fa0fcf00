package br.bankhistory.cnab.read;

import br.bankhistory.cnab.layout.FieldSpec;

/**
 * Remessa records of type 1 that belong to the title before them (Banestes' sacador avalista and message
 * records): their occurrence code names a complement and they repeat the title's nosso número. Alone, or for
 * another nosso número, such a record is an instruction of its own.
 */
final class Cnab400OccurrenceComplements {

    private final RecordCursor record;
    /** The open title's nosso número as written, kept only for banks with occurrence complements. */
    private String titleOurNumber = "";

    Cnab400OccurrenceComplements(RecordCursor record) {
        this.record = record;
    }

    /** The current record opened a title: keeps its nosso número when the bank has such complements. */
    void titleOpened(Cnab400Layouts layouts, Cnab400Layouts.Detail detail, boolean remessa) {
        if (!layouts.remessaComplementsByOccurrence.isEmpty() && remessa) {
            FieldSpec ourNumber = detail.layout().field("our_number");
            titleOurNumber = record.raw(ourNumber.start(), ourNumber.end());
        }
    }

    /**
     * The fields the current record fills into the open title when it is one of its complements, else null.
     *
     * @param titleOpen whether a remessa title is open
     */
    ItemFields of(Cnab400Layouts layouts, boolean titleOpen) {
        if (!titleOpen || layouts.remessaComplementsByOccurrence.isEmpty()) {
            return null;
        }
        FieldSpec occurrence = layouts.remessa.occurrence();
        ItemFields fields = layouts.remessaComplementsByOccurrence.get(
                record.raw(occurrence.start(), occurrence.end()));
        FieldSpec ourNumber = layouts.remessa.layout().field("our_number");
        if (fields == null || !record.matches(ourNumber.start(), titleOurNumber)) {
            return null;
        }
        return fields;
    }
}
