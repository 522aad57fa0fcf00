package br.bankhistory.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File names as Linux keeps them (bytes), written by clients in UTF-8 or in windows-1252. */
class DroppedFileNameTest {

  private static final byte[] LATIN1_NAME = "RET-ÇÃO-96.ret".getBytes(StandardCharsets.ISO_8859_1);

  @TempDir
  Path folder;

  @Test
  void aUtf8NameIsReadAsUtf8() throws IOException {
    Path file = Files.writeString(folder.resolve("RET-ÇÃO-96.ret"), "x");

    assertThat(DroppedFileName.of(file).text()).isEqualTo("RET-ÇÃO-96.ret");
  }

  @Test
  void aLatin1NameIsReadAsLatin1WhereJavaSeesReplacementCharacters() throws IOException {
    Path file = create(folder, LATIN1_NAME);
    assertThat(file.getFileName().toString()).as("what the JDK decodes").contains("\ufffd");

    assertThat(DroppedFileName.of(file).text()).isEqualTo("RET-ÇÃO-96.ret");
  }

  @Test
  void windows1252CharactersAboveLatin1AreReadAsWindows1252() {
    byte[] name = {'N', 'F', ' ', (byte) 0x96, ' ', (byte) 0x80, '1', '0', '.', 'r', 'e', 't'}; // en dash, euro sign

    assertThat(DroppedFileName.decode(name)).isEqualTo("NF – €10.ret");
  }

  @Test
  void aByteWindows1252LeavesUndefinedIsReadAsLatin1() {
    byte[] name = {'A', (byte) 0x81, (byte) 0xC7, '.', 'r', 'e', 't'};

    assertThat(DroppedFileName.decode(name)).isEqualTo("A\u0081Ç.ret");
  }

  @Test
  void aNameMovedElsewhereKeepsItsExactBytesAndSuffixesAndEndingsGoAroundThem() throws IOException {
    Path file = create(folder, LATIN1_NAME);
    Path done = Files.createDirectories(folder.resolve(".done"));
    DroppedFileName name = DroppedFileName.of(file);

    Path moved = Files.move(file, name.in(done));
    Path suffixed = Files.writeString(name.withSuffix("-2").in(done), "y");
    Path reason = Files.writeString(name.withEnding(".reason.txt").in(done), "z");

    assertThat(rawNames(done)).containsExactlyInAnyOrder(
        "RET-%C7%C3O-96.ret", "RET-%C7%C3O-96-2.ret", "RET-%C7%C3O-96.ret.reason.txt");
    assertThat(Files.readString(moved)).isEqualTo("x");
    assertThat(DroppedFileName.of(suffixed).text()).isEqualTo("RET-ÇÃO-96-2.ret");
    assertThat(DroppedFileName.of(reason).text()).isEqualTo("RET-ÇÃO-96.ret.reason.txt");
  }

  @Test
  void aNameWithoutExtensionTakesItsSuffixAtTheEnd() throws IOException {
    Path file = Files.writeString(folder.resolve("RETORNO"), "x");

    assertThat(DroppedFileName.of(file).withSuffix("-1").in(folder).getFileName().toString()).isEqualTo("RETORNO-1");
  }

  @Test
  void spacesPercentSignsAndOtherAsciiSurviveTheRoundTrip() throws IOException {
    Path file = Files.writeString(folder.resolve("RETORNO 100% #1 (cópia).ret"), "x");
    DroppedFileName name = DroppedFileName.of(file);

    assertThat(name.text()).isEqualTo("RETORNO 100% #1 (cópia).ret");
    assertThat(name.in(folder)).isEqualTo(file.toAbsolutePath());
  }

  /** A new file whose name is exactly these bytes. */
  static Path create(Path folder, byte[] name) throws IOException {
    return Files.writeString(path(folder, name), "x");
  }

  /** The path of the file named exactly these bytes in {@code folder} (through a file: URI, the JDK's byte-exact way in). */
  static Path path(Path folder, byte[] name) {
    StringBuilder encoded = new StringBuilder();
    for (byte b : name) {
      encoded.append(String.format("%%%02X", b & 0xFF));
    }
    return Path.of(URI.create(folder.toAbsolutePath().toUri() + encoded.toString()));
  }

  /** The names in a folder as their bytes, non-ASCII ones as %XX (through the JDK's own URI encoding). */
  static List<String> rawNames(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(path -> {
        String raw = path.toUri().getRawPath();
        return raw.substring(raw.lastIndexOf('/') + 1);
      }).toList();
    }
  }
}
