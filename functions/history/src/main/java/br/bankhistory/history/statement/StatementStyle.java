package br.bankhistory.history.statement;

import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * The statement's fixed measures, in points and RGB: the A4-landscape page and its margins, the type sizes,
 * the table metrics and the colors. Every part of the statement draws with these, so its look changes here.
 */
final class StatementStyle {

    private StatementStyle() {
    }

    // ---- page geometry (points; A4 landscape) ----
    static final PDRectangle PAGE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
    static final float LEFT = 28f;
    static final float RIGHT = PAGE.getWidth() - 28f;
    static final float WIDTH = RIGHT - LEFT;
    static final float TOP = PAGE.getHeight() - 24f;
    static final float HEAD_RULE_Y = TOP - 33f;
    static final float CONTENT_TOP = HEAD_RULE_Y - 9f;
    static final float FOOTER_RULE_Y = 36f;
    static final float CONTENT_BOTTOM = FOOTER_RULE_Y + 5f;

    // ---- type ----
    static final float TITLE_SIZE = 13f;
    static final float HEAD_SIZE = 7.5f;
    static final float SECTION_SIZE = 9.5f;
    static final float BODY_SIZE = 7.5f;
    static final float LABEL_SIZE = 6.5f;
    static final float VALUE_SIZE = 8f;
    static final float FOOTER_SIZE = 6.5f;
    static final float MIN_NUMBER_SIZE = 4.5f;

    // ---- tables ----
    static final float PAD = 4f;
    static final float ROW_H = 11f;
    static final float TABLE_HEAD_H = 15f;
    static final float BASELINE = 3.4f; // from a row's bottom to its text baseline
    static final float SECTION_H = 20f;
    static final float LINE_H = 9.5f;   // wrapped texts

    // ---- colors (RGB) ----
    static final int INK = 0x222A35;
    static final int MUTED = 0x687383;
    static final int ACCENT = 0x1F3A5F;
    static final int HEAD_BG = 0xE3E9F0;
    static final int PANEL_BG = 0xF3F5F8;
    static final int ZEBRA = 0xF5F7FA;
    static final int RULE = 0xC5CDD7;
    static final int RED = 0xB00020;
}
