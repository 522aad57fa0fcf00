package br.bankhistory.history.notify;

import br.bankhistory.history.domain.FileNames;
import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.domain.RecordStatus;

import java.util.ArrayList;
import java.util.List;

import static br.bankhistory.history.notify.RecordWords.bank;
import static br.bankhistory.history.notify.RecordWords.capitalize;
import static br.bankhistory.history.notify.RecordWords.company;
import static br.bankhistory.history.notify.RecordWords.isBlank;
import static br.bankhistory.history.notify.RecordWords.kindLabel;
import static br.bankhistory.history.notify.RecordWords.statusLabel;

/**
 * The facts table of a file email: the file, its kind and status, company, bank, account, NSA, dates and
 * origin, and for a file that was read, its item count and totals.
 */
final class FileFacts {

    private FileFacts() {
    }

    static List<String[]> of(IntegrationRecord record, Nouns nouns) {
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
}
