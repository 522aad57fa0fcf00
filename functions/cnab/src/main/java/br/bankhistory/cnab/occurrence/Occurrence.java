package br.bankhistory.cnab.occurrence;

import br.bankhistory.cnab.Category;

/** One occurrence (movimento) code of a bank's table, in words and normalised. */
public record Occurrence(String code, String text, Category category) {
}
