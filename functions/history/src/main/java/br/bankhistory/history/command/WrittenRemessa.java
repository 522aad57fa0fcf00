package br.bankhistory.history.command;

import br.bankhistory.cnab.Category;
import br.bankhistory.cnab.Classification;
import br.bankhistory.cnab.CnabReader;
import br.bankhistory.cnab.Direction;
import br.bankhistory.cnab.FileHeader;
import br.bankhistory.cnab.FileSummary;
import br.bankhistory.cnab.Finding;
import br.bankhistory.cnab.Item;
import br.bankhistory.cnab.ReadOptions;
import br.bankhistory.cnab.Severity;
import br.bankhistory.history.command.GenerateRemittance.Request;
import br.bankhistory.history.command.GenerateRemittance.ServiceKind;
import br.bankhistory.history.domain.BankAccount;
import br.bankhistory.history.domain.InvalidRequestException;
import br.bankhistory.history.port.SettingsStore;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The written remessa, checked as Ingest will see it before it is stored: read back with the engine's reader
 * (a file with errors is refused, naming them), and of an account the company registered (a file Ingest would
 * hold as suspect is refused up front).
 */
final class WrittenRemessa {

    private static final int ERRORS_SHOWN = 10;

    private final CnabReader reader;
    private final SettingsStore settings;

    WrittenRemessa(CnabReader reader, SettingsStore settings) {
        this.reader = reader;
        this.settings = settings;
    }

    /** What the reader made of the written file. */
    record ReadBack(FileSummary summary, List<Item> titles) {
    }

    /** The file as Ingest will read it: a file with errors is not stored. */
    ReadBack readBack(Request r, Path temp) throws IOException {
        FileSummary summary;
        List<Item> items = new ArrayList<>();
        try (InputStream in = Files.newInputStream(temp)) {
            summary = reader.read(in, items::add, ReadOptions.defaults());
        }
        Classification c = summary.classification();
        br.bankhistory.cnab.Service expected = r.service() == ServiceKind.COBRANCA
                ? br.bankhistory.cnab.Service.COBRANCA : br.bankhistory.cnab.Service.PAGAMENTO;
        if (c.direction() != Direction.REMESSA || c.service() != expected || !c.bankCode().equals(r.bankCode())) {
            throw new IllegalStateException("the generated remessa reads as " + c);
        }
        if (summary.errorCount() > 0) {
            List<String> messages = new ArrayList<>();
            for (Finding finding : summary.findings()) {
                if (finding.severity() == Severity.ERROR && messages.size() < ERRORS_SHOWN) {
                    messages.add("linha " + finding.line() + ": " + finding.messagePt());
                }
            }
            throw new InvalidRequestException("O arquivo gerado com estes dados não passa na leitura do banco "
                    + r.bankCode() + ": " + String.join("; ", messages));
        }
        List<Item> sent = items.stream().filter(item -> item.category() == Category.INSTRUCTION_ENTRY
                || item.category() == Category.INSTRUCTION_PAYMENT).toList();
        return new ReadBack(summary, sent);
    }

    /** A file Ingest would hold as suspect (an account the tenant has not registered) is refused up front. */
    void checkRegisteredAccount(String tenant, FileSummary summary) {
        List<BankAccount> registered = settings.accounts(tenant);
        Classification c = summary.classification();
        FileHeader h = summary.header();
        if (!registered.isEmpty() && registered.stream().noneMatch(account -> account.matches(c.bankCode(),
                h.agency(), h.account(), h.agreement(), h.companyDocument()))) {
            throw new InvalidRequestException("header: o banco " + c.bankCode() + ", a agência, a conta, o convênio "
                    + "e o CNPJ do cabeçalho não correspondem a nenhuma conta cadastrada da empresa; o arquivo seria "
                    + "registrado como suspeito. Corrija o cabeçalho ou cadastre a conta "
                    + "em Configurações > Contas bancárias.");
        }
    }
}
