package br.bankhistory.history.notify;

import java.util.List;

/**
 * Writes the plain-text and the HTML alternative side by side, so both always say the same thing. Every
 * value given here is plain text: it is escaped for the HTML and cleaned of control characters for both.
 */
final class EmailBody {

    private static final String FONT = "font-family:Arial,Helvetica,sans-serif;";
    private static final String CELL = "padding:4px 8px;border-bottom:1px solid #e4e7eb;vertical-align:top;";
    private static final String HEAD_CELL = "padding:4px 8px;border-bottom:2px solid #cbd2d9;text-align:left;"
            + "font-weight:bold;background:#f5f7fa;";

    private final StringBuilder text = new StringBuilder(2048);
    private final StringBuilder html = new StringBuilder(4096);

    EmailBody(String title) {
        html.append("<!DOCTYPE html>\n<html lang=\"pt-BR\">\n<head>\n<meta charset=\"UTF-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(PtBr.html(PtBr.clean(title))).append("</title>\n</head>\n")
                .append("<body style=\"margin:0;padding:0;background:#f4f5f7;\">\n")
                .append("<div style=\"max-width:760px;margin:0 auto;padding:24px;background:#ffffff;color:#1f2933;")
                .append("font-size:14px;line-height:1.5;").append(FONT).append("\">\n");
    }

    /** The message's main heading. */
    EmailBody heading(String value, boolean alert) {
        String clean = PtBr.clean(value);
        text.append(clean).append('\n').append("=".repeat(Math.min(clean.length(), 72))).append("\n\n");
        html.append("<h1 style=\"font-size:20px;margin:0 0 16px 0;color:").append(alert ? "#b42318" : "#1f2933")
                .append(";\">").append(PtBr.html(clean)).append("</h1>\n");
        return this;
    }

    /** A section heading. */
    EmailBody section(String value) {
        String clean = PtBr.clean(value);
        if (text.length() > 0 && !(text.length() >= 2 && text.charAt(text.length() - 1) == '\n'
                && text.charAt(text.length() - 2) == '\n')) {
            text.append('\n');
        }
        text.append(clean).append('\n').append("-".repeat(Math.min(clean.length(), 72))).append('\n');
        html.append("<h2 style=\"font-size:16px;margin:24px 0 8px 0;\">").append(PtBr.html(clean)).append("</h2>\n");
        return this;
    }

    EmailBody paragraph(String value) {
        String clean = PtBr.clean(value);
        text.append(clean).append("\n\n");
        html.append("<p style=\"margin:0 0 12px 0;\">").append(PtBr.html(clean)).append("</p>\n");
        return this;
    }

    /** A short note in smaller, grey type. */
    EmailBody note(String value) {
        String clean = PtBr.clean(value);
        text.append(clean).append("\n\n");
        html.append("<p style=\"margin:0 0 12px 0;font-size:12px;color:#616e7c;\">").append(PtBr.html(clean))
                .append("</p>\n");
        return this;
    }

    /** Label: value pairs; pairs whose value is blank are left out. */
    EmailBody facts(List<String[]> pairs) {
        html.append("<table role=\"presentation\" style=\"border-collapse:collapse;margin:0 0 12px 0;\">\n");
        for (String[] pair : pairs) {
            String label = PtBr.clean(pair[0]);
            String value = PtBr.clean(pair[1]);
            if (value.isEmpty()) {
                continue;
            }
            text.append(label).append(": ").append(value).append('\n');
            html.append("<tr><th scope=\"row\" style=\"padding:2px 16px 2px 0;text-align:left;font-weight:normal;")
                    .append("color:#616e7c;white-space:nowrap;vertical-align:top;\">").append(PtBr.html(label))
                    .append("</th><td style=\"padding:2px 0;\"><strong>").append(PtBr.html(value))
                    .append("</strong></td></tr>\n");
        }
        html.append("</table>\n");
        text.append('\n');
        return this;
    }

    /**
     * A table. In the text alternative the columns are padded to line up in a fixed-width font.
     *
     * @param numeric which columns are right-aligned
     * @param footer  a totals row, or null
     */
    EmailBody table(List<String> headers, List<List<String>> rows, boolean[] numeric, List<String> footer) {
        int columns = headers.size();
        int[] widths = new int[columns];
        List<List<String>> all = new java.util.ArrayList<>();
        all.add(headers);
        all.addAll(rows);
        if (footer != null) {
            all.add(footer);
        }
        List<List<String>> cleaned = all.stream().map(row -> row.stream().map(PtBr::clean).toList()).toList();
        for (List<String> row : cleaned) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        for (int r = 0; r < cleaned.size(); r++) {
            List<String> row = cleaned.get(r);
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                String cell = row.get(c);
                String pad = " ".repeat(widths[c] - cell.length());
                line.append(c == 0 ? "" : "  ").append(numeric[c] ? pad + cell : cell + pad);
            }
            text.append(line.toString().stripTrailing()).append('\n');
        }
        text.append('\n');

        html.append("<table style=\"border-collapse:collapse;margin:0 0 12px 0;font-size:13px;\">\n<thead><tr>");
        for (int c = 0; c < columns; c++) {
            html.append("<th scope=\"col\" style=\"").append(HEAD_CELL).append(numeric[c] ? "text-align:right;" : "")
                    .append("\">").append(PtBr.html(cleaned.get(0).get(c))).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (int r = 1; r <= rows.size(); r++) {
            htmlRow(cleaned.get(r), numeric, false);
        }
        html.append("</tbody>\n");
        if (footer != null) {
            html.append("<tfoot>\n");
            htmlRow(cleaned.get(cleaned.size() - 1), numeric, true);
            html.append("</tfoot>\n");
        }
        html.append("</table>\n");
        return this;
    }

    EmailBody bullets(List<String> items) {
        html.append("<ul style=\"margin:0 0 12px 0;padding-left:20px;\">\n");
        for (String item : items) {
            String clean = PtBr.clean(item);
            text.append("- ").append(clean).append('\n');
            html.append("<li>").append(PtBr.html(clean)).append("</li>\n");
        }
        html.append("</ul>\n");
        text.append('\n');
        return this;
    }

    EmailBody numbered(List<String> items) {
        html.append("<ol style=\"margin:0 0 12px 0;padding-left:20px;\">\n");
        int n = 1;
        for (String item : items) {
            String clean = PtBr.clean(item);
            text.append(n++).append(". ").append(clean).append('\n');
            html.append("<li style=\"margin-bottom:4px;\">").append(PtBr.html(clean)).append("</li>\n");
        }
        html.append("</ol>\n");
        text.append('\n');
        return this;
    }

    /** A call to action: the label as a button, and the address itself (text alternative: both). */
    EmailBody link(String label, String url) {
        String cleanLabel = PtBr.clean(label);
        String cleanUrl = PtBr.clean(url);
        text.append(cleanLabel).append(":\n").append(cleanUrl).append("\n\n");
        html.append("<p style=\"margin:16px 0;\"><a href=\"").append(PtBr.html(cleanUrl))
                .append("\" style=\"display:inline-block;padding:10px 16px;background:#1f5fbf;color:#ffffff;")
                .append("text-decoration:none;border-radius:4px;font-weight:bold;\">").append(PtBr.html(cleanLabel))
                .append("</a><br><span style=\"font-size:12px;color:#616e7c;word-break:break-all;\">")
                .append(PtBr.html(cleanUrl)).append("</span></p>\n");
        return this;
    }

    /** The closing line (a signature separator in the text alternative). */
    EmailBody footer(String value) {
        String clean = PtBr.clean(value);
        text.append("-- \n").append(clean).append('\n');
        html.append("<hr style=\"border:none;border-top:1px solid #e4e7eb;margin:24px 0 12px 0;\">\n")
                .append("<p style=\"margin:0;font-size:12px;color:#616e7c;\">").append(PtBr.html(clean))
                .append("</p>\n");
        return this;
    }

    String text() {
        return text.toString();
    }

    String html() {
        return html + "</div>\n</body>\n</html>\n";
    }

    private void htmlRow(List<String> row, boolean[] numeric, boolean bold) {
        html.append("<tr>");
        for (int c = 0; c < row.size(); c++) {
            html.append("<td style=\"").append(CELL).append(numeric[c] ? "text-align:right;white-space:nowrap;" : "")
                    .append(bold ? "font-weight:bold;" : "").append("\">").append(PtBr.html(row.get(c)))
                    .append("</td>");
        }
        html.append("</tr>\n");
    }
}
