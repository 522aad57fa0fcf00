package br.bankhistory.cnab;

import java.util.Map;

/** FEBRABAN bank codes and the short names people know the banks by. */
public final class Banks {

    private static final Map<String, String> SHORT_NAMES = Map.ofEntries(
            Map.entry("001", "Banco do Brasil"),
            Map.entry("004", "Banco do Nordeste"),
            Map.entry("021", "Banestes"),
            Map.entry("033", "Santander"),
            Map.entry("037", "Banpará"),
            Map.entry("041", "Banrisul"),
            Map.entry("047", "Banese"),
            Map.entry("070", "BRB"),
            Map.entry("077", "Inter"),
            Map.entry("084", "Uniprime Norte do Paraná"),
            Map.entry("085", "Ailos"),
            Map.entry("097", "CrediSIS"),
            Map.entry("099", "Uniprime"),
            Map.entry("104", "Caixa"),
            Map.entry("133", "Cresol"),
            Map.entry("136", "Unicred"),
            Map.entry("208", "BTG Pactual"),
            Map.entry("212", "Banco Original"),
            Map.entry("218", "BS2"),
            Map.entry("237", "Bradesco"),
            Map.entry("246", "ABC Brasil"),
            Map.entry("260", "Nubank"),
            Map.entry("290", "PagBank"),
            Map.entry("318", "BMG"),
            Map.entry("336", "C6 Bank"),
            Map.entry("341", "Itaú"),
            Map.entry("389", "Mercantil do Brasil"),
            Map.entry("399", "HSBC"),
            Map.entry("422", "Safra"),
            Map.entry("633", "Rendimento"),
            Map.entry("643", "Pine"),
            Map.entry("655", "Votorantim"),
            Map.entry("707", "Daycoval"),
            Map.entry("712", "Ourinvest"),
            Map.entry("745", "Citibank"),
            Map.entry("748", "Sicredi"),
            Map.entry("756", "Sicoob"));

    private Banks() {
    }

    /** The bank's short name, or empty when the code is not known. */
    public static String shortName(String code) {
        return code == null ? "" : SHORT_NAMES.getOrDefault(code, "");
    }

    public static boolean isKnown(String code) {
        return code != null && SHORT_NAMES.containsKey(code);
    }
}
