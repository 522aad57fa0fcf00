package br.bankhistory.local;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The replay command's options, checked as they are read: which queue to replay, where, and how far. */
final class ReplayOptions {

  static final String USAGE = String.join(System.lineSeparator(),
      "usage:",
      "  ReplayDeadLetters [--local-stack URL]        replay the running local stack's queue (default "
          + ReplayDeadLetters.DEFAULT_LOCAL_STACK + ")",
      "  ReplayDeadLetters --queue-url URL --function NAME:ALIAS|ARN [--region R] [--endpoint-url URL]",
      "                    [--sqs-endpoint-url URL] [--lambda-endpoint-url URL] [--max N]",
      "                                               AWS: read the queue, invoke the function asynchronously");

  private static final Set<String> KNOWN = Set.of("--local-stack", "--queue-url", "--function", "--region",
      "--endpoint-url", "--sqs-endpoint-url", "--lambda-endpoint-url", "--max");

  private final Map<String, String> options;

  private ReplayOptions(Map<String, String> options) {
    this.options = options;
  }

  /** Reads the arguments; throws an {@link IllegalArgumentException} saying what is wrong. */
  static ReplayOptions parse(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--help") || args[i].equals("-h")) {
        options.put("--help", "");
      } else if (KNOWN.contains(args[i])) {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(args[i] + " needs a value");
        }
        options.put(args[i], args[++i]);
      } else {
        throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (options.containsKey("--local-stack") && options.containsKey("--queue-url")) {
      throw new IllegalArgumentException("--local-stack and --queue-url do not go together");
    }
    if (options.containsKey("--queue-url") != options.containsKey("--function")) {
      throw new IllegalArgumentException("--queue-url and --function go together (AWS)");
    }
    return new ReplayOptions(options);
  }

  boolean help() {
    return options.containsKey("--help");
  }

  /** Whether the queue is on AWS ({@code --queue-url}) rather than the running local stack's. */
  boolean onAws() {
    return options.containsKey("--queue-url");
  }

  URI localStack() {
    return URI.create(options.getOrDefault("--local-stack", ReplayDeadLetters.DEFAULT_LOCAL_STACK.toString()));
  }

  String queueUrl() {
    return options.get("--queue-url");
  }

  String function() {
    return options.get("--function");
  }

  Optional<String> region() {
    return Optional.ofNullable(options.get("--region"));
  }

  int max() {
    return Integer.parseInt(options.getOrDefault("--max", Integer.toString(Integer.MAX_VALUE)));
  }

  Optional<URI> sqsEndpoint() {
    return endpoint("--sqs-endpoint-url");
  }

  Optional<URI> lambdaEndpoint() {
    return endpoint("--lambda-endpoint-url");
  }

  /** The service's own endpoint option, else {@code --endpoint-url}. */
  private Optional<URI> endpoint(String option) {
    Optional<URI> common = Optional.ofNullable(options.get("--endpoint-url")).map(URI::create);
    return Optional.ofNullable(options.get(option)).map(URI::create).or(() -> common);
  }
}
