package br.bankhistory.history.domain;

import br.bankhistory.cnab.Direction;
import br.bankhistory.cnab.Service;

/** The five kinds the history screen shows, plus the files that are none of them. */
public enum FileKind {
    REMESSA_COBRANCA("Remessa de Cobrança"),
    REMESSA_PAGAMENTO("Remessa de Pagamento"),
    RETORNO_COBRANCA("Retorno de Cobrança"),
    RETORNO_PAGAMENTO("Retorno de Pagamento"),
    /** A bank statement for reconciliation (CNAB 240 service 04, segment E): entries, not titles. */
    EXTRATO("Extrato Bancário"),
    OTHER("Outro arquivo");

    private final String label;

    FileKind(String label) {
        this.label = label;
    }

    /** Whether files of this kind come from the bank (retornos and statements). */
    public boolean fromBank() {
        return this == RETORNO_COBRANCA || this == RETORNO_PAGAMENTO || this == EXTRATO;
    }

    /** The remessas a retorno of this kind answers (cobrança or pagamento); null for any other kind. */
    public FileKind remessaAnswered() {
        return switch (this) {
            case RETORNO_COBRANCA -> REMESSA_COBRANCA;
            case RETORNO_PAGAMENTO -> REMESSA_PAGAMENTO;
            default -> null;
        };
    }

    /** The pt-BR name users read. */
    public String label() {
        return label;
    }

    public static FileKind of(Direction direction, Service service) {
        if (direction == Direction.REMESSA && service == Service.COBRANCA) {
            return REMESSA_COBRANCA;
        }
        if (direction == Direction.REMESSA && service == Service.PAGAMENTO) {
            return REMESSA_PAGAMENTO;
        }
        if (direction == Direction.RETORNO && service == Service.COBRANCA) {
            return RETORNO_COBRANCA;
        }
        if (direction == Direction.RETORNO && service == Service.PAGAMENTO) {
            return RETORNO_PAGAMENTO;
        }
        if (direction == Direction.RETORNO && service == Service.EXTRATO) {
            return EXTRATO;
        }
        return OTHER;
    }
}
