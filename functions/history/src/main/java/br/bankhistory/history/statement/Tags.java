package br.bankhistory.history.statement;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDNumberTreeNode;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkInfo;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDPropertyList;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The statement's logical structure (a tagged PDF): a Document element holding headings, paragraphs and
 * tables (one TR per row, with its row's text as one marked-content sequence), the parent tree that maps each
 * page's marked content back to its element, and the catalog entries a reader looks for: MarkInfo, Lang
 * pt-BR, the title shown in the window, XMP with title and language.
 */
final class Tags {

    private static final COSName TABS = COSName.getPDFName("Tabs");

    private final PDStructureTreeRoot root = new PDStructureTreeRoot();
    private final PDStructureElement document;
    /** Per page (its StructParents key): the element of each MCID, in MCID order. */
    private final Map<Integer, COSArray> parents = new LinkedHashMap<>();
    /** The page an element's direct MCIDs are on (its Pg), for elements that received one. */
    private final Map<PDStructureElement, PDPage> pageOf = new HashMap<>();
    private COSArray current;
    private int pageKey = -1;

    Tags(PDDocument pdf) {
        PDDocumentCatalog catalog = pdf.getDocumentCatalog();
        catalog.setStructureTreeRoot(root);
        PDMarkInfo markInfo = new PDMarkInfo();
        markInfo.setMarked(true);
        catalog.setMarkInfo(markInfo);
        catalog.setLanguage("pt-BR");
        document = new PDStructureElement(StandardStructureTypes.DOCUMENT, root);
        document.setLanguage("pt-BR");
        root.appendKid(document);
    }

    PDStructureElement document() {
        return document;
    }

    /** A new element of {@code type} (a {@link StandardStructureTypes} name), last child of {@code parent}. */
    PDStructureElement add(PDStructureElement parent, String type) {
        PDStructureElement e = new PDStructureElement(type, parent);
        parent.appendKid(e);
        return e;
    }

    void startPage(PDPage page) {
        pageKey++;
        page.setStructParents(pageKey);
        page.getCOSObject().setName(TABS, "S"); // tab order follows the structure
        current = new COSArray();
        parents.put(pageKey, current);
    }

    /** The next MCID of the current page, given to {@code element}. */
    int mark(PDStructureElement element, PDPage page) {
        int mcid = current.size();
        current.add(element);
        PDPage pg = pageOf.get(element);
        if (pg == null) {
            pageOf.put(element, page);
            element.setPage(page);
            element.appendKid(mcid);
        } else if (pg == page) {
            element.appendKid(mcid);
        } else {
            PDMarkedContentReference ref = new PDMarkedContentReference();
            ref.setMCID(mcid);
            ref.setPage(page);
            element.appendKid(ref);
        }
        return mcid;
    }

    static PDPropertyList mcidProperties(int mcid) {
        COSDictionary d = new COSDictionary();
        d.setInt(COSName.MCID, mcid);
        return PDPropertyList.create(d);
    }

    /** Writes the parent tree and the document's title (info, viewer preference, XMP). */
    void finish(PDDocument pdf, String title) throws IOException {
        PDNumberTreeNode tree = new PDNumberTreeNode(COSBase.class);
        tree.setNumbers(parents);
        root.setParentTree(tree);
        root.setParentTreeNextKey(pageKey + 1);
        pageOf.clear();

        PDDocumentCatalog catalog = pdf.getDocumentCatalog();
        PDViewerPreferences prefs = new PDViewerPreferences(new COSDictionary());
        prefs.setDisplayDocTitle(true);
        catalog.setViewerPreferences(prefs);
        PDMetadata metadata = new PDMetadata(pdf);
        try (OutputStream out = metadata.createOutputStream()) {
            out.write(xmp(title).getBytes(StandardCharsets.UTF_8));
        }
        catalog.setMetadata(metadata);
    }

    private static String xmp(String title) {
        String t = xml(title);
        return "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
                + "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                + "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + t + "</rdf:li>"
                + "<rdf:li xml:lang=\"pt-BR\">" + t + "</rdf:li></rdf:Alt></dc:title>"
                + "<dc:language><rdf:Bag><rdf:li>pt-BR</rdf:li></rdf:Bag></dc:language>"
                + "<dc:format>application/pdf</dc:format>"
                + "</rdf:Description></rdf:RDF></x:xmpmeta>\n<?xpacket end=\"w\"?>";
    }

    private static String xml(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(c < 0x20 ? ' ' : c);
            }
        }
        return out.toString();
    }
}
