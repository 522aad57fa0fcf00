package br.bankhistory.cnab.read;

import br.bankhistory.cnab.layout.FieldSpec;
import br.bankhistory.cnab.layout.LayoutCatalog;
import br.bankhistory.cnab.layout.RecordLayout;
import br.bankhistory.cnab.occurrence.OccurrenceCatalog;
import br.bankhistory.cnab.occurrence.OccurrenceTable;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The CNAB 400 layouts and occurrence tables of one bank, fields resolved once. Shared per bank code. */
final class Cnab400Layouts {

    private static final Map<String, Cnab400Layouts> BY_BANK = new ConcurrentHashMap<>();
    private static final String FAMILY = LayoutCatalog.CNAB400;

    final RecordLayout header;
    final Detail retorno;
    final Detail remessa;
    final RecordLayout trailerRetorno;
    final RecordLayout trailerRemessa;

    final FieldSpec headerGeneratedOn;
    /** Optional header fields (null when the bank's header lacks them). */
    final FieldSpec headerCompanyDocument;
    final FieldSpec headerAgency;
    final FieldSpec headerAccount;
    final FieldSpec headerSequence;

    /**
     * The header fields of one direction: remessas are read with the bank's {@code header-remessa} (the
     * description the writer writes them with) when there is one, retornos with {@code header}. Every field
     * but the date may be absent (null): Sicredi's remessa header has no company name, Itaú's no convênio.
     */
    record Header(RecordLayout layout, FieldSpec companyName, FieldSpec agreement, FieldSpec generatedOn,
                  FieldSpec companyDocument, FieldSpec agency, FieldSpec account, FieldSpec sequence,
                  FieldSpec recordSequence) {

        static Header of(RecordLayout layout) {
            return new Header(layout, layout.find("company_name").orElse(null),
                    layout.find("agreement").orElse(null), layout.field("generated_on"),
                    layout.find("company_document").orElse(null), layout.find("agency").orElse(null),
                    layout.find("account").orElse(null), layout.find("sequence_number").orElse(null),
                    layout.find("record_sequence").orElse(null));
        }
    }

    final Header headerRemessa;
    final Header headerRetorno;
    /** The bank's complement records by type (2-8): their item fields (Pix), null when not described. */
    final ItemFields[] complementsRetorno = new ItemFields[10];
    final ItemFields[] complementsRemessa = new ItemFields[10];
    /**
     * The remessa's type-1 records told apart from a title only by their occurrence code (Banestes' sacador
     * avalista and message records, {@code detail-remessa-occurrence-NN}): by code, their item fields. Empty
     * for most banks.
     */
    final Map<String, ItemFields> remessaComplementsByOccurrence;
    /** The retorno trailer's per-occurrence totals (Bradesco-style), empty when the trailer states none. */
    final java.util.List<TrailerBlock> trailerBlocks;

    /**
     * One per-occurrence block of a retorno trailer: fields {@code occurrence_count_<codes>} and
     * {@code occurrence_total_<codes>}, codes joined by "_" ({@code occurrence_count_09_10}).
     */
    record TrailerBlock(java.util.List<String> codes, FieldSpec count, FieldSpec total) {

        static java.util.List<TrailerBlock> of(RecordLayout trailer) {
            java.util.List<TrailerBlock> blocks = new java.util.ArrayList<>();
            for (FieldSpec field : trailer.fields()) {
                if (field.name().startsWith("occurrence_count_")) {
                    String suffix = field.name().substring("occurrence_count_".length());
                    blocks.add(new TrailerBlock(java.util.List.of(suffix.split("_")), field,
                            trailer.find("occurrence_total_" + suffix).orElse(null)));
                }
            }
            return java.util.List.copyOf(blocks);
        }
    }

    /** One direction's detail record: where its item fields, occurrence and reasons are. */
    record Detail(RecordLayout layout, ItemFields item, FieldSpec occurrence, FieldSpec reasons,
                  FieldSpec companyDocument, FieldSpec sequence, OccurrenceTable occurrences) {

        static Detail of(RecordLayout layout, OccurrenceTable occurrences) {
            return new Detail(layout, ItemFields.of(layout), layout.field("occurrence_code"),
                    layout.find("reasons").orElse(null), layout.find("company_document").orElse(null),
                    layout.find("record_sequence").orElse(null), occurrences);
        }
    }

    private Cnab400Layouts(String bank) {
        LayoutCatalog layouts = LayoutCatalog.standard();
        OccurrenceCatalog occurrences = OccurrenceCatalog.standard();
        header = layouts.record(FAMILY, bank, "header");
        retorno = Detail.of(layouts.record(FAMILY, bank, "detail-retorno"),
                occurrences.table("cnab400-cobranca-retorno", bank));
        remessa = Detail.of(layouts.record(FAMILY, bank, "detail-remessa"),
                occurrences.table("cnab400-cobranca-remessa", bank));
        trailerRetorno = layouts.record(FAMILY, bank, "trailer-retorno");
        trailerRemessa = layouts.record(FAMILY, bank, "trailer-remessa");
        headerGeneratedOn = header.field("generated_on");
        headerCompanyDocument = header.find("company_document").orElse(null);
        headerAgency = header.find("agency").orElse(null);
        headerAccount = header.find("account").orElse(null);
        headerSequence = header.find("sequence_number").orElse(null);
        headerRetorno = Header.of(layouts.hasOwn(FAMILY, bank, "header-retorno")
                ? layouts.record(FAMILY, bank, "header-retorno") : header);
        trailerBlocks = TrailerBlock.of(trailerRetorno);
        for (int type = 2; type <= 8; type++) {
            if (layouts.hasOwn(FAMILY, bank, "detail-retorno-" + type)) {
                complementsRetorno[type] = ItemFields.of(layouts.record(FAMILY, bank, "detail-retorno-" + type));
            }
            if (layouts.hasOwn(FAMILY, bank, "detail-remessa-" + type)) {
                complementsRemessa[type] = ItemFields.of(layouts.record(FAMILY, bank, "detail-remessa-" + type));
            }
        }
        headerRemessa = Header.of(layouts.find(FAMILY, bank, "header-remessa").orElse(header));
        Map<String, ItemFields> byOccurrence = new java.util.HashMap<>();
        String prefix = "detail-remessa-occurrence-";
        for (String name : layouts.recordNames(FAMILY, bank)) {
            if (name.startsWith(prefix) && layouts.hasOwn(FAMILY, bank, name)) {
                byOccurrence.put(name.substring(prefix.length()), ItemFields.of(layouts.record(FAMILY, bank, name)));
            }
        }
        remessaComplementsByOccurrence = Map.copyOf(byOccurrence);
    }

    static Cnab400Layouts forBank(String bankCode) {
        String key = bankCode.length() == 3 && bankCode.chars().allMatch(c -> c >= '0' && c <= '9')
                ? bankCode : "000";
        return BY_BANK.computeIfAbsent(key, Cnab400Layouts::new);
    }
}
