package br.bankhistory.history.domain;

import java.util.Locale;

/** File names are matched case-insensitively and without surrounding blanks. */
public final class FileNames {

    private FileNames() {
    }

    public static String key(String fileName) {
        return fileName.strip().toLowerCase(Locale.ROOT);
    }
}
