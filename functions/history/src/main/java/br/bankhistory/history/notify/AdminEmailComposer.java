package br.bankhistory.history.notify;

import br.bankhistory.history.domain.FileNames;
import br.bankhistory.history.domain.FileKind;
import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.domain.RecordStatus;
import br.bankhistory.history.domain.StoredFinding;
import br.bankhistory.history.domain.Totals;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Writes the pt-BR emails the company's admins receive about automatic files. Pure: no I/O, no clock; the
 * same inputs give the same email, so a retried send carries the same content.
 *
 * <ul>
 *   <li>{@link #processed}: an automatic file was read and recorded (summary, rejected items, findings);</li>
 *   <li>{@link #failed}: an automatic file was kept but could not be processed (findings, what to do);</li>
 *   <li>{@link #duplicate}: the same bytes arrived again (a short notice pointing at the first record).</li>
 * </ul>
 *
 * <p>The original file (exact bytes, {@code text/plain; charset=ISO-8859-1}) and the statement PDF are
 * attached when their raw total is within {@code maxAttachmentBytes}; otherwise nothing is attached and the
 * body points at the record in the web page, which never expires (a presigned URL would).
 */
public final class AdminEmailComposer {

    /**
     * Raw attachment bytes allowed per email. SESv2 accepts messages up to 40 MB after MIME encoding; base64
     * with line breaks grows data by about 37%, so 25 MiB of files make about 34.2 MiB of message, leaving
     * room for the bodies and headers.
     */
    public static final long DEFAULT_MAX_ATTACHMENT_BYTES = 25L * 1024 * 1024;
    /** Subjects are kept shorter than 120 characters. */
    public static final int MAX_SUBJECT_LENGTH = 119;
    /** Rejected items listed in the body; the rest are counted ("e mais N"). */
    public static final int MAX_REJECTED_LINES = 50;
    /** Findings listed in the body; the rest are counted ("e mais N"). */
    public static final int MAX_FINDINGS = 20;
    public static final String TXT_CONTENT_TYPE = "text/plain; charset=ISO-8859-1";
    public static final String PDF_CONTENT_TYPE = "application/pdf";

    private static final String PRODUCT = "Histórico de Integrações com o Banco";
    private static final String SEP = " — ";

    private final String webBaseUrl;
    private final long maxAttachmentBytes;

    /** @param webBaseUrl the history page's address, e.g. {@code https://historico.example.com} */
    public AdminEmailComposer(String webBaseUrl) {
        this(webBaseUrl, DEFAULT_MAX_ATTACHMENT_BYTES);
    }

    /**
     * @param webBaseUrl         the history page's address (http or https, no query or fragment)
     * @param maxAttachmentBytes raw bytes of attachments allowed per email; over it nothing is attached
     */
    public AdminEmailComposer(String webBaseUrl, long maxAttachmentBytes) {
        this.webBaseUrl = checkedBaseUrl(webBaseUrl);
        if (maxAttachmentBytes < 0) {
            throw new IllegalArgumentException("maxAttachmentBytes must not be negative");
        }
        this.maxAttachmentBytes = maxAttachmentBytes;
    }

    public long maxAttachmentBytes() {
        return maxAttachmentBytes;
    }

    /** The record's page: {@code {webBaseUrl}/#/integrations/{id}}. */
    public String recordLink(String recordId) {
        return webBaseUrl + "/#/integrations/" + URLEncoder.encode(recordId, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * The email for an automatic file, by its status: {@link #failed} when {@code REJECTED} or
     * {@code OTHER_BANK_FILE}, {@link #processed} otherwise.
     */
    public AdminEmail automatic(IntegrationRecord record, List<String> recipients, List<RejectedItemLine> rejected,
                                FileBytes original, FileBytes statement) {
        return isFailure(record.status())
                ? failed(record, recipients, original, statement)
                : processed(record, recipients, rejected, original, statement);
    }

    /**
     * An automatic file was processed.
     *
     * @param recipients the tenant's admin addresses (invalid ones are skipped, see {@link Recipients})
     * @param rejected   the rejected items, in file order; the first {@value #MAX_REJECTED_LINES} are listed.
     *                   The number announced is the larger of its size and the record's rejected counts, so
     *                   a caller may pass only the first lines of a huge file.
     * @param original   the original bytes, or null when they are not to be attached
     * @param statement  the statement PDF, or null when there is none
     */
    public AdminEmail processed(IntegrationRecord record, List<String> recipients, List<RejectedItemLine> rejected,
                                FileBytes original, FileBytes statement) {
        Objects.requireNonNull(record, "record");
        List<RejectedItemLine> lines = rejected == null ? List.of() : rejected;
        Nouns nouns = Nouns.of(record.kind());
        long rejectedTotal = Math.max(lines.size(), rejectedCount(record));
        String fileName = PtBr.clean(FileNames.display(record.fileName()));
        String title = kindLabel(record) + " processado";

        String subject = processedSubject(record, nouns, rejectedTotal);
        Attachments attachments = attachments(record, original, statement);

        EmailBody body = new EmailBody(subject).heading(title, false)
                .paragraph("O arquivo " + quoted(fileName) + " chegou pela integração automática com o banco e foi "
                        + "processado em " + PtBr.dateTime(record.receivedAt()) + " (horário de Brasília).");
        body.facts(facts(record, nouns));

        body.section("Resumo por ocorrência");
        categoryTable(body, record, nouns);

        if (rejectedTotal > 0) {
            body.section(capitalize(nouns.plural) + " rejeitados (" + PtBr.count(rejectedTotal) + ")");
            rejectedList(body, lines, rejectedTotal, nouns);
        }

        if (findingTotal(record) > 0) {
            body.section("Ocorrências na leitura do arquivo");
            findings(body, record);
        }

        body.section("Anexos");
        attachments.describe(body);
        body.link("Abrir o registro no " + PRODUCT, recordLink(record.id()));
        footer(body);
        return new AdminEmail(AdminEmail.Purpose.FILE_PROCESSED, record.tenant(), record.id(),
                recipients(recipients), subject, body.text(), body.html(), attachments.list());
    }

    /**
     * An automatic file was kept but not processed (status {@code REJECTED} or {@code OTHER_BANK_FILE}): its
     * findings (the first {@value #MAX_FINDINGS}) and what to do next.
     *
     * @param original  the original bytes, or null when they are not to be attached
     * @param statement the statement PDF, or null when there is none
     */
    public AdminEmail failed(IntegrationRecord record, List<String> recipients, FileBytes original,
                             FileBytes statement) {
        Objects.requireNonNull(record, "record");
        Nouns nouns = Nouns.of(record.kind());
        String fileName = PtBr.clean(FileNames.display(record.fileName()));
        String subject = fit("Falha ao processar arquivo do banco" + SEP, fileName, "");
        Attachments attachments = attachments(record, original, statement);
        boolean otherBankFile = record.status() == RecordStatus.OTHER_BANK_FILE;

        EmailBody body = new EmailBody(subject).heading("Falha ao processar arquivo do banco", true)
                .paragraph("O arquivo " + quoted(fileName) + " chegou pela integração automática com o banco em "
                        + PtBr.dateTime(record.receivedAt()) + " (horário de Brasília), mas não pôde ser processado"
                        + (otherBankFile
                        ? ": não é um arquivo CNAB (parece ser um comprovante de transmissão ou um relatório do banco)."
                        : ". Nenhum título ou pagamento dele foi considerado."));
        body.facts(facts(record, nouns));

        body.section("O que foi encontrado");
        if (findingTotal(record) > 0) {
            findings(body, record);
        } else {
            body.paragraph("Nenhuma ocorrência detalhada foi registrada.");
        }

        body.section("O que fazer");
        List<String> steps = new ArrayList<>();
        steps.add("O arquivo foi guardado exatamente como chegou e está registrado no histórico com a situação "
                + quoted(statusLabel(record.status())) + ": nada foi perdido.");
        steps.add("Abra o registro (link abaixo) para ver todas as ocorrências, com linha e coluna.");
        if (otherBankFile) {
            steps.add("Se for mesmo um comprovante ou relatório, não é preciso fazer nada. Se o banco deveria ter "
                    + "enviado um retorno no lugar dele, peça ao banco que envie o arquivo de retorno.");
        } else {
            steps.add("Se o arquivo veio incompleto, corrompido ou num layout que não deveria, peça ao banco que o "
                    + "reenvie; o novo arquivo será processado ao chegar.");
            steps.add("Se o arquivo parece correto, encaminhe esta mensagem ao suporte com o nome do arquivo.");
        }
        body.numbered(steps);

        body.section("Anexos");
        attachments.describe(body);
        body.link("Abrir o registro no " + PRODUCT, recordLink(record.id()));
        footer(body);
        return new AdminEmail(AdminEmail.Purpose.FILE_FAILED, record.tenant(), record.id(),
                recipients(recipients), subject, body.text(), body.html(), attachments.list());
    }

    /**
     * An automatic file was held as a possible duplicate of {@code first} (status {@code POSSIBLE_DUPLICATE}):
     * why, what differs, and what the admin decides. Its TXT and statement are attached.
     */
    public AdminEmail held(IntegrationRecord record, IntegrationRecord first, List<String> recipients,
                           FileBytes original, FileBytes statement) {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(first, "first");
        Nouns nouns = Nouns.of(record.kind());
        String fileName = PtBr.clean(FileNames.display(record.fileName()));
        String firstName = PtBr.clean(FileNames.display(first.fileName()));
        String subject = fit("Arquivo retido: possível duplicado de " + PtBr.abbreviateMiddle(firstName, 40) + SEP,
                fileName, "");
        Attachments attachments = attachments(record, original, statement);

        EmailBody body = new EmailBody(subject).heading("Arquivo retido como possível duplicado", true)
                .paragraph("O arquivo " + quoted(fileName) + ", recebido em " + PtBr.dateTime(record.receivedAt())
                        + " (horário de Brasília) pela integração automática, parece repetir o arquivo "
                        + quoted(firstName) + ", recebido em " + PtBr.dateTime(first.receivedAt())
                        + ". Ele foi guardado, mas não foi processado nem conciliado: nenhum título ou pagamento dele "
                        + "foi contado.");
        body.facts(facts(record, nouns));
        body.section("Por que foi retido");
        findings(body, record);
        body.section("O que fazer");
        body.numbered(List.of(
                "Abra o registro (link abaixo) e compare-o com o primeiro arquivo.",
                "Se for mesmo o mesmo arquivo enviado de novo, descarte-o (Descartar): nada será processado.",
                "Se for um arquivo novo ou uma correção que deve valer, libere-o (Liberar): ele será processado e "
                        + "conciliado como qualquer outro, uma única vez."));
        body.section("Anexos");
        attachments.describe(body);
        body.link("Abrir o registro no " + PRODUCT, recordLink(record.id()));
        body.link("Abrir o primeiro arquivo", recordLink(first.id()));
        footer(body);
        return new AdminEmail(AdminEmail.Purpose.FILE_HELD, record.tenant(), record.id(),
                recipients(recipients), subject, body.text(), body.html(), attachments.list());
    }

    /**
     * An automatic retorno arrived incomplete (status {@code INCOMPLETE}: no file trailer, a lote without its
     * trailer, a cut last line, counts that contradict the trailers): kept, not processed nor reconciled, so
     * that nobody books half a file. Its TXT and statement are attached.
     */
    public AdminEmail incomplete(IntegrationRecord record, List<String> recipients, FileBytes original,
                                 FileBytes statement) {
        Objects.requireNonNull(record, "record");
        Nouns nouns = Nouns.of(record.kind());
        String fileName = PtBr.clean(FileNames.display(record.fileName()));
        String subject = fit("Arquivo incompleto retido" + SEP, fileName, "");
        Attachments attachments = attachments(record, original, statement);

        EmailBody body = new EmailBody(subject).heading("Arquivo do banco incompleto", true)
                .paragraph("O arquivo " + quoted(fileName) + ", recebido em " + PtBr.dateTime(record.receivedAt())
                        + " (horário de Brasília) pela integração automática, chegou incompleto: falta o fim do "
                        + "arquivo ou de um lote, ou a última linha foi cortada. Ele foi guardado, mas não foi "
                        + "processado nem conciliado: nenhum título ou pagamento dele foi contado, para que nada "
                        + "seja baixado pela metade.");
        body.facts(facts(record, nouns));
        body.section("O que falta");
        findings(body, record);
        body.section("O que fazer");
        body.numbered(List.of(
                "Peça ao banco que reenvie o arquivo completo; ele será processado ao chegar.",
                "Quando o arquivo completo chegar, descarte este (Descartar): nada dele será processado.",
                "Se o banco confirmar que o arquivo é assim mesmo, libere-o (Liberar): ele será processado e "
                        + "conciliado uma única vez, sem o registro cortado."));
        body.section("Anexos");
        attachments.describe(body);
        body.link("Abrir o registro no " + PRODUCT, recordLink(record.id()));
        footer(body);
        return new AdminEmail(AdminEmail.Purpose.FILE_HELD, record.tenant(), record.id(),
                recipients(recipients), subject, body.text(), body.html(), attachments.list());
    }

    /**
     * The same bytes arrived again for the same company and were not processed a second time: a short notice
     * pointing at the first record. No attachments.
     *
     * @param duplicate the record of the second arrival
     * @param first     the record of the first arrival
     */
    public AdminEmail duplicate(IntegrationRecord duplicate, IntegrationRecord first, List<String> recipients) {
        Objects.requireNonNull(duplicate, "duplicate");
        Objects.requireNonNull(first, "first");
        String fileName = PtBr.clean(FileNames.display(duplicate.fileName()));
        String firstName = PtBr.clean(FileNames.display(first.fileName()));
        String subject = fit("Arquivo recebido em duplicidade" + SEP, fileName, "");

        EmailBody body = new EmailBody(subject).heading("Arquivo recebido em duplicidade", false)
                .paragraph("O arquivo " + quoted(fileName) + ", recebido em " + PtBr.dateTime(duplicate.receivedAt())
                        + ", tem exatamente o mesmo conteúdo do arquivo " + quoted(firstName) + ", recebido em "
                        + PtBr.dateTime(first.receivedAt()) + ".")
                .paragraph("Ele foi guardado e registrado como duplicado, mas não foi processado de novo: nenhum "
                        + "título ou pagamento foi contado duas vezes e nada precisa ser feito. Se o banco enviou "
                        + "o mesmo arquivo por engano no lugar de outro, peça a ele o arquivo correto.");
        body.link("Abrir o primeiro registro", recordLink(first.id()));
        footer(body);
        return new AdminEmail(AdminEmail.Purpose.DUPLICATE_NOTICE, duplicate.tenant(), duplicate.id(),
                recipients(recipients), subject, body.text(), body.html(), List.of());
    }

    /** {@code extrato-{name without extension}.pdf}, e.g. {@code extrato-RETORNO.pdf} for {@code RETORNO.RET}. */
    public static String statementFileName(String fileName) {
        String name = attachmentName(fileName, "arquivo");
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        return "extrato-" + base + ".pdf";
    }

    // ---- subject ----------------------------------------------------------------------------------------

    private static String processedSubject(IntegrationRecord record, Nouns nouns, long rejectedTotal) {
        String head = kindLabel(record) + " processado" + SEP + bank(record) + SEP;
        String tail = SEP + PtBr.items(record.itemCount(), nouns.singular, nouns.plural)
                + (rejectedTotal > 0 ? ", " + PtBr.count(rejectedTotal) + (rejectedTotal == 1 ? " rejeitado" : " rejeitados") : "");
        String fileName = PtBr.clean(FileNames.display(record.fileName()));
        if (head.length() + tail.length() + Math.min(fileName.length(), 24) > MAX_SUBJECT_LENGTH) {
            // a long bank name gives way first
            String shortBank = PtBr.abbreviateEnd(bank(record), 30);
            head = kindLabel(record) + " processado" + SEP + shortBank + SEP;
        }
        return fit(head, fileName.isEmpty() ? "(sem nome)" : fileName, tail);
    }

    /** head + value + tail within the limit, shortening the value in the middle (it keeps its extension). */
    private static String fit(String head, String value, String tail) {
        String v = value.isEmpty() ? "(sem nome)" : value;
        int room = MAX_SUBJECT_LENGTH - head.length() - tail.length();
        String subject = head + PtBr.abbreviateMiddle(v, Math.max(room, 12)) + tail;
        return PtBr.abbreviateEnd(subject, MAX_SUBJECT_LENGTH);
    }

    // ---- body parts -------------------------------------------------------------------------------------

    private static List<String[]> facts(IntegrationRecord record, Nouns nouns) {
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
        if (!isFailure(record.status())) {
            facts.add(new String[] {capitalize(nouns.plural), PtBr.count(record.itemCount())});
            facts.add(new String[] {"Valor total", PtBr.money(record.totalAmountCents())});
            if (record.totalPaidCents() != 0) {
                facts.add(new String[] {"Valor pago", PtBr.money(record.totalPaidCents())});
            }
        }
        return facts;
    }

    private static void categoryTable(EmailBody body, IntegrationRecord record, Nouns nouns) {
        Map<String, Totals> byCategory = record.byCategory() == null ? Map.of() : record.byCategory();
        List<Map.Entry<String, Totals>> entries = byCategory.entrySet().stream()
                .filter(e -> e.getValue() != null && e.getValue().count() != 0)
                .sorted(Comparator.comparingInt((Map.Entry<String, Totals> e) -> PtBr.categoryOrder(e.getKey()))
                        .thenComparing(Map.Entry::getKey))
                .toList();
        if (entries.isEmpty()) {
            body.paragraph("O arquivo não tem " + nouns.plural + ".");
            return;
        }
        boolean paid = entries.stream().anyMatch(e -> e.getValue().paidCents() != 0);
        boolean fees = entries.stream().anyMatch(e -> e.getValue().feeCents() != 0);
        List<String> headers = new ArrayList<>(List.of("Ocorrência", "Quantidade", "Valor"));
        if (paid) {
            headers.add("Valor pago");
        }
        if (fees) {
            headers.add("Tarifas");
        }
        List<List<String>> rows = new ArrayList<>();
        long count = 0;
        long amount = 0;
        long paidSum = 0;
        long feeSum = 0;
        for (Map.Entry<String, Totals> e : entries) {
            Totals t = e.getValue();
            List<String> row = new ArrayList<>(List.of(PtBr.category(e.getKey()), PtBr.count(t.count()),
                    PtBr.money(t.amountCents())));
            if (paid) {
                row.add(PtBr.money(t.paidCents()));
            }
            if (fees) {
                row.add(PtBr.money(t.feeCents()));
            }
            rows.add(row);
            count += t.count();
            amount += t.amountCents();
            paidSum += t.paidCents();
            feeSum += t.feeCents();
        }
        List<String> footer = new ArrayList<>(List.of("Total", PtBr.count(count), PtBr.money(amount)));
        if (paid) {
            footer.add(PtBr.money(paidSum));
        }
        if (fees) {
            footer.add(PtBr.money(feeSum));
        }
        boolean[] numeric = new boolean[headers.size()];
        java.util.Arrays.fill(numeric, true);
        numeric[0] = false;
        body.table(headers, rows, numeric, footer);
        if (count != record.itemCount()) {
            body.note("Um " + nouns.singular + " pode aparecer em mais de uma ocorrência (por exemplo, entrada "
                    + "confirmada e tarifa); o arquivo tem " + PtBr.items(record.itemCount(), nouns.singular, nouns.plural) + ".");
        }
    }

    private static void rejectedList(EmailBody body, List<RejectedItemLine> lines, long total, Nouns nouns) {
        List<RejectedItemLine> shown = lines.subList(0, Math.min(lines.size(), MAX_REJECTED_LINES));
        if (!shown.isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            for (RejectedItemLine line : shown) {
                rows.add(List.of(orDash(line.ourNumber()), orDash(line.payer()), orDash(line.occurrence()),
                        line.reasons().isEmpty() ? "-" : String.join("; ", line.reasons())));
            }
            body.table(List.of("Nosso número", nouns.counterpart, "Ocorrência", "Motivos"), rows,
                    new boolean[] {false, false, false, false}, null);
        }
        long more = total - shown.size();
        if (shown.isEmpty()) {
            body.paragraph("Os motivos de cada " + nouns.singular + " rejeitado estão no registro.");
        } else if (more > 0) {
            body.paragraph("E mais " + PtBr.items(more, nouns.singular + " rejeitado", nouns.plural + " rejeitados")
                    + "; veja a lista completa no registro.");
        }
    }

    private static void findings(EmailBody body, IntegrationRecord record) {
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
        for (StoredFinding f : findings.subList(0, Math.min(findings.size(), MAX_FINDINGS))) {
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

    private static String finding(StoredFinding f) {
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
        String message = !isBlank(f.message()) ? f.message() : f.messageEn();
        s.append(": ").append(isBlank(message) ? f.code() : message);
        return s.toString();
    }

    private static void footer(EmailBody body) {
        body.footer("Mensagem automática do " + PRODUCT + ". Você a recebe porque está cadastrado(a) como "
                + "destinatário(a) dos avisos da integração bancária da empresa. Não responda a este e-mail.");
    }

    // ---- attachments ------------------------------------------------------------------------------------

    private Attachments attachments(IntegrationRecord record, FileBytes original, FileBytes statement) {
        List<AdminEmail.Attachment> list = new ArrayList<>();
        String shownName = FileNames.display(record.fileName());
        String txtName = attachmentName(shownName, "arquivo.txt");
        if (original != null) {
            list.add(new AdminEmail.Attachment(txtName, TXT_CONTENT_TYPE, original));
        }
        if (statement != null) {
            list.add(new AdminEmail.Attachment(statementFileName(shownName), PDF_CONTENT_TYPE, statement));
        }
        long total = list.stream().mapToLong(a -> a.content().sizeBytes()).sum();
        boolean omitted = !list.isEmpty() && total > maxAttachmentBytes;
        return new Attachments(omitted ? List.of() : list, omitted, total, maxAttachmentBytes,
                original != null, statement != null);
    }

    private record Attachments(List<AdminEmail.Attachment> list, boolean omitted, long totalBytes, long limit,
                               boolean hasOriginal, boolean hasStatement) {

        void describe(EmailBody body) {
            if (omitted) {
                body.paragraph("Os arquivos não foram anexados porque juntos têm " + size(totalBytes)
                        + ", mais que o limite de " + size(limit) + " por e-mail. O arquivo original e o extrato "
                        + "em PDF estão no registro, na página do histórico (link abaixo).");
                return;
            }
            if (list.isEmpty()) {
                body.paragraph("Nenhum arquivo anexado: o arquivo original e o extrato estão no registro, na página "
                        + "do histórico (link abaixo).");
                return;
            }
            List<String> lines = new ArrayList<>();
            for (AdminEmail.Attachment a : list) {
                String what = a.contentType().equals(PDF_CONTENT_TYPE) ? "extrato em PDF" : "arquivo original, como o banco enviou";
                lines.add(a.fileName() + " (" + what + ", " + size(a.content().sizeBytes()) + ")");
            }
            body.bullets(lines);
            if (!hasStatement) {
                body.note("O extrato em PDF não está anexado; ele pode ser aberto no registro.");
            }
        }
    }

    /** 980 bytes, 1,2 KB, 3,4 MB (binary multiples, as file managers show them). */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + (bytes == 1 ? " byte" : " bytes");
        }
        double kb = bytes / 1024.0;
        if (kb < 1024) {
            return decimal(kb) + " KB";
        }
        return decimal(kb / 1024.0) + " MB";
    }

    private static String decimal(double value) {
        double rounded = Math.round(value * 10) / 10.0;
        return rounded == Math.rint(rounded)
                ? Long.toString((long) rounded)
                : String.format(Locale.ROOT, "%.1f", rounded).replace('.', ',');
    }

    /** The name shown for an attachment: no directories, no control characters, never blank. */
    static String attachmentName(String fileName, String fallback) {
        String name = PtBr.clean(fileName);
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        if (slash >= 0) {
            name = name.substring(slash + 1);
        }
        name = name.replace("\"", "'").strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            return fallback;
        }
        return PtBr.abbreviateMiddle(name, 150);
    }

    // ---- small things -----------------------------------------------------------------------------------

    private List<String> recipients(List<String> addresses) {
        Recipients recipients = Recipients.of(addresses);
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("no valid recipient among " + recipients.invalid().size()
                    + " given; record a finding instead of sending");
        }
        return recipients.forOneMessage();
    }

    private static long rejectedCount(IntegrationRecord record) {
        Map<String, Totals> byCategory = record.byCategory() == null ? Map.of() : record.byCategory();
        long n = 0;
        for (String key : List.of("ENTRY_REJECTED", "PAYMENT_REJECTED")) {
            Totals t = byCategory.get(key);
            n += t == null ? 0 : t.count();
        }
        return n;
    }

    private static long findingTotal(IntegrationRecord record) {
        long counted = record.findingCounts() == null ? 0
                : record.findingCounts().values().stream().filter(Objects::nonNull).mapToLong(Long::longValue).sum();
        return Math.max(counted, record.findings() == null ? 0 : record.findings().size());
    }

    private static String kindLabel(IntegrationRecord record) {
        return record.kind() == null ? FileKind.OTHER.label() : record.kind().label();
    }

    /** The statuses of a file that was kept but not processed. */
    public static boolean isFailure(RecordStatus status) {
        return status == RecordStatus.REJECTED || status == RecordStatus.OTHER_BANK_FILE;
    }

    static String statusLabel(RecordStatus status) {
        if (status == null) {
            return "";
        }
        return switch (status) {
            case PROCESSED -> "Processado";
            case REJECTED -> "Rejeitado";
            case OTHER_BANK_FILE -> "Outro arquivo do banco (não CNAB)";
            default -> status.label();
        };
    }

    /** "Caixa (104)", "Banco 999", or "banco não identificado". */
    private static String bank(IntegrationRecord record) {
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

    private static String company(IntegrationRecord record) {
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

    private static String quoted(String value) {
        return "“" + (value.isEmpty() ? "(sem nome)" : value) + "”";
    }

    private static String orDash(String value) {
        String clean = PtBr.clean(value);
        return clean.isEmpty() ? "-" : clean;
    }

    private static String capitalize(String value) {
        return value.isEmpty() ? value : Character.toUpperCase(value.charAt(0)) + value.substring(1);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
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

    /** The words for what a file holds. */
    private record Nouns(String singular, String plural, String counterpart) {

        static Nouns of(FileKind kind) {
            if (kind == FileKind.RETORNO_PAGAMENTO || kind == FileKind.REMESSA_PAGAMENTO) {
                return new Nouns("pagamento", "pagamentos", "Favorecido");
            }
            if (kind == FileKind.RETORNO_COBRANCA || kind == FileKind.REMESSA_COBRANCA) {
                return new Nouns("título", "títulos", "Pagador");
            }
            if (kind == FileKind.EXTRATO) {
                return new Nouns("lançamento", "lançamentos", "Histórico");
            }
            return new Nouns("item", "itens", "Pagador / favorecido");
        }
    }
}
