package br.bankhistory.cnab;

/**
 * How a pagamento is made, from the lote header's forma de lançamento (FEBRABAN G029, positions 12-13).
 */
public enum PaymentForm {
    CREDITO_CONTA,
    DOC,
    TED,
    PIX,
    BOLETO,
    CONCESSIONARIA,
    TRIBUTO,
    CHEQUE,
    ORDEM_PAGAMENTO,
    OTHER;

    /**
     * The form of a G029 code: 01/05/06 crédito em conta, 02 cheque, 03/07 DOC, 10 ordem de pagamento,
     * 11/13 contas de concessionárias com código de barras, 16-27/35/91 tributos, 30/31 boletos, 41/43 TED,
     * 45/47 Pix. Sources (facts, MIT): eduardokum/laravel-boleto src/Cnab/Pagamento/Retorno/Cnab240/Banco/Itau.php
     * (FORMA_PAGAMENTO) and the G029 codes collected in the project's CNAB research notes.
     */
    public static PaymentForm ofCode(String code) {
        return switch (code == null ? "" : code.strip()) {
            case "01", "05", "06" -> CREDITO_CONTA;
            case "02" -> CHEQUE;
            case "03", "07" -> DOC;
            case "10" -> ORDEM_PAGAMENTO;
            case "11", "13" -> CONCESSIONARIA;
            case "16", "17", "18", "19", "20", "21", "22", "23", "24", "25", "26", "27", "35", "91" -> TRIBUTO;
            case "30", "31" -> BOLETO;
            case "41", "43" -> TED;
            case "45", "47" -> PIX;
            default -> OTHER;
        };
    }
}
