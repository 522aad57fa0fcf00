package br.bankhistory.history.notify;

import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.domain.StoredFinding;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import static br.bankhistory.history.notify.RecordWords.isBlank;

/**
 * How an email tells a record's findings: the count by severity, one line per finding, and the picks the
 * emails make among them (by code, the first errors, the total).
 */
final class FindingLines {

    private FindingLines() {
    }

    /** The findings: a count by severity, then the first {@value AdminEmailComposer#MAX_FINDINGS}. */
    static void describe(EmailBody body, IntegrationRecord record) {
        Map<String, Long> counts = record.findingCounts() == null ? Map.of() : record.findingCounts();
        List<String> summary = new ArrayList<>();
        for (String severity : List.of("ERROR", "WARNING", "INFO")) {
            long n = counts.getOrDefault(severity, 0L);
            if (n > 0) {
                summary.add(PtBr.count(n) + " " + severityNoun(severity, n));
            }
        }
        counts.forEach((severity, n) -> {
            if (!List.of("ERROR", "WARNING", "INFO").contains(severity) && n != null && n > 0) {
                summary.add(PtBr.count(n) + " " + PtBr.clean(severity).toLowerCase(Locale.ROOT));
            }
        });
        if (!summary.isEmpty()) {
            body.paragraph("Total: " + String.join(", ", summary) + ".");
        }
        List<StoredFinding> findings = record.findings() == null ? List.of() : record.findings();
        List<String> lines = new ArrayList<>();
        for (StoredFinding f : findings.subList(0, Math.min(findings.size(), AdminEmailComposer.MAX_FINDINGS))) {
            lines.add(finding(f));
        }
        if (!lines.isEmpty()) {
            body.bullets(lines);
        }
        long more = Math.max(total(record), findings.size()) - lines.size();
        if (more > 0) {
            body.paragraph("E mais " + PtBr.items(more, "ocorrência", "ocorrências") + "; veja todas no registro.");
        }
    }

    static String finding(StoredFinding f) {
        StringBuilder s = new StringBuilder(PtBr.severity(f.severity()));
        if (f.line() > 0) {
            s.append(", linha ").append(f.line());
            if (f.column() > 0) {
                s.append(", coluna ").append(f.column());
            }
        }
        if (!isBlank(f.field())) {
            s.append(" (campo ").append(f.field()).append(')');
        }
        s.append(": ").append(message(f));
        return s.toString();
    }

    /** A finding's pt-BR message (its English one, or its code, when it has none). */
    static String message(StoredFinding f) {
        String message = !isBlank(f.message()) ? f.message() : f.messageEn();
        return PtBr.clean(isBlank(message) ? f.code() : message);
    }

    /** The findings with one of these codes, in record order. */
    static List<StoredFinding> withCode(IntegrationRecord record, String... codes) {
        List<String> wanted = List.of(codes);
        return record.findings() == null ? List.of()
                : record.findings().stream().filter(f -> wanted.contains(f.code())).toList();
    }

    /** The first error findings (the reasons a file was not processed), at most {@code max}. */
    static List<StoredFinding> errors(IntegrationRecord record, int max) {
        return record.findings() == null ? List.of()
                : record.findings().stream().filter(f -> "ERROR".equals(f.severity())).limit(max).toList();
    }

    static long total(IntegrationRecord record) {
        long counted = record.findingCounts() == null ? 0
                : record.findingCounts().values().stream().filter(Objects::nonNull).mapToLong(Long::longValue).sum();
        return Math.max(counted, record.findings() == null ? 0 : record.findings().size());
    }

    private static String severityNoun(String severity, long n) {
        return switch (severity) {
            case "ERROR" -> n == 1 ? "erro" : "erros";
            case "WARNING" -> n == 1 ? "aviso" : "avisos";
            default -> n == 1 ? "informação" : "informações";
        };
    }
}
