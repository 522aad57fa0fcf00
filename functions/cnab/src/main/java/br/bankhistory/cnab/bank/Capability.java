package br.bankhistory.cnab.bank;

import br.bankhistory.cnab.Direction;
import br.bankhistory.cnab.Layout;
import br.bankhistory.cnab.Service;

import java.util.Objects;

/**
 * One kind of file the engine handles for a bank: a layout family, a service and a direction, e.g.
 * CNAB 240 cobrança retorno.
 */
public record Capability(Layout layout, Service service, Direction direction) {

    public Capability {
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(direction, "direction");
    }

    /** "cnab240 cobranca retorno", the form the bank files use. */
    static Capability parse(String source, String text) {
        String[] parts = text.strip().split("\\s+");
        if (parts.length != 3) {
            throw new IllegalStateException(source + ": expected 'cnab240|cnab400 cobranca|pagamento|extrato"
                    + " remessa|retorno', got '" + text + "'");
        }
        Layout layout = switch (parts[0]) {
            case "cnab240" -> Layout.CNAB240;
            case "cnab400" -> Layout.CNAB400;
            default -> throw new IllegalStateException(source + ": unknown layout family " + parts[0]);
        };
        return new Capability(layout, Service.valueOf(parts[1].toUpperCase(java.util.Locale.ROOT)),
                Direction.valueOf(parts[2].toUpperCase(java.util.Locale.ROOT)));
    }

    @Override
    public String toString() {
        return layout.name().toLowerCase(java.util.Locale.ROOT) + " " + service.name().toLowerCase(java.util.Locale.ROOT)
                + " " + direction.name().toLowerCase(java.util.Locale.ROOT);
    }
}
