package br.bankhistory.cnab;

/** Small, valid CNAB 240 cobrança files built field by field, for tests that change one thing. */
final class Synthetic240 {

    private Synthetic240() {
    }

    static String fileHeader(String bank, char direction) {
        return FixedLine.of240().put(1, bank).put(4, "0000").put(8, "0").put(18, "2").put(19, "12345678000199")
                .put(33, "CONVENIO123").put(53, "01234").put(59, "000000056789").put(73, "EMPRESA TESTE LTDA")
                .put(103, "BANCO").put(143, String.valueOf(direction)).put(144, "15032024").put(152, "101010")
                .put(158, "000042").put(164, "040").toString();
    }

    static String loteHeader(String bank, char operation, String service) {
        return FixedLine.of240().put(1, bank).put(4, "0001").put(8, "1").put(9, String.valueOf(operation))
                .put(10, service).put(14, "030").put(18, "2").put(19, "012345678000199").toString();
    }

    static String segmentT(String bank, int sequence, String occurrence, String ourNumber, long amountCents,
                           String reasons) {
        return FixedLine.of240().put(1, bank).put(4, "0001").put(8, "3").number(9, 13, sequence).put(14, "T")
                .put(16, occurrence).put(38, ourNumber).put(59, "DOC1").put(74, "20032024")
                .number(82, 96, amountCents).put(149, "PAGADOR DA SILVA").number(199, 213, 150)
                .put(214, reasons).toString();
    }

    static String segmentU(String bank, int sequence, String occurrence, long paidCents) {
        return FixedLine.of240().put(1, bank).put(4, "0001").put(8, "3").number(9, 13, sequence).put(14, "U")
                .put(16, occurrence).number(78, 92, paidCents).put(138, "18032024").put(146, "19032024")
                .toString();
    }

    static String loteTrailer(String bank, long records) {
        return FixedLine.of240().put(1, bank).put(4, "0001").put(8, "5").number(18, 23, records).toString();
    }

    static String fileTrailer(String bank, long lotes, long records) {
        return FixedLine.of240().put(1, bank).put(4, "9999").put(8, "9").number(18, 23, lotes)
                .number(24, 29, records).toString();
    }

    /** A retorno with one paid title (T+U), every count right. */
    static String[] retornoLines() {
        return new String[] {
                fileHeader("237", '2'),
                loteHeader("237", 'T', "01"),
                segmentT("237", 1, "06", "12345678901", 10_000, "          "),
                segmentU("237", 2, "06", 9_950),
                loteTrailer("237", 4),
                fileTrailer("237", 1, 6)};
    }

    /** A pagamento lote header (operation C) of a service (10-11) and forma de lançamento (12-13). */
    static String pagamentoLoteHeader(String bank, int lote, String service, String form) {
        return FixedLine.of240().put(1, bank).number(4, 7, lote).put(8, "1").put(9, "C").put(10, service)
                .put(12, form).put(14, "040").put(18, "2").put(19, "12345678000199")
                .put(73, "EMPRESA PAGADORA").toString();
    }

    /** The framing of a pagamento detail (movement 0, code 00): the caller puts the segment's fields. */
    static FixedLine paymentDetail(String bank, int lote, int sequence, char segment) {
        return FixedLine.of240().put(1, bank).number(4, 7, lote).put(8, "3").number(9, 13, sequence)
                .put(14, String.valueOf(segment)).put(15, "0").put(16, "00");
    }

    /** A pagamento lote trailer with its record count (18-23) and total (24-41). */
    static String pagamentoLoteTrailer(String bank, int lote, long records, long totalCents) {
        return FixedLine.of240().put(1, bank).number(4, 7, lote).put(8, "5").number(18, 23, records)
                .number(24, 41, totalCents).toString();
    }

    static String join(String separator, String... lines) {
        return String.join(separator, lines) + separator;
    }
}
