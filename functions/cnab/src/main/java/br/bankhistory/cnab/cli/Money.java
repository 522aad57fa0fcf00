package br.bankhistory.cnab.cli;

/** Cents as people read them in Brazil: {@code R$ 1.234,56}, without depending on the JVM's locale data. */
final class Money {

    private Money() {
    }

    static String format(long cents) {
        String sign = cents < 0 ? "-" : "";
        long value = Math.abs(cents);
        String reais = Long.toString(value / 100);
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < reais.length(); i++) {
            if (i > 0 && (reais.length() - i) % 3 == 0) {
                grouped.append('.');
            }
            grouped.append(reais.charAt(i));
        }
        long fraction = value % 100;
        return sign + "R$ " + grouped + "," + (fraction < 10 ? "0" : "") + fraction;
    }
}
