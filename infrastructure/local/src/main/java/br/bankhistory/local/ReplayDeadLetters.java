package br.bankhistory.local;

import br.bankhistory.history.handler.IngestHandler;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import java.io.PrintStream;
import java.net.URI;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Re-drives the Ingest function's dead-letter queue: each message (an on-failure destination record, see
 * {@link OnFailureRecord}) is read, its {@code requestPayload} (the original S3 event) handed to the function
 * again, and the message deleted only once that succeeded; a message whose replay failed stays in the queue
 * (visible again at the end of the run) for the next one. Ingest being idempotent, replaying an event whose
 * file was recorded in the meantime changes nothing.
 *
 * <p>Two targets:
 * <ul>
 *   <li>local stack: {@link #replay(SqsClient, String, RequestHandler)} calls {@code IngestHandler} in-process
 *       (wired to the stack's emulators). The running stack exposes it as {@code POST /local/replay-dead-letters}
 *       ({@link ReplayEndpoint}), which this command calls by default:
 *       {@code ReplayDeadLetters [--local-stack http://127.0.0.1:8080]};</li>
 *   <li>AWS: {@code ReplayDeadLetters --queue-url URL --function NAME:live [--region R]} reads the queue with the
 *       default AWS credentials and invokes the function asynchronously ({@code InvocationType=Event}, as S3
 *       does) with each {@code requestPayload} ({@link LambdaEventInvoke}); a failure of that invocation ends in
 *       the queue again after Lambda's retries. Not run against AWS from this repository's tests.</li>
 * </ul>
 * Exit status: 0 when nothing failed, 1 when some message failed (it is still in the queue), 2 on a usage or
 * connection error. The summary is printed as JSON.
 */
public final class ReplayDeadLetters {

  /** The local stack's replay route. */
  public static final String LOCAL_PATH = "/local/replay-dead-letters";
  public static final URI DEFAULT_LOCAL_STACK = URI.create("http://127.0.0.1:" + LocalStackOptions.DEFAULT_PORT + "/");

  /** What a run did; {@code remaining} is the queue's approximate depth afterwards (failures included). */
  public record Summary(String queueUrl, int replayed, int failed, int remaining, List<Replayed> messages) {}

  /** One message: the objects of its event, whether its replay succeeded, and what the function said. */
  public record Replayed(String messageId, List<String> objects, boolean replayed, String result) {}

  /** Where a replayed event goes. Returns a short description of the result; throws when the replay failed. */
  @FunctionalInterface
  public interface Target {
    String invoke(String requestPayloadJson) throws Exception;
  }

  private ReplayDeadLetters() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /**
   * Replays every message of the queue into the Ingest handler, in this JVM; the local stack's endpoint and
   * the tests use it.
   */
  public static Summary replay(SqsClient sqs, String queueUrl, RequestHandler<S3Event, IngestHandler.Report> handler) {
    return replay(sqs, queueUrl, inProcess(handler), 0, Integer.MAX_VALUE);
  }

  /**
   * Replays up to {@code maxMessages} messages of the queue into the target.
   *
   * @param waitSeconds SQS long polling for each receive (0 on ElasticMQ, which answers exactly; about 2 on
   *                    SQS, whose short polls may answer empty while messages wait)
   */
  public static Summary replay(SqsClient sqs, String queueUrl, Target target, int waitSeconds, int maxMessages) {
    return new QueueReplay(sqs, queueUrl, target).run(waitSeconds, maxMessages);
  }

  /** The Ingest handler in this JVM, given the event through the managed Java runtime's own deserialiser. */
  public static Target inProcess(RequestHandler<S3Event, IngestHandler.Report> handler) {
    return new InProcessIngestTarget(handler);
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    ReplayOptions options;
    try {
      options = ReplayOptions.parse(args);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      err.println(ReplayOptions.USAGE);
      return 2;
    }
    if (options.help()) {
      out.println(ReplayOptions.USAGE);
      return 0;
    }
    try {
      if (options.onAws()) {
        return AwsReplay.run(options, out);
      }
      return LocalStackReplay.run(options.localStack(), out, err);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      err.println(ReplayOptions.USAGE);
      return 2;
    } catch (Exception e) {
      err.println("replay failed: " + e);
      return 2;
    }
  }
}
