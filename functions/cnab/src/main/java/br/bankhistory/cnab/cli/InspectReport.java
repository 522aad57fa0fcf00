package br.bankhistory.cnab.cli;

import br.bankhistory.cnab.FileSummary;
import br.bankhistory.cnab.Item;

/** What a report does as the read goes: a beginning, each item (with --items), the summary at the end. */
interface InspectReport {
    void begin(boolean withItems);

    void item(Item item);

    void end(FileSummary summary, int exitCode);
}
