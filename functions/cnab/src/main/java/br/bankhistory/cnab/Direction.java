package br.bankhistory.cnab;

/** Who wrote the file: the company (remessa) or the bank (retorno). */
public enum Direction {
    REMESSA,
    RETORNO,
    UNKNOWN
}
