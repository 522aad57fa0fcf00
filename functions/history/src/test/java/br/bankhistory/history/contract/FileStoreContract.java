package br.bankhistory.history.contract;

import br.bankhistory.history.port.FileStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link FileStore} does, the in-memory fake and the S3 adapter alike: reading and writing
 * objects (presigned URLs are the adapter's own, covered by the emulator tests).
 */
abstract class FileStoreContract {

    private static final byte[] BYTES = "02RETORNO01COBRANCA\r\n".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path temp;

    private FileStore files;

    /** A store over a new, empty bucket. */
    abstract FileStore newStore();

    /** Another store over the bucket of the last {@link #newStore()}: another Lambda sandbox. */
    abstract FileStore sameStorage();

    @BeforeEach
    void freshStore() {
        files = newStore();
    }

    private Path file(byte[] bytes) throws IOException {
        return Files.write(temp.resolve("f" + System.nanoTime()), bytes);
    }

    private static byte[] read(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    @Test
    void an_object_never_written_does_not_exist() {
        assertThat(files.exists("statements/t1/none.pdf")).isFalse();
    }

    @Test
    void a_derived_file_reads_back_whole_with_its_size_and_no_metadata() throws IOException {
        files.putFile("statements/t1/a.pdf", file(BYTES), "application/pdf");

        FileStore other = sameStorage();
        assertThat(other.exists("statements/t1/a.pdf")).isTrue();
        assertThat(other.describe("statements/t1/a.pdf")).isEqualTo(new FileStore.ObjectInfo(BYTES.length, Map.of()));
        assertThat(read(other.open("statements/t1/a.pdf"))).isEqualTo(BYTES);
    }

    @Test
    void a_generated_original_keeps_its_metadata_under_lower_case_names() throws IOException {
        files.putGenerated("outbound/t1/CB020301.REM", file(BYTES), "text/plain",
                Map.of("Uploader-Id", "u-ana", "origin", "MANUAL"));

        assertThat(files.describe("outbound/t1/CB020301.REM").metadata())
                .isEqualTo(Map.of("uploader-id", "u-ana", "origin", "MANUAL"));
        assertThat(read(files.open("outbound/t1/CB020301.REM"))).isEqualTo(BYTES);
    }

    @Test
    void writing_a_derived_file_again_replaces_it() throws IOException {
        files.putFile("statements/t1/a.pdf", file(BYTES), "application/pdf");
        files.putFile("statements/t1/a.pdf", file(new byte[] {1, 2, 3}), "application/pdf");
        assertThat(files.describe("statements/t1/a.pdf").sizeBytes()).isEqualTo(3);
    }
}
