package br.bankhistory.history.domain;

import br.bankhistory.cnab.Category;
import br.bankhistory.cnab.text.PtBr;

/**
 * What an item's category is called, in one place for the statement, the email and the API: the engine's
 * outcomes and instructions ({@link PtBr#category(String)}), plus the history's own, a title event an earlier
 * retorno already reported ({@code REPEATED}).
 */
public final class Categories {

    public static final String REPEATED = "REPEATED";

    private Categories() {
    }

    /** The pt-BR name of a category key; an unknown key as given. */
    public static String label(String key) {
        return REPEATED.equals(key) ? "Já informado por retorno anterior (não aplicado)" : PtBr.category(key);
    }

    /** Sort position of a category key: the engine's in their order, then the repeated events, then the rest. */
    public static int order(String key) {
        for (Category category : Category.values()) {
            if (category.name().equals(key)) {
                return category.ordinal();
            }
        }
        return REPEATED.equals(key) ? Category.values().length : Integer.MAX_VALUE;
    }
}
