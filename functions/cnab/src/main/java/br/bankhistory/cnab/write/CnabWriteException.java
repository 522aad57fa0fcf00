package br.bankhistory.cnab.write;

import br.bankhistory.cnab.text.Messages;

import java.util.List;

/**
 * A value that cannot be written as the bank's layout asks: too long for its field (and not free text),
 * not a number in a numeric field, a negative amount, a date the field's picture cannot hold. Raised before
 * any byte of the item's records is written, so the writer stays usable: the caller may skip the item and
 * go on. The error is typed ({@link #code()}, {@link #arguments()}); its texts come from the engine's
 * message catalogue ({@link #messagePt()}, {@link #messageEn()}); {@link #getMessage()} stays English,
 * prefixed with the record and field.
 */
public final class CnabWriteException extends RuntimeException {

    /** What was refused; the arguments of each are listed in the order the messages use them. */
    public enum Code {
        /** No layout description for the record (no arguments). */
        NO_LAYOUT,
        /** A line of a copied file is too long: the maximum. */
        LINE_TOO_LONG,
        /** The layout's field overlaps the one before it: start, end. */
        FIELD_OVERLAP,
        /** A character outside latin-1: its hexadecimal code. */
        NOT_LATIN1,
        /** Too long for the field: the value, its length, the field's start, end and width. */
        TOO_LONG,
        /** More decimals than the field: the value, the field's decimals. */
        TOO_MANY_DECIMALS,
        /** A negative amount: the value. */
        NEGATIVE,
        /** Not digits in a numeric field: the value. */
        NOT_A_NUMBER,
        /** A value of a type no numeric field takes: the type's name. */
        UNSUPPORTED_VALUE,
        /** A year outside 1970-2069 in a ddMMyy date: the year. */
        SHORT_YEAR,
        /** A year that does not fit 4 digits: the year. */
        LONG_YEAR,
        /** A date given for a field with no date format (no arguments). */
        NOT_A_DATE_FIELD,
        /** A time given for a field of neither 4 nor 6 positions (no arguments). */
        BAD_TIME_FIELD,
        /** A copied numeric field that holds other characters: the text, start, end. */
        NOT_DIGITS,
        /** A remessa instruction the bank's layout has no code for: the instruction's name, the bank. */
        UNSUPPORTED_INSTRUCTION,
        /** A Pix on a title whose bank takes it only with an entry (Itaú 400: occurrence 71): the instruction's name, the bank. */
        PIX_ONLY_ON_ENTRY,
        /** Any other refusal: its English description. */
        OTHER
    }

    private final String record;
    private final String field;
    private final Code code;
    private final List<Object> arguments;

    public CnabWriteException(String record, String field, Code code, Object... arguments) {
        super(record + " " + field + ": " + Messages.en("write." + code.name(), arguments));
        this.record = record;
        this.field = field;
        this.code = code;
        this.arguments = List.of(arguments);
    }

    /** An untyped refusal ({@link Code#OTHER}), the message being its English text. */
    public CnabWriteException(String record, String field, String message) {
        this(record, field, Code.OTHER, message);
    }

    /** The layout record being written, e.g. {@code cnab240/341/segment-P}. */
    public String record() {
        return record;
    }

    /** The layout field whose value was refused, e.g. {@code our_number}; empty for record-level errors. */
    public String field() {
        return field;
    }

    public Code code() {
        return code;
    }

    /** The values the messages show, in the order {@link Code} documents. */
    public List<Object> arguments() {
        return arguments;
    }

    /** What was refused, in pt-BR, without the record and field (e.g. for a form field's error). */
    public String messagePt() {
        return Messages.pt("write." + code.name(), arguments.toArray());
    }

    /** What was refused, in English, without the record and field. */
    public String messageEn() {
        return Messages.en("write." + code.name(), arguments.toArray());
    }
}
