package br.bankhistory.local;

import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The replay command against the running local stack: asks it to replay its own queue in-process, prints its summary. */
final class LocalStackReplay {

  private LocalStackReplay() {}

  /** Exit status as {@link ReplayDeadLetters} documents it. */
  static int run(URI stack, PrintStream out, PrintStream err) throws Exception {
    URI endpoint = stack.resolve(ReplayDeadLetters.LOCAL_PATH);
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpResponse<String> response;
    try {
      response = http.send(HttpRequest.newBuilder(endpoint).timeout(Duration.ofMinutes(30))
          .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    } catch (java.net.ConnectException e) {
      err.println("no local stack answers at " + stack + " (start it with: mvn -B -q -pl infrastructure/local exec:java)");
      return 2;
    }
    out.println(response.body());
    if (response.statusCode() != 200) {
      err.println("POST " + endpoint + " answered " + response.statusCode());
      return 2;
    }
    return JsonMapper.builder().build().readTree(response.body()).path("failed").asInt(0) == 0 ? 0 : 1;
  }
}
