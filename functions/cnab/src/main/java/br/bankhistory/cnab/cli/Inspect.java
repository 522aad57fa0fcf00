package br.bankhistory.cnab.cli;

import br.bankhistory.cnab.CnabReadException;
import br.bankhistory.cnab.CnabReader;
import br.bankhistory.cnab.FileSummary;
import br.bankhistory.cnab.ItemSink;
import br.bankhistory.cnab.ReadOptions;

import java.io.BufferedInputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * {@code inspect FILE [--json] [--items] [--max-findings N]}: reads a CNAB file with the engine and prints
 * what it is (layout, bank, direction, service, layout version), its header, totals by category and by
 * occurrence code, the item count (and each item with {@code --items}) and the findings. Text for people,
 * one JSON object with {@code --json} (amounts in cents there, {@code R$ 1.234,56} in text).
 *
 * <p>Exit codes: 0 read with no ERROR finding; 1 read, with ERROR findings; 2 not readable as CNAB (not a
 * CNAB file, file missing or unreadable, bad arguments), with a message on stderr. Items are printed as
 * they are read: memory does not grow with the file.
 */
public final class Inspect {

    public static final int CLEAN = 0;
    public static final int FINDINGS_WITH_ERRORS = 1;
    public static final int NOT_CNAB = 2;

    static final String USAGE = "usage: inspect FILE [--json] [--items] [--max-findings N]";

    private Inspect() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        int code = run(args, out, err);
        out.flush();
        System.exit(code);
    }

    /** The whole command, in process: parses the arguments, reads the file, prints, returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        InspectOptions options;
        try {
            options = InspectOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("inspect: " + e.getMessage());
            err.println(USAGE);
            return NOT_CNAB;
        }
        if (options.help()) {
            out.println(USAGE);
            out.println("  exit codes: 0 clean, 1 findings with errors, 2 not CNAB / unreadable / usage error");
            return CLEAN;
        }
        Path file = Path.of(options.file());
        if (!Files.isRegularFile(file)) {
            err.println("inspect: file not found: " + options.file());
            return NOT_CNAB;
        }
        InspectReport report = options.json() ? new JsonReport(out, file) : new TextReport(out, file);
        FileSummary summary;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            ItemSink sink = options.items() ? report::item : ItemSink.DISCARD;
            report.begin(options.items());
            summary = CnabReader.standard().read(in, sink, new ReadOptions(options.maxFindings()));
        } catch (NoSuchFileException e) {
            err.println("inspect: file not found: " + options.file());
            return NOT_CNAB;
        } catch (IOException | UncheckedIOException | CnabReadException e) {
            out.flush();
            err.println("inspect: cannot read " + options.file() + ": " + e.getMessage());
            return NOT_CNAB;
        }
        int code = ExitCodePolicy.of(summary);
        report.end(summary, code);
        out.flush();
        if (code == NOT_CNAB) {
            err.println("inspect: " + options.file() + " is not a CNAB file: "
                    + ExitCodePolicy.notCnabReason(summary));
        }
        return code;
    }
}
