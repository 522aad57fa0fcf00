package br.bankhistory.bench.statement;

import br.bankhistory.cnab.Category;
import br.bankhistory.cnab.Item;
import br.bankhistory.history.domain.FileKind;
import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.domain.Origin;
import br.bankhistory.history.domain.RecordStatus;
import br.bankhistory.history.domain.StoredFinding;
import br.bankhistory.history.domain.Totals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Demo data for the statement: a Caixa (104) retorno de cobrança CNAB 240 with titles of mixed outcomes, as the
 * engine would read it (FEBRABAN movement codes and reasons). Deterministic (fixed seed); names are invented.
 */
final class DemoStatements {

    private static final String[] PAYERS = {
            "JOSÉ DA CONCEIÇÃO ARAÚJO", "MERCADO BOM PREÇO LTDA", "PADARIA SÃO JOÃO ME",
            "MARIA APARECIDA DOS SANTOS", "CONSTRUTORA ALVORADA S.A.", "FARMÁCIA POPULAR DO POVO LTDA",
            "AUTO PEÇAS IRMÃOS GONÇALVES", "JOÃO PEDRO FERREIRA LIMA", "SUPERMERCADO PÃO DE AÇÚCAR DO BAIRRO",
            "ANA LÚCIA MONTEIRO CAVALCANTI", "DISTRIBUIDORA NORDESTE ALIMENTOS LTDA", "OFICINA MECÂNICA DOIS IRMÃOS",
            "COMÉRCIO DE MÓVEIS ITAÚNA EIRELI", "FRANCISCO ANTÔNIO DE SOUZA", "RESTAURANTE SABOR MINEIRO",
            "LOJA DE CONVENIÊNCIA ESTRELA", "CLÍNICA ODONTOLÓGICA SORRISO", "TRANSPORTADORA RÁPIDO SUL LTDA",
    };

    /** Movement (code, text, category, reasons) in the proportions a real retorno shows. */
    private static final Object[][] OUTCOMES = {
            {"06", "Liquidação", Category.PAID, List.of()},
            {"06", "Liquidação", Category.PAID, List.of()},
            {"06", "Liquidação", Category.PAID, List.of()},
            {"02", "Entrada confirmada", Category.ENTRY_CONFIRMED, List.of()},
            {"02", "Entrada confirmada", Category.ENTRY_CONFIRMED, List.of()},
            {"03", "Entrada rejeitada", Category.ENTRY_REJECTED, List.of("08 - Nosso número inválido")},
            {"03", "Entrada rejeitada", Category.ENTRY_REJECTED,
                    List.of("16 - Data de vencimento inválida", "48 - CEP inválido")},
            {"09", "Baixa", Category.WRITTEN_OFF, List.of("09 - Comandada banco")},
            {"25", "Protestado e baixado", Category.PROTESTED, List.of()},
            {"14", "Confirmação do recebimento da instrução de alteração de vencimento", Category.CHANGED, List.of()},
            {"28", "Débito de tarifas/custas", Category.FEE, List.of("03 - Tarifa de entrada")},
    };

    private DemoStatements() {
    }

    /** {@code n} items, generated now (the benchmark times rendering, not generation). */
    static List<Item> items(int n) {
        Random random = new Random(20250314L);
        List<Item> items = new ArrayList<>(n);
        LocalDate base = LocalDate.of(2025, 3, 14);
        for (int i = 0; i < n; i++) {
            Object[] o = OUTCOMES[i < OUTCOMES.length ? i : random.nextInt(OUTCOMES.length)];
            Category category = (Category) o[2];
            @SuppressWarnings("unchecked")
            List<String> reasons = (List<String>) o[3];
            long amount = 5_000 + random.nextInt(2_500_000);
            if (i % 97 == 13) {
                amount += 123_456_789L; // now and then a large title
            }
            long paid = 0;
            long fee = 0;
            LocalDate due = base.plusDays(random.nextInt(90) - 30);
            LocalDate occurrence = base.minusDays(1);
            LocalDate credit = null;
            switch (category) {
                case PAID -> {
                    long interest = random.nextInt(4) == 0 ? amount / 50 : 0; // late: 2% fine
                    paid = amount + interest;
                    fee = 250;
                    credit = base;
                }
                case PROTESTED -> fee = 1_530;
                case FEE -> {
                    fee = 180;
                    amount = 0;
                }
                default -> {
                }
            }
            if (category == Category.ENTRY_REJECTED && reasons.get(0).startsWith("16")) {
                due = null;
            }
            String ourNumber = String.format("14%015d", 4_512_000L + i);
            String yourNumber = String.format("NF %06d/%02d", 10_230 + i / 3, 1 + i % 3);
            String payer = PAYERS[random.nextInt(PAYERS.length)];
            items.add(new Item(3 + 2 * i, "T", ourNumber, yourNumber, (String) o[0], (String) o[1], category, reasons,
                    due, amount, paid, fee, occurrence, credit, payer, String.format("%014d", 11_222_333_000_181L + i)));
        }
        return items;
    }

    /** The record the ingest would write for {@code items}. */
    static IntegrationRecord record(List<Item> items) {
        Map<String, long[]> sums = new LinkedHashMap<>();
        long amount = 0;
        long paid = 0;
        for (Item item : items) {
            long[] t = sums.computeIfAbsent(item.category().name(), k -> new long[4]);
            t[0]++;
            t[1] += item.amountCents();
            t[2] += item.paidCents();
            t[3] += item.feeCents();
            amount += item.amountCents();
            paid += item.paidCents();
        }
        Map<String, Totals> byCategory = new LinkedHashMap<>();
        sums.forEach((k, t) -> byCategory.put(k, new Totals(t[0], t[1], t[2], t[3])));
        List<StoredFinding> findings = List.of(
                new StoredFinding("WARNING", 18, 78, "PAID_DIFFERS", "valor_pago",
                        "Valor pago difere do valor do título sem juros, multa, desconto ou abatimento informados",
                        "Paid amount differs from the title amount with no interest, fine, discount or rebate"),
                new StoredFinding("INFO", 1, 158, "LAYOUT_VERSION", "versao_layout",
                        "Versão do layout 107 (Caixa SIGCB) lida com a descrição FEBRABAN 240 e ajustes da Caixa",
                        "Layout version 107 (Caixa SIGCB) read with the FEBRABAN 240 description and Caixa overrides"));
        return new IntegrationRecord("acme", "01JPB7S4Q3M9X2K8V6T4R2N0PA", Instant.parse("2025-03-14T09:12:37Z"),
                "RET_104_1234567_20250314_000042.RET", "inbound/acme/RET_104_1234567_20250314_000042.RET",
                240L * (items.size() * 2 + 4), "9f".repeat(32), Origin.AUTOMATIC, "", "", RecordStatus.PROCESSED,
                FileKind.RETORNO_COBRANCA, "CNAB240", "RETORNO", "COBRANCA", "104", "Caixa Econômica Federal", "107",
                "ACME INDÚSTRIA E COMÉRCIO LTDA", "12345678000195", "1234-5", "0000567890-1", "1234567", 42,
                LocalDate.of(2025, 3, 14), items.size(), amount, paid, byCategory, findings,
                Map.of("WARNING", 1L, "INFO", 1L));
    }
}
