package br.bankhistory.cnab;

/**
 * The Pix of a boleto híbrido, as the bank's file carries it (CNAB 240 segment Y-03, Santander 400 records
 * 8 and 2, Itaú 400 record 3: the key in the remessa, the EMV in the retorno; Bradesco 400 retorno record 4:
 * the txid). Fields the record lacks are empty.
 *
 * @param txid    the Pix transaction id
 * @param keyType the key's type as printed (1 CPF, 2 CNPJ, 3 phone, 4 e-mail, 5 random key, or the bank's letters)
 * @param key     the Pix key (chave)
 * @param emv     the EMV "copia e cola" text of the QR code
 */
public record Pix(String txid, String keyType, String key, String emv) {

    public boolean isEmpty() {
        return txid.isEmpty() && key.isEmpty() && emv.isEmpty();
    }
}
