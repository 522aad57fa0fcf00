package br.bankhistory.cnab.cli;

import java.io.PrintStream;

/**
 * A minimal streaming JSON writer: objects, arrays, strings, numbers, booleans and null, written as they
 * come (nothing is held), commas placed by a small stack of "first element" flags. Strings are escaped to
 * pure ASCII ({@code \\uXXXX} for everything past 0x7E), so the output reads the same whatever the
 * terminal's encoding.
 */
final class Json {

    private final PrintStream out;
    private final boolean[] first = new boolean[64];
    private int depth;
    private boolean afterName;

    Json(PrintStream out) {
        this.out = out;
    }

    Json beginObject() {
        value();
        out.print('{');
        push();
        return this;
    }

    Json endObject() {
        depth--;
        out.print('}');
        return this;
    }

    Json beginArray() {
        value();
        out.print('[');
        push();
        return this;
    }

    Json endArray() {
        depth--;
        out.print(']');
        return this;
    }

    Json name(String name) {
        separator();
        string(name);
        out.print(':');
        afterName = true;
        return this;
    }

    Json value(String text) {
        value();
        if (text == null) {
            out.print("null");
        } else {
            string(text);
        }
        return this;
    }

    Json value(long number) {
        value();
        out.print(number);
        return this;
    }

    Json value(boolean flag) {
        value();
        out.print(flag);
        return this;
    }

    Json field(String name, String text) {
        return name(name).value(text);
    }

    Json field(String name, long number) {
        return name(name).value(number);
    }

    private void push() {
        first[++depth] = true;
    }

    /** Before a value: a comma unless it follows a name or opens its container. */
    private void value() {
        if (afterName) {
            afterName = false;
            return;
        }
        separator();
    }

    private void separator() {
        if (depth == 0) {
            return;
        }
        if (first[depth]) {
            first[depth] = false;
        } else {
            out.print(',');
        }
    }

    private void string(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> escaped.append("\\\"");
                case '\\' -> escaped.append("\\\\");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case '\t' -> escaped.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7E) {
                        escaped.append(String.format("\\u%04x", (int) c));
                    } else {
                        escaped.append(c);
                    }
                }
            }
        }
        out.print(escaped.append('"'));
    }
}
