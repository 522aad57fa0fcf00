package br.bankhistory.bench.ingest;

/** What an S3 request's path holds: item chunks, a retorno's links, a remessa's answers, a delivered file. */
final class S3Objects {

    private S3Objects() {
    }

    static String category(String path) {
        int items = path.indexOf("/items/");
        if (items >= 0 || path.startsWith("items/")) {
            if (path.contains("/links/")) {
                return "links";
            } else if (path.contains("/answers/")) {
                return "answers";
            }
            return path.endsWith(".jsonl.gz") ? "chunks" : "items";
        }
        for (String place : new String[] {"inbound", "uploads", "outbound", "statements"}) {
            if (path.contains("/" + place + "/") || path.startsWith(place + "/")) {
                return place;
            }
        }
        return "bucket";
    }
}
