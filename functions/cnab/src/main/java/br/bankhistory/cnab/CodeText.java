package br.bankhistory.cnab;

/** A bank's code and its meaning in words (pt-BR); the text is empty when no table knows the code. */
public record CodeText(String code, String text) {

    /** "BD - Inclusão efetuada com sucesso", or the bare code. */
    @Override
    public String toString() {
        return text.isEmpty() ? code : code + " - " + text;
    }
}
