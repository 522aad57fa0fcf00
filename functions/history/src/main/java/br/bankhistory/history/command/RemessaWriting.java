package br.bankhistory.history.command;

import br.bankhistory.cnab.write.CnabWriteException;
import br.bankhistory.cnab.write.CobrancaTitle;
import br.bankhistory.cnab.write.Payment;
import br.bankhistory.cnab.write.RemessaHeader;
import br.bankhistory.cnab.write.RemessaWriter;
import br.bankhistory.history.domain.InvalidRequestException;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Writes a remessa's bytes with the CNAB engine's writer, all or nothing: every value the bank's layout
 * refuses is gathered and named by the request property it came from ({@code titles[3].ourNumber}).
 */
final class RemessaWriting {

    /** Layout field (engine) -> request property, for the header's values wherever a record repeats them. */
    private static final Map<String, String> HEADER_PATHS = Map.ofEntries(
            Map.entry("bank_code", "bankCode"),
            Map.entry("company_name", "header.companyName"),
            Map.entry("company_document", "header.companyDocument"),
            Map.entry("company_document_type", "header.companyDocument"),
            Map.entry("agency", "header.agency"),
            Map.entry("agency_digit", "header.agencyDigit"),
            Map.entry("account", "header.account"),
            Map.entry("account_digit", "header.accountDigit"),
            Map.entry("agreement", "header.agreement"),
            Map.entry("wallet", "header.wallet"),
            Map.entry("sequence_number", "header.sequenceNumber"),
            Map.entry("return_number", "header.sequenceNumber"),
            Map.entry("generated_on", "header.generatedAt"),
            Map.entry("generated_at", "header.generatedAt"),
            Map.entry("recorded_on", "header.generatedAt"));
    private static final Map<String, String> TITLE_PATHS = Map.ofEntries(
            Map.entry("occurrence_code", "instruction"),
            Map.entry("our_number", "ourNumber"),
            Map.entry("document_number", "yourNumber"),
            Map.entry("due_date", "dueDate"),
            Map.entry("amount", "amountCents"),
            Map.entry("issued_on", "issueDate"),
            Map.entry("payer_document_type", "payer.document"),
            Map.entry("payer_document", "payer.document"),
            Map.entry("payer_name", "payer.name"),
            Map.entry("payer_address", "payer.address"),
            Map.entry("payer_district", "payer.district"),
            Map.entry("payer_zip", "payer.zip"),
            Map.entry("payer_city", "payer.city"),
            Map.entry("payer_state", "payer.state"),
            Map.entry("interest_code", "interest.code"),
            Map.entry("interest_date", "interest.date"),
            Map.entry("interest_value", "interest.value"),
            Map.entry("interest_rate", "interest.value"),
            Map.entry("fine_code", "fine.code"),
            Map.entry("fine_date", "fine.date"),
            Map.entry("fine_value", "fine.value"),
            Map.entry("fine_rate", "fine.value"),
            Map.entry("discount_code", "discount.code"),
            Map.entry("discount_date", "discount.date"),
            Map.entry("discount_value", "discount.value"),
            Map.entry("discount_rate", "discount.value"));
    private static final Map<String, String> TRANSFER_PATHS = Map.ofEntries(
            Map.entry("payee_bank", "bankCode"),
            Map.entry("payee_agency", "agency"),
            Map.entry("payee_agency_digit", "agencyDigit"),
            Map.entry("payee_account", "account"),
            Map.entry("payee_account_digit", "accountDigit"),
            Map.entry("payee_name", "payee.name"),
            Map.entry("your_number", "yourNumber"),
            Map.entry("scheduled_date", "paymentDate"),
            Map.entry("amount", "amountCents"),
            Map.entry("payee_document_type", "payee.document"),
            Map.entry("payee_document", "payee.document"),
            Map.entry("payee_street", "payee.address"),
            Map.entry("payee_district", "payee.district"),
            Map.entry("payee_city", "payee.city"),
            Map.entry("payee_zip", "payee.zip"),
            Map.entry("payee_state", "payee.state"));
    private static final Map<String, String> BOLETO_PATHS = Map.ofEntries(
            Map.entry("barcode", "barcode"),
            Map.entry("beneficiary_name", "beneficiaryName"),
            Map.entry("beneficiary_document_type", "beneficiaryDocument"),
            Map.entry("beneficiary_document", "beneficiaryDocument"),
            Map.entry("due_date", "dueDate"),
            Map.entry("document_amount", "documentAmountCents"),
            Map.entry("payment_date", "paymentDate"),
            Map.entry("amount", "amountCents"),
            Map.entry("your_number", "yourNumber"),
            // the payer of a boleto paid by the company is the company itself (the header's)
            Map.entry("payer_document_type", "header.companyDocument"),
            Map.entry("payer_document", "header.companyDocument"),
            Map.entry("payer_name", "header.companyName"));

    private RemessaWriting() {
    }

    /** The file header of the request's remessa, generated at {@code at} with that NSA. */
    static RemessaHeader header(GenerateRemittance.Request request, LocalDateTime at, long nsa) {
        GenerateRemittance.Header h = request.header();
        return RemessaHeader.builder(request.bankCode())
                .company(h.companyName(), h.companyDocument())
                .agency(h.agency(), h.agencyDigit())
                .account(h.account(), h.accountDigit())
                .agreement(h.agreement())
                .wallet(h.wallet())
                .sequenceNumber(nsa)
                .generatedAt(at)
                .extraFields(h.layoutFields())
                .build();
    }

    /** Writes the file (all or nothing: any refused value refuses the request) and answers its SHA-256. */
    static String write(GenerateRemittance.Request r, RemessaHeader header, Path temp) throws IOException {
        MessageDigest sha256 = sha256();
        try (OutputStream out = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16),
                sha256)) {
            writeTo(out, r, header);
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    /**
     * Writes the remessa nowhere, to refuse now what its writing would refuse later (a value wider than its
     * field, a code the layout lacks): a pending instruction is checked so when it is created, not when the
     * scheduled run meets it.
     */
    static void check(GenerateRemittance.Request r, RemessaHeader header) {
        try (OutputStream out = OutputStream.nullOutputStream()) {
            writeTo(out, r, header);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void writeTo(OutputStream out, GenerateRemittance.Request r, RemessaHeader header) {
        RequestErrors errors = new RequestErrors();
        LocalDateTime at = header.generatedAt();
        if (r.service() == GenerateRemittance.ServiceKind.COBRANCA) {
            List<CobrancaTitle> titles = r.titles().stream().map(t -> t.issueDate() != null ? t
                    : new CobrancaTitle(t.instruction(), t.ourNumber(), t.yourNumber(), t.dueDate(), t.amountCents(),
                    at.toLocalDate(), t.payer(), t.interest(), t.fine(), t.discount(), t.extraFields())).toList();
            RemessaWriter<CobrancaTitle> writer = open(() -> r.layout() == GenerateRemittance.LayoutKind.CNAB240
                    ? RemessaWriter.cobranca240(out, header) : RemessaWriter.cobranca400(out, header), header);
            writeAll(writer, titles, "titles", t -> TITLE_PATHS, CobrancaTitle::extraFields, header, errors);
        } else {
            RemessaWriter<Payment> writer = open(() -> RemessaWriter.pagamento240(out, header), header);
            writeAll(writer, r.payments(), "payments",
                    p -> p instanceof Payment.Transfer ? TRANSFER_PATHS : BOLETO_PATHS, Payment::extraFields, header,
                    errors);
        }
        errors.throwIfAny();
    }

    /** The writer writes the file header at once: a header value it refuses is the header's fault. */
    private static <T> RemessaWriter<T> open(Supplier<? extends RemessaWriter<T>> factory, RemessaHeader header) {
        try {
            return factory.get();
        } catch (CnabWriteException e) {
            throw new InvalidRequestException(refused(e, "", Map.of(), Map.of(), header.extraFields()));
        }
    }

    private static <T> void writeAll(RemessaWriter<T> writer, List<T> items, String list,
                                     Function<T, Map<String, String>> paths, Function<T, Map<String, String>> extras,
                                     RemessaHeader header, RequestErrors errors) {
        try {
            for (int i = 0; i < items.size(); i++) {
                T item = items.get(i);
                try {
                    writer.add(item);
                } catch (CnabWriteException e) {
                    // nothing of the item was written; go on, to report every refused value at once
                    errors.add(refused(e, list + "[" + i + "]", paths.apply(item), extras.apply(item),
                            header.extraFields()));
                }
            }
            if (errors.isEmpty()) {
                writer.finish();
            }
        } catch (CnabWriteException e) {
            errors.add("Os totais não cabem no trailer do arquivo (" + e.record() + ", campo " + e.field()
                    + "): divida a remessa em arquivos menores.");
        } finally {
            try {
                writer.close();
            } catch (CnabWriteException alreadyReported) {
                // a refused trailer is reported above; the temporary file is discarded
            }
        }
    }

    /** A value the bank's layout refuses, named by the request property it came from. */
    static String refused(CnabWriteException e, String itemPath, Map<String, String> itemPaths,
                          Map<String, String> itemLayoutFields, Map<String, String> headerLayoutFields) {
        String field = e.field();
        String where;
        if (!itemPath.isEmpty() && itemLayoutFields.containsKey(field)) {
            where = itemPath + ".layoutFields." + field;
        } else if (!itemPath.isEmpty() && itemPaths.containsKey(field)) {
            String path = itemPaths.get(field);
            where = path.startsWith("header.") ? path : itemPath + "." + path;
        } else if (headerLayoutFields.containsKey(field)) {
            where = "header.layoutFields." + field;
        } else if (HEADER_PATHS.containsKey(field)) {
            where = HEADER_PATHS.get(field);
        } else {
            where = (itemPath.isEmpty() ? "header" : itemPath) + " (campo " + field + " do leiaute)";
        }
        return where + ": " + reason(e) + " [" + e.record() + (field.isEmpty() ? "" : ", campo " + field) + "]";
    }

    /** The writer's reason, in pt-BR (the engine's message catalogue). */
    private static String reason(CnabWriteException e) {
        return e.messagePt();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
