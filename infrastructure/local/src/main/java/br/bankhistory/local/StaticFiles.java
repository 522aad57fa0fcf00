package br.bankhistory.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Serves the history page (the repository's {@code web/} folder) at {@code /}. */
final class StaticFiles implements HttpHandler {

  private static final Map<String, String> CONTENT_TYPES = Map.ofEntries(
      Map.entry("html", "text/html; charset=utf-8"),
      Map.entry("css", "text/css; charset=utf-8"),
      Map.entry("js", "text/javascript; charset=utf-8"),
      Map.entry("mjs", "text/javascript; charset=utf-8"),
      Map.entry("json", "application/json"),
      Map.entry("svg", "image/svg+xml"),
      Map.entry("png", "image/png"),
      Map.entry("jpg", "image/jpeg"),
      Map.entry("ico", "image/x-icon"),
      Map.entry("woff2", "font/woff2"),
      Map.entry("txt", "text/plain; charset=utf-8"));

  private final Path root;

  /** @param root the folder to serve, or {@code null} when there is none (every request then gets a hint) */
  StaticFiles(Path root) {
    this.root = root == null ? null : root.toAbsolutePath().normalize();
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    if (!method.equals("GET") && !method.equals("HEAD")) {
      exchange.getResponseHeaders().set("Allow", "GET, HEAD");
      Exchanges.send(exchange, 405, "text/plain; charset=utf-8", "Método não permitido.".getBytes(StandardCharsets.UTF_8));
      return;
    }
    if (root == null) {
      Exchanges.send(exchange, 404, "text/html; charset=utf-8", page(
          "A pasta <code>web/</code> não foi encontrada. Rode a partir do repositório ou informe "
              + "<code>-Dbankhistory.web.dir=...</code>. A API está em <a href=\"/api/integrations\">/api/integrations</a>."));
      return;
    }
    Path file = resolve(exchange.getRequestURI().getRawPath());
    if (file == null || !Files.isRegularFile(file)) {
      Exchanges.send(exchange, 404, "text/html; charset=utf-8", page("Página não encontrada."));
      return;
    }
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    Exchanges.send(exchange, 200, contentType(file), Files.readAllBytes(file));
  }

  /** The file for a request path, or {@code null} when the path leaves the root or is hidden. */
  private Path resolve(String rawPath) {
    String decoded;
    try {
      decoded = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return null;
    }
    if (decoded.contains("\0") || decoded.contains("/.")) {
      return null;
    }
    Path file = root.resolve(decoded.substring(1)).normalize();
    if (!file.startsWith(root)) {
      return null;
    }
    return Files.isDirectory(file) ? file.resolve("index.html") : file;
  }

  private static String contentType(Path file) {
    String name = file.getFileName().toString();
    String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    return CONTENT_TYPES.getOrDefault(extension, "application/octet-stream");
  }

  private static byte[] page(String message) {
    return ("<!doctype html><html lang=\"pt-BR\"><meta charset=\"utf-8\"><title>Histórico de Integrações</title>"
        + "<p>" + message + "</p></html>").getBytes(StandardCharsets.UTF_8);
  }
}
