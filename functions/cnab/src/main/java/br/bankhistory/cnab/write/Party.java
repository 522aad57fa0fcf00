package br.bankhistory.cnab.write;

/**
 * A person or company a remessa names: the pagador of a title, the favorecido of a transfer.
 *
 * @param document CPF (11 digits) or CNPJ (14 digits); punctuation is ignored
 * @param address  street, number and complement on one line (banks print a single 40-position field)
 * @param zip      CEP, 8 digits; punctuation is ignored
 * @param state    UF, 2 letters
 */
public record Party(String name, String document, String address, String district, String zip, String city,
                    String state) {

    public Party {
        name = name == null ? "" : name;
        document = document == null ? "" : document;
        address = address == null ? "" : address;
        district = district == null ? "" : district;
        zip = zip == null ? "" : zip;
        city = city == null ? "" : city;
        state = state == null ? "" : state;
    }

    /** A party known only by name and document. */
    public static Party of(String name, String document) {
        return new Party(name, document, "", "", "", "", "");
    }

    /** FEBRABAN inscription type: 1 for a CPF, 2 for a CNPJ, null when there is no document. */
    static Integer documentType(String document) {
        String digits = CnabText.digits(document);
        if (digits.isEmpty()) {
            return null;
        }
        return digits.length() > 11 ? 2 : 1;
    }
}
