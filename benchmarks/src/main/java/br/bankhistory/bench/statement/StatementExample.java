package br.bankhistory.bench.statement;

import br.bankhistory.cnab.Item;
import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.statement.StatementRenderer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Renders the demo statement (a Caixa retorno de cobrança with 30 titles of mixed outcomes) and keeps its first
 * page as {@code docs/images/statement-example.png} (and the PDF as {@code benchmarks/target/statement-example.pdf}).
 *
 * <pre>mvn -B -q -pl benchmarks exec:java -Dexec.mainClass=br.bankhistory.bench.statement.StatementExample</pre>
 *
 * Options: {@code -Dstatement.items=30}, {@code -Dstatement.dpi=110}, {@code -Dstatement.page=1}.
 */
public final class StatementExample {

    private StatementExample() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        Path root = Path.of(System.getProperty("bench.root", ".")).toAbsolutePath().normalize();
        int n = Integer.getInteger("statement.items", 30);
        int dpi = Integer.getInteger("statement.dpi", 110);
        int page = Integer.getInteger("statement.page", 1);

        List<Item> items = DemoStatements.items(n);
        IntegrationRecord record = DemoStatements.record(items);
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        new StatementRenderer().render(record, items, pdf);

        Path pdfOut = root.resolve("benchmarks/target/statement-example.pdf");
        Files.createDirectories(pdfOut.getParent());
        Files.write(pdfOut, pdf.toByteArray());

        Path png = root.resolve(page == 1 ? "docs/images/statement-example.png"
                : "benchmarks/target/statement-example-page" + page + ".png");
        Files.createDirectories(png.getParent());
        try (PDDocument doc = Loader.loadPDF(pdf.toByteArray())) {
            BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(page - 1, dpi, ImageType.RGB);
            ImageIO.write(image, "png", png.toFile());
            System.out.printf("%d items, %d pages, %,d bytes -> %s (page %d at %d dpi) and %s%n", n,
                    doc.getNumberOfPages(), pdf.size(), root.relativize(png), page, dpi, root.relativize(pdfOut));
        }
    }
}
