package br.bankhistory.cnab.read;

import br.bankhistory.cnab.Banks;
import br.bankhistory.cnab.Direction;
import br.bankhistory.cnab.FindingCodes;
import br.bankhistory.cnab.Service;
import br.bankhistory.cnab.Severity;

/**
 * What a CNAB 240 file says about itself (header position 143, the first lote header's service and
 * operation) and what its records show (segment letters, payment occurrences), and the classification
 * drawn from both: the records win when they disagree with the header, and the disagreement is reported.
 */
final class Cnab240Evidence {

    /** FEBRABAN G025 service 04: extrato para conciliação bancária. */
    static final String EXTRATO_SERVICE = "04";
    private static final String RETORNO_SEGMENTS = "TUWE";
    private static final String REMESSA_SEGMENTS = "PQRS";
    private static final String COBRANCA_SEGMENTS = "PQRSTUY";
    private static final String PAGAMENTO_SEGMENTS = "ABCJNOZ";

    private char headerDirection = ' ';
    private String firstLoteService = "";
    private char firstLoteOperation = ' ';
    private int segmentsSeen;
    private boolean paymentOccurrencesSeen;

    void headerDirection(char position143) {
        headerDirection = position143;
    }

    /** Records the first lote header's service and operation; true if this was the first lote. */
    boolean firstLote(String service, char operation) {
        if (!firstLoteService.isEmpty()) {
            return false;
        }
        firstLoteService = service;
        firstLoteOperation = operation;
        return true;
    }

    void segment(char letter) {
        if (letter >= 'A' && letter <= 'Z') {
            segmentsSeen |= 1 << (letter - 'A');
        }
    }

    void paymentOccurrences() {
        paymentOccurrencesSeen = true;
    }

    Direction direction() {
        Direction fromRecords = directionFromRecords();
        if (fromRecords != Direction.UNKNOWN) {
            return fromRecords;
        }
        Direction declared = declaredDirection();
        if (declared != Direction.UNKNOWN) {
            return declared;
        }
        return switch (firstLoteOperation) {
            case 'R' -> Direction.REMESSA;
            case 'T' -> Direction.RETORNO;
            default -> Direction.UNKNOWN;
        };
    }

    Service service() {
        Service fromSegments = serviceFromSegments();
        return fromSegments != Service.UNKNOWN ? fromSegments : declaredService();
    }

    /** FEBRABAN G025 service types of payments (fornecedores, tributos, salários, diversos, ...). */
    static boolean isPagamentoService(String service) {
        return switch (service) {
            case "10", "11", "12", "13", "14", "15", "16", "17", "18", "20", "22", "23", "25", "26", "27", "29",
                    "30", "32", "33", "34", "40", "41", "43", "47", "50", "60", "70", "75", "77", "80", "90", "98" ->
                    true;
            default -> false;
        };
    }

    /** Reports what is irregular in the classification; called once, at the end of the file. */
    void report(Findings findings, String bankCode, boolean anyRecord) {
        if (!bankCode.isEmpty() && !Banks.isKnown(bankCode)) {
            findings.add(Severity.INFO, 1, 1, FindingCodes.UNKNOWN_BANK, "bank_code",
                    "Banco \"" + bankCode + "\" não consta da tabela de bancos; lido com o layout FEBRABAN.",
                    "Bank \"" + bankCode + "\" is not in the bank table; read with the FEBRABAN layout.");
        }
        if (headerDirection == '5') {
            findings.add(Severity.INFO, 1, 143, FindingCodes.REJECTION_FILE, "direction",
                    "Arquivo de rejeição (pré-crítica) do banco: posição 143 = 5; tratado como retorno.",
                    "Bank rejection (pre-critique) file: position 143 = 5; treated as a retorno.");
        }
        Direction declared = declaredDirection();
        Direction fromRecords = directionFromRecords();
        if (declared != Direction.UNKNOWN && fromRecords != Direction.UNKNOWN && declared != fromRecords) {
            findings.add(Severity.WARNING, 1, 143, FindingCodes.DIRECTION_MISMATCH, "direction",
                    "O header diz " + declared + ", mas os segmentos são de " + fromRecords + "; vale o conteúdo.",
                    "The header says " + declared + ", but the segments are " + fromRecords + "; content wins.");
        }
        if (direction() == Direction.UNKNOWN && anyRecord) {
            findings.add(Severity.WARNING, 1, 143, FindingCodes.UNKNOWN_DIRECTION, "direction",
                    "Não foi possível saber se o arquivo é remessa ou retorno (posição 143 = \"" + headerDirection
                            + "\").",
                    "Could not tell remessa from retorno (position 143 = \"" + headerDirection + "\").");
        }
        Service declaredService = declaredService();
        Service fromSegments = serviceFromSegments();
        if (declaredService != Service.UNKNOWN && fromSegments != Service.UNKNOWN && declaredService != fromSegments) {
            findings.add(Severity.WARNING, 0, 10, FindingCodes.SERVICE_MISMATCH, "service",
                    "O header do lote indica serviço \"" + firstLoteService + "\" (" + declaredService
                            + "), mas os segmentos são de " + fromSegments + "; vale o conteúdo.",
                    "The lote header declares service \"" + firstLoteService + "\" (" + declaredService
                            + "), but the segments are " + fromSegments + "; content wins.");
        }
    }

    private Direction declaredDirection() {
        return switch (headerDirection) {
            case '1' -> Direction.REMESSA;
            case '2', '5' -> Direction.RETORNO;
            default -> Direction.UNKNOWN;
        };
    }

    private Direction directionFromRecords() {
        if (seenAny(RETORNO_SEGMENTS) || paymentOccurrencesSeen) {
            return Direction.RETORNO;
        }
        if (seenAny(REMESSA_SEGMENTS)) {
            return Direction.REMESSA;
        }
        return Direction.UNKNOWN;
    }

    private Service declaredService() {
        return switch (firstLoteService) {
            case "01" -> Service.COBRANCA;
            case EXTRATO_SERVICE -> Service.EXTRATO;
            case "" -> Service.UNKNOWN;
            default -> isPagamentoService(firstLoteService) ? Service.PAGAMENTO : Service.UNKNOWN;
        };
    }

    private Service serviceFromSegments() {
        boolean cobranca = seenAny(COBRANCA_SEGMENTS);
        boolean pagamento = seenAny(PAGAMENTO_SEGMENTS);
        boolean extrato = seenAny("E");
        if (extrato && !cobranca && !pagamento) {
            return Service.EXTRATO;
        }
        if (extrato) {
            return Service.UNKNOWN;
        }
        if (cobranca && !pagamento) {
            return Service.COBRANCA;
        }
        if (pagamento && !cobranca) {
            return Service.PAGAMENTO;
        }
        return Service.UNKNOWN;
    }

    private boolean seenAny(String segments) {
        for (int i = 0; i < segments.length(); i++) {
            if ((segmentsSeen & (1 << (segments.charAt(i) - 'A'))) != 0) {
                return true;
            }
        }
        return false;
    }
}
