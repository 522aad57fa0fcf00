package br.bankhistory.history.notify;

import br.bankhistory.history.domain.FileKind;
import br.bankhistory.history.domain.FileNames;
import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.domain.RecordStatus;
import br.bankhistory.history.domain.StoredFinding;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What every admin email shares: the record's link, the facts of the file, its findings, the attachments
 * (or why there are none), the footer, and the small words (bank, company, status, quoted names).
 */
final class EmailLayout {

    static final String PRODUCT = "Histórico de Integrações com o Banco";
    static final String OPEN_RECORD = "Abrir o registro no " + PRODUCT;

    private final String webBaseUrl;
    private final long maxAttachmentBytes;

    EmailLayout(String webBaseUrl, long maxAttachmentBytes) {
        this.webBaseUrl = checkedBaseUrl(webBaseUrl);
        if (maxAttachmentBytes < 0) {
            throw new IllegalArgumentException("maxAttachmentBytes must not be negative");
        }
        this.maxAttachmentBytes = maxAttachmentBytes;
    }

    long maxAttachmentBytes() {
        return maxAttachmentBytes;
    }

    /** The record's page: {@code {webBaseUrl}/#/integrations/{id}}. */
    String recordLink(String recordId) {
        return webBaseUrl + "/#/integrations/" + URLEncoder.encode(recordId, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The email, its recipients checked (invalid ones skipped, at least one required). */
    AdminEmail email(AdminEmail.Purpose purpose, IntegrationRecord record, List<String> addresses, String subject,
                     EmailBody body, Attachments attachments) {
        return new AdminEmail(purpose, record.tenant(), record.id(), recipients(addresses), subject, body.text(),
                body.html(), attachments == null ? List.of() : attachments.list());
    }

    Attachments attachments(IntegrationRecord record, FileBytes original, FileBytes statement) {
        return Attachments.of(record, original, statement, maxAttachmentBytes);
    }

    /** The closing part every file email has: attachments, the record's link again, the footer. */
    void closing(EmailBody body, IntegrationRecord record, Attachments attachments) {
        body.section("Anexos");
        attachments.describe(body);
        body.link(OPEN_RECORD, recordLink(record.id()));
        footer(body);
    }

    static void footer(EmailBody body) {
        body.footer("Mensagem automática do " + PRODUCT + ". Você a recebe porque está cadastrado(a) como "
                + "destinatário(a) dos avisos da integração bancária da empresa. Não responda a este e-mail.");
    }

    // ---- facts and findings -----------------------------------------------------------------------------

    static List<String[]> facts(IntegrationRecord record, Nouns nouns) {
        List<String[]> facts = new ArrayList<>();
        facts.add(new String[] {"Arquivo", FileNames.display(record.fileName())});
        facts.add(new String[] {"Tipo", kindLabel(record)});
        facts.add(new String[] {"Situação", statusLabel(record.status())});
        facts.add(new String[] {"Empresa", company(record)});
        facts.add(new String[] {"Banco", isBlank(record.bankCode()) && isBlank(record.bankName()) ? "" : bank(record)});
        facts.add(new String[] {"Agência", record.agency()});
        facts.add(new String[] {"Conta", record.account()});
        facts.add(new String[] {"Convênio", record.agreement()});
        facts.add(new String[] {"NSA (sequencial do arquivo)", record.sequenceNumber() > 0 ? Long.toString(record.sequenceNumber()) : ""});
        facts.add(new String[] {"Gerado pelo banco em", PtBr.date(record.generatedOn())});
        facts.add(new String[] {"Recebido em", PtBr.dateTime(record.receivedAt()) + " (horário de Brasília)"});
        facts.add(new String[] {"Origem", isBlank(record.userName()) ? "Integração" : record.userName()});
        if (!AdminEmailComposer.isFailure(record.status()) && record.status() != RecordStatus.SUSPECT) {
            facts.add(new String[] {capitalize(nouns.plural()), PtBr.count(record.itemCount())});
            facts.add(new String[] {"Valor total", PtBr.money(record.totalAmountCents())});
            if (record.totalPaidCents() != 0) {
                facts.add(new String[] {"Valor pago", PtBr.money(record.totalPaidCents())});
            }
        }
        return facts;
    }

    /** The findings: a count by severity, then the first {@value AdminEmailComposer#MAX_FINDINGS}. */
    static void findings(EmailBody body, IntegrationRecord record) {
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
        long more = Math.max(findingTotal(record), findings.size()) - lines.size();
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

    static long findingTotal(IntegrationRecord record) {
        long counted = record.findingCounts() == null ? 0
                : record.findingCounts().values().stream().filter(Objects::nonNull).mapToLong(Long::longValue).sum();
        return Math.max(counted, record.findings() == null ? 0 : record.findings().size());
    }

    // ---- small words ------------------------------------------------------------------------------------

    static String fileName(IntegrationRecord record) {
        return PtBr.clean(FileNames.display(record.fileName()));
    }

    static String kindLabel(IntegrationRecord record) {
        return record.kind() == null ? FileKind.OTHER.label() : record.kind().label();
    }

    static String statusLabel(RecordStatus status) {
        if (status == null) {
            return "";
        }
        return switch (status) {
            case PROCESSED -> "Processado";
            case REJECTED -> "Rejeitado";
            case OTHER_BANK_FILE -> "Outro arquivo do banco (não CNAB)";
            case SUSPECT -> "Suspeito (conta não cadastrada)";
            default -> status.label();
        };
    }

    /** "Caixa (104)", "Banco 999", or "banco não identificado". */
    static String bank(IntegrationRecord record) {
        String name = PtBr.clean(record.bankName());
        String code = PtBr.clean(record.bankCode());
        if (!name.isEmpty() && !code.isEmpty()) {
            return name + " (" + code + ")";
        }
        if (!name.isEmpty()) {
            return name;
        }
        return code.isEmpty() ? "banco não identificado" : "Banco " + code;
    }

    /** "Caixa", "Banco 999", or empty: the bank as a subject names it. */
    static String bankName(IntegrationRecord record) {
        String name = PtBr.clean(record.bankName());
        if (!name.isEmpty()) {
            return PtBr.abbreviateEnd(name, 30);
        }
        String code = PtBr.clean(record.bankCode());
        return code.isEmpty() ? "" : "Banco " + code;
    }

    static String company(IntegrationRecord record) {
        String name = PtBr.clean(record.companyName());
        String document = document(PtBr.clean(record.companyDocument()));
        if (name.isEmpty()) {
            return document;
        }
        return document.isEmpty() ? name : name + " (" + document + ")";
    }

    /** 12.345.678/0001-90 for a CNPJ, 123.456.789-01 for a CPF; anything else as it is. */
    static String document(String digits) {
        if (digits.matches("\\d{14}")) {
            return digits.substring(0, 2) + "." + digits.substring(2, 5) + "." + digits.substring(5, 8) + "/"
                    + digits.substring(8, 12) + "-" + digits.substring(12);
        }
        if (digits.matches("\\d{11}")) {
            return digits.substring(0, 3) + "." + digits.substring(3, 6) + "." + digits.substring(6, 9) + "-"
                    + digits.substring(9);
        }
        return digits;
    }

    private static String severityNoun(String severity, long n) {
        return switch (severity) {
            case "ERROR" -> n == 1 ? "erro" : "erros";
            case "WARNING" -> n == 1 ? "aviso" : "avisos";
            default -> n == 1 ? "informação" : "informações";
        };
    }

    static String quoted(String value) {
        return "“" + (value.isEmpty() ? "(sem nome)" : value) + "”";
    }

    static String orDash(String value) {
        String clean = PtBr.clean(value);
        return clean.isEmpty() ? "-" : clean;
    }

    static String capitalize(String value) {
        return value.isEmpty() ? value : Character.toUpperCase(value.charAt(0)) + value.substring(1);
    }

    static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private List<String> recipients(List<String> addresses) {
        Recipients recipients = Recipients.of(addresses);
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("no valid recipient among " + recipients.invalid().size()
                    + " given; record a finding instead of sending");
        }
        return recipients.forOneMessage();
    }

    private static String checkedBaseUrl(String webBaseUrl) {
        Objects.requireNonNull(webBaseUrl, "webBaseUrl");
        String trimmed = webBaseUrl.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        URI uri;
        try {
            uri = URI.create(trimmed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("webBaseUrl is not a URL: " + webBaseUrl, e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("webBaseUrl must be an http(s) address without query or fragment: "
                    + webBaseUrl);
        }
        return trimmed;
    }
}
