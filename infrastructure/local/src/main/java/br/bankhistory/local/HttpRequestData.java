package br.bankhistory.local;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

/**
 * An HTTP request as the front received it, before it becomes an API Gateway event.
 *
 * @param rawPath     the percent-encoded path, without the {@code /api} prefix
 * @param rawQuery    the percent-encoded query string, empty when there is none
 * @param headers     header names lower-cased, values in arrival order
 */
record HttpRequestData(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
                       byte[] body, InetSocketAddress remote, String protocol) {

  String firstHeader(String lowerCaseName) {
    List<String> values = headers.get(lowerCaseName);
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
