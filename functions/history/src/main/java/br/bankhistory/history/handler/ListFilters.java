package br.bankhistory.history.handler;

import br.bankhistory.history.domain.FileKind;
import br.bankhistory.history.domain.InvalidRequestException;
import br.bankhistory.history.domain.ListFilter;
import br.bankhistory.history.domain.Origin;
import br.bankhistory.history.domain.RecordStatus;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The list's query parameters as a {@link ListFilter}. Periods are calendar days in America/Sao_Paulo (what
 * users see), inclusive on both ends, turned into receipt-time instants.
 */
final class ListFilters {

    static final ZoneId BRAZIL = ZoneId.of("America/Sao_Paulo");

    private ListFilters() {
    }

    static ListFilter from(Map<String, String> query) {
        Optional<LocalDate> from = date(query, "from");
        Optional<LocalDate> to = date(query, "to");
        if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
            throw new InvalidRequestException("O período é inválido: a data inicial é posterior à final.");
        }
        return new ListFilter(
                enumValue(query, "kind", FileKind::valueOf),
                choice(query, "direction", "REMESSA", "RETORNO"),
                text(query, "bank", "\\d{3}"),
                text(query, "account", "[0-9./-]{1,30}"),
                enumValue(query, "origin", Origin::valueOf),
                text(query, "user", "[A-Za-z0-9._@-]{1,128}"),
                enumValue(query, "status", RecordStatus::valueOf),
                text(query, "fileName", "[^\\p{Cntrl}]{1,255}"),
                from.map(d -> d.atStartOfDay(BRAZIL).toInstant()),
                to.map(d -> d.plusDays(1).atStartOfDay(BRAZIL).toInstant()));
    }

    private static Optional<String> text(Map<String, String> query, String name, String pattern) {
        String value = query.get(name);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        if (!value.strip().matches(pattern)) {
            throw new InvalidRequestException("Valor inválido para o filtro " + name + ".");
        }
        return Optional.of(value.strip());
    }

    private static Optional<String> choice(Map<String, String> query, String name, String... allowed) {
        Optional<String> value = text(query, name, "[A-Za-z_]{1,30}").map(v -> v.toUpperCase(Locale.ROOT));
        if (value.isPresent() && !java.util.List.of(allowed).contains(value.get())) {
            throw new InvalidRequestException("Valor inválido para o filtro " + name + ".");
        }
        return value;
    }

    private static <E> Optional<E> enumValue(Map<String, String> query, String name, Function<String, E> parse) {
        Optional<String> value = text(query, name, "[A-Za-z_]{1,40}");
        try {
            return value.map(v -> parse.apply(v.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            throw new InvalidRequestException("Valor inválido para o filtro " + name + ".");
        }
    }

    private static Optional<LocalDate> date(Map<String, String> query, String name) {
        Optional<String> value = text(query, name, "\\d{4}-\\d{2}-\\d{2}");
        try {
            return value.map(LocalDate::parse);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("Data inválida em " + name + " (use AAAA-MM-DD).");
        }
    }
}
