package br.bankhistory.cnab.read;

/** Formats cents the way people read money in Brazil: R$ 1.234,56. */
final class Money {

    private Money() {
    }

    static String format(long cents) {
        String sign = cents < 0 ? "-" : "";
        long abs = Math.abs(cents);
        String reais = Long.toString(abs / 100);
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < reais.length(); i++) {
            if (i > 0 && (reais.length() - i) % 3 == 0) {
                grouped.append('.');
            }
            grouped.append(reais.charAt(i));
        }
        long rest = abs % 100;
        return sign + "R$ " + grouped + "," + (rest < 10 ? "0" : "") + rest;
    }
}
