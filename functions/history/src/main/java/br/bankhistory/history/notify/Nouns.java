package br.bankhistory.history.notify;

import br.bankhistory.history.domain.FileKind;

/** The words for what a file holds: titles (cobrança), payments (pagamento), entries (extrato), or items. */
record Nouns(String singular, String plural, String counterpart, boolean payments) {

    static Nouns of(FileKind kind) {
        if (kind == FileKind.RETORNO_PAGAMENTO || kind == FileKind.REMESSA_PAGAMENTO) {
            return new Nouns("pagamento", "pagamentos", "Favorecido", true);
        }
        if (kind == FileKind.RETORNO_COBRANCA || kind == FileKind.REMESSA_COBRANCA) {
            return new Nouns("título", "títulos", "Pagador", false);
        }
        if (kind == FileKind.EXTRATO) {
            return new Nouns("lançamento", "lançamentos", "Histórico", false);
        }
        return new Nouns("item", "itens", "Pagador / favorecido", false);
    }

    /** "1 título", "9 títulos". */
    String count(long n) {
        return PtBr.items(n, singular, plural);
    }

    /** Whether the items are a bank statement's entries (credits and debits). */
    boolean entries() {
        return singular.equals("lançamento");
    }
}
