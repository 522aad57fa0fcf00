package br.bankhistory.bench.ingest;

/** Which kind of history-table item a key is (docs/data-model.md, "Items"), for the write units by kind. */
final class TableItems {

    private TableItems() {
    }

    static String category(String pk, String sk) {
        if (pk.contains("#TI#")) {
            return "titleIndex";
        } else if (pk.contains("#TC#")) {
            return "titleClaim";
        } else if (pk.contains("#R#")) {
            return "legacyItem";
        }
        int hash = sk.indexOf('#');
        String prefix = hash > 0 ? sk.substring(0, hash) : sk;
        return switch (prefix) {
            case "R" -> "record";
            case "OBJ" -> "delivery";
            case "KEY" -> "objectKey";
            case "HASH" -> "contentClaim";
            case "TIX" -> "titleIndexManifest";
            case "TI_ORDER" -> "applicationOrder";
            case "LEASE" -> "lease";
            case "NSA" -> "nsa";
            case "MAIL" -> "email";
            default -> prefix.isEmpty() ? "other" : prefix.toLowerCase();
        };
    }
}
