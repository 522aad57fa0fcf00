package br.bankhistory.bench.cnab;

import br.bankhistory.bench.cnab.CnabFileGenerator.Kind;
import com.github.braully.boleto.LayoutsSuportados;
import com.github.braully.boleto.RegistroArquivo;
import com.github.braully.boleto.RetornoArquivo;
import com.github.braully.boleto.TagLayout;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static com.github.braully.boleto.TagLayout.TagCreator.detalheSegmentoA;
import static com.github.braully.boleto.TagLayout.TagCreator.fbancoCodigo;
import static com.github.braully.boleto.TagLayout.TagCreator.fcodigoRegistro;
import static com.github.braully.boleto.TagLayout.TagCreator.field;
import static com.github.braully.boleto.TagLayout.TagCreator.flatfile;
import static com.github.braully.boleto.TagLayout.TagCreator.flote;
import static com.github.braully.boleto.TagLayout.TagCreator.fmovimentoCodigo;
import static com.github.braully.boleto.TagLayout.TagCreator.fsegmento;
import static com.github.braully.boleto.TagLayout.TagCreator.fsequencialRegistro;

/**
 * Contender (d): io.github.braully:bpp-cobranca 1.0.5 (Apache-2.0), the fastest CNAB-aware open-source reader
 * found runnable here that gets the totals right (docs/benchmarks.md). Called as measured there:
 * read the lines, {@code new RetornoArquivo(layout).parse(lines)}, then {@code detalhes()} and
 * {@code getValue(name)} (strings), summed by occurrence code.
 *
 * <ul>
 *   <li>240 cobrança: {@code LAYOUT_ITAU_CNAB240_COBRANCA_RETORNO}; T gives code, valor and tarifa, the U
 *       after it the valor pago.</li>
 *   <li>400 Itaú: the library has no Itaú 400 layout; {@code LAYOUT_BRADESCO_CNAB400_COBRANCA_RETORNO} has the
 *       same positions for the fields summed (ocorrência 109-110, valor 153-165, tarifa 176-188, pago
 *       254-266).</li>
 *   <li>240 pagamento: {@code LAYOUT_FEBRABAN_CNAB240} has J and J-52 but no segment A: A is added with the
 *       library's own DSL ({@code detalheSegmentoA}) to a copy of its record list (the public constant is
 *       read-only, its children list is read by reflection).</li>
 * </ul>
 */
final class BppCobrancaPeer {

    private BppCobrancaPeer() {
    }

    /** What one run produced; {@code parsed} is kept so the caller can measure the heap it holds. */
    record Result(Tally tally, Object parsed) {
    }

    static Result run(Kind kind, Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        RetornoArquivo retorno = new RetornoArquivo(layout(kind));
        retorno.parse(lines);
        Tally tally = new Tally(kind != Kind.PAGAMENTO_240);
        String pendingCode = null;
        for (RegistroArquivo r : retorno.detalhes()) {
            switch (kind) {
                case COBRANCA_240 -> {
                    String name = r.getName();
                    if (name.equals("detalheSegmentoT")) {
                        pendingCode = r.getValue("movimentoCodigo");
                        tally.add(pendingCode, 1, cents(r.getValue("valor")), 0,
                                cents(r.getValue("valorTarifaCustas")));
                    } else if (name.equals("detalheSegmentoU") && pendingCode != null) {
                        tally.add(pendingCode, 0, 0, cents(r.getValue("valorPagamento")), 0);
                        pendingCode = null;
                    }
                }
                case ITAU_400 -> tally.add(r.getValue("movimentoCodigo"), 1, cents(r.getValue("valor")),
                        cents(r.getValue("valorPagamento")), cents(r.getValue("valorTarifaCustas")));
                case PAGAMENTO_240 -> {
                    String name = r.getName();
                    long value;
                    if (name.equals("detalheSegmentoJ")) {
                        value = cents(r.getValue("valorPagamento"));
                    } else if (name.equals("detalheSegmentoA")) {
                        value = cents(r.getValue("valor"));
                    } else {
                        continue; // J-52: not a payment
                    }
                    String code = r.<String>getValue("ocorrencias").substring(0, 2);
                    tally.add(code, 1, value, code.equals("00") ? value : 0, 0);
                }
                default -> throw new IllegalStateException();
            }
        }
        return new Result(tally, retorno);
    }

    private static long cents(Object value) {
        return value == null ? 0 : Long.parseLong(value.toString().strip());
    }

    private static TagLayout layout(Kind kind) {
        return switch (kind) {
            case COBRANCA_240 -> LayoutsSuportados.LAYOUT_ITAU_CNAB240_COBRANCA_RETORNO;
            case ITAU_400 -> LayoutsSuportados.LAYOUT_BRADESCO_CNAB400_COBRANCA_RETORNO;
            case PAGAMENTO_240 -> PagamentoLayout.WITH_SEGMENT_A;
        };
    }

    private static final class PagamentoLayout {
        static final TagLayout WITH_SEGMENT_A = build();

        @SuppressWarnings("unchecked")
        private static TagLayout build() {
            try {
                Field children = TagLayout.class.getDeclaredField("filhos");
                children.setAccessible(true);
                List<TagLayout> records = new ArrayList<>(
                        (List<TagLayout>) children.get(LayoutsSuportados.LAYOUT_FEBRABAN_CNAB240));
                // FEBRABAN 240 segment A (pagamento): positions 1-240 in order
                records.add(detalheSegmentoA(fbancoCodigo(), flote().value(1), fcodigoRegistro().value("3"),
                        fsequencialRegistro(), fsegmento().id(true).value("A"), field("movimentoTipo").length(1),
                        fmovimentoCodigo(), field("camara").length(3), field("favorecidoBanco").length(3),
                        field("favorecidoAgencia").length(6), field("favorecidoConta").length(13),
                        field("favorecidoDac").length(1), field("favorecidoNome").length(30),
                        field("numeroDocumento").length(20), field("dataPagamento").length(8),
                        field("tipoMoeda").length(3), field("qtdeMoeda").length(15), field("valor").length(15),
                        field("nossoNumero").length(20), field("dataEfetiva").length(8),
                        field("valorEfetivo").length(15), field("informacoes").length(40),
                        field("complemento").length(12), field("aviso").length(1),
                        field("ocorrencias").length(10)));
                return flatfile(records.toArray(new TagLayout[0]));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("bpp-cobranca layout internals changed", e);
            }
        }
    }
}
