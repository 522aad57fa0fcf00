package br.bankhistory.history.adapter.s3;

import br.bankhistory.cnab.Amounts;
import br.bankhistory.cnab.Category;
import br.bankhistory.cnab.CodeText;
import br.bankhistory.cnab.Item;
import br.bankhistory.cnab.PaymentDetails;
import br.bankhistory.cnab.PaymentForm;
import br.bankhistory.cnab.Pix;
import br.bankhistory.cnab.StatementEntry;
import br.bankhistory.history.domain.StoredItem;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the items of a chunk ({@link ItemChunkEncoder} writes them) back into stored items, a property left out
 * read as empty. Unknown properties are skipped, so a reader of this version reads later chunks too.
 */
final class ItemChunkDecoder {

    private ItemChunkDecoder() {
    }

    /** The items of a chunk, in order. */
    static List<StoredItem> readItems(InputStream in, String recordId) throws IOException {
        List<StoredItem> items = new ArrayList<>();
        try (JsonParser p = CompactJson.FACTORY.createParser(in)) {
            while (p.nextToken() == JsonToken.START_OBJECT) {
                items.add(readItem(p, recordId));
            }
        }
        return items;
    }

    private static StoredItem readItem(JsonParser p, String recordId) throws IOException {
        JsonObjectFields f = new JsonObjectFields(p);
        int seq = f.integer("seq");
        Item item = new Item(f.integer("line"), f.text("seg"), f.text("on"), f.text("yn"), f.text("oc"), f.text("ot"),
                Category.valueOf(f.text("cat")), f.texts("rs"), f.date("due"), f.number("amt"), f.number("paid"),
                f.number("fee"), f.date("od"), f.date("cd"), f.text("cn"), f.text("cdoc"),
                f.has("am") ? Amounts.fromArray(f.numbers("am"), 0) : null, payment(f.object("pay")), pix(f.object("pix")),
                entry(f.object("ent")), f.bool("partial"));
        return new StoredItem(recordId, seq, f.text("fn"), item, null, List.of());
    }

    private static PaymentDetails payment(JsonObjectFields f) {
        if (f == null) {
            return null;
        }
        List<CodeText> occurrences = new ArrayList<>();
        for (List<String> pair : f.pairs("occ")) {
            occurrences.add(new CodeText(pair.get(0), pair.size() > 1 ? pair.get(1) : ""));
        }
        String form = f.text("form");
        return new PaymentDetails(form.isEmpty() ? null : PaymentForm.valueOf(form), f.text("fc"), f.text("cno"),
                f.text("bno"), f.date("sd"), f.number("sc"), f.date("ed"), f.number("ec"), f.text("pdoc"), f.text("pb"),
                f.text("pag"), f.text("pac"), f.text("auth"), f.text("bar"), f.number("int"), f.number("fine"),
                f.number("disc"), f.number("reb"), occurrences);
    }

    private static Pix pix(JsonObjectFields f) {
        return f == null ? null : new Pix(f.text("txid"), f.text("kt"), f.text("key"), f.text("emv"));
    }

    private static StatementEntry entry(JsonObjectFields f) {
        return f == null ? null : new StatementEntry(f.date("ad"), f.date("d"), f.number("amt"), f.bool("cr"),
                f.text("cc"), f.text("ct"), f.text("hc"), f.text("ht"), f.text("doc"));
    }
}
