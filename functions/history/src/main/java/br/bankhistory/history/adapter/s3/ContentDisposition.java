package br.bankhistory.history.adapter.s3;

import java.nio.charset.StandardCharsets;

/** {@code Content-Disposition: attachment} with an ASCII fallback and the RFC 6266 / 5987 UTF-8 name. */
public final class ContentDisposition {

    private ContentDisposition() {
    }

    public static String attachment(String fileName) {
        return disposition("attachment", fileName);
    }

    public static String inline(String fileName) {
        return disposition("inline", fileName);
    }

    private static String disposition(String type, String fileName) {
        StringBuilder ascii = new StringBuilder();
        for (char c : fileName.toCharArray()) {
            ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? c : '_');
        }
        return type + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + percentEncode(fileName);
    }

    private static String percentEncode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
