package br.bankhistory.local;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;

/**
 * The name of a file put in the drop folder. On Linux a file name is bytes, in whatever encoding the client
 * that wrote it used: UTF-8 from most tools, windows-1252 (latin-1) from many Windows SFTP clients. Java
 * decodes names with {@code sun.jnu.encoding} (UTF-8 here), turning the bytes of a latin-1 name into
 * replacement characters, so the name is read from the path's own bytes instead: as UTF-8 when they are
 * valid UTF-8, else as windows-1252 (ISO-8859-1 for the five bytes windows-1252 leaves undefined).
 *
 * <p>{@link #text()} is what the history records (the object key, the download name) and the logs show;
 * {@link #in(Path)} names a file elsewhere with the very same bytes (the {@code .done/} copy).
 *
 * <p>The bytes are read through {@link Path#toUri()}, which percent-encodes them as they are, and written
 * back through {@link Path#of(URI)}, which decodes them the same way: the JDK's own byte-exact round trip,
 * with no access to its internals.
 */
final class DroppedFileName {

  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  private static final HexFormat HEX = HexFormat.of().withUpperCase();

  private final byte[] bytes;
  private final String text;

  private DroppedFileName(byte[] bytes) {
    this.bytes = bytes;
    this.text = decode(bytes);
  }

  /** The name of the regular file {@code file}, decoded from its bytes. */
  static DroppedFileName of(Path file) {
    String rawPath = file.toAbsolutePath().toUri().getRawPath();
    return new DroppedFileName(percentDecode(rawPath.substring(rawPath.lastIndexOf('/') + 1)));
  }

  /** UTF-8 when the bytes are valid UTF-8, else windows-1252 (then ISO-8859-1, which maps every byte). */
  static String decode(byte[] bytes) {
    try {
      return strictly(StandardCharsets.UTF_8, bytes);
    } catch (CharacterCodingException notUtf8) {
      try {
        return strictly(WINDOWS_1252, bytes);
      } catch (CharacterCodingException undefinedIn1252) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
      }
    }
  }

  /** The name as the history records it. */
  String text() {
    return text;
  }

  /** A file of this name, byte for byte, in {@code folder}. */
  Path in(Path folder) {
    String base = folder.toAbsolutePath().toUri().toString();
    return Path.of(URI.create((base.endsWith("/") ? base : base + "/") + percentEncode(bytes)));
  }

  /**
   * This name with an ASCII {@code suffix} before the extension ({@code RETORNO.ret} and {@code -2} give
   * {@code RETORNO-2.ret}), every other byte unchanged. A dot is the byte 0x2E in UTF-8 and windows-1252
   * alike, and never part of another character.
   */
  DroppedFileName withSuffix(String suffix) {
    int dot = lastDot();
    return inserted(dot > 0 ? dot : bytes.length, suffix);
  }

  /** This name with an ASCII {@code ending} after it ({@code .reason.txt}). */
  DroppedFileName withEnding(String ending) {
    return inserted(bytes.length, ending);
  }

  private DroppedFileName inserted(int at, String ascii) {
    byte[] extra = ascii.getBytes(StandardCharsets.US_ASCII);
    byte[] named = new byte[bytes.length + extra.length];
    System.arraycopy(bytes, 0, named, 0, at);
    System.arraycopy(extra, 0, named, at, extra.length);
    System.arraycopy(bytes, at, named, at + extra.length, bytes.length - at);
    return new DroppedFileName(named);
  }

  @Override
  public String toString() {
    return text;
  }

  private int lastDot() {
    for (int i = bytes.length - 1; i >= 0; i--) {
      if (bytes[i] == '.') {
        return i;
      }
    }
    return -1;
  }

  private static String strictly(Charset charset, byte[] bytes) throws CharacterCodingException {
    return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
  }

  /** {@code %XX} to the byte it stands for; every other character of a raw URI path is ASCII. */
  private static byte[] percentDecode(String encoded) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(encoded.length());
    for (int i = 0; i < encoded.length(); i++) {
      char c = encoded.charAt(i);
      if (c == '%') {
        out.write(HexFormat.fromHexDigits(encoded, i + 1, i + 3));
        i += 2;
      } else {
        out.write(c);
      }
    }
    return out.toByteArray();
  }

  /** Every byte but the URI's unreserved characters as {@code %XX}. */
  private static String percentEncode(byte[] name) {
    StringBuilder out = new StringBuilder(name.length * 3);
    for (byte b : name) {
      int c = b & 0xFF;
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
          || c == '_' || c == '~') {
        out.append((char) c);
      } else {
        out.append('%').append(HEX.toHexDigits(b));
      }
    }
    return out.toString();
  }
}
