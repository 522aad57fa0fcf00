package br.bankhistory.local;

import br.bankhistory.emulators.EmulatorStack;
import br.bankhistory.history.Services;
import br.bankhistory.history.adapter.dynamodb.TableStream;
import br.bankhistory.history.config.AwsClients;
import br.bankhistory.history.handler.ApiHandler;
import br.bankhistory.history.handler.DeliveryHandler;
import br.bankhistory.history.handler.FollowUpHandler;
import br.bankhistory.history.handler.IngestHandler;
import br.bankhistory.history.handler.ScheduleHandler;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Clock;
import java.util.function.Function;

/**
 * The functions wired to their triggers on the emulators, as the template wires them on AWS: the queue consumers,
 * the outbox's table stream, the Api function and the local routes behind the HTTP front, and Ingest invoked
 * asynchronously with its dead-letter queue.
 */
record LocalFunctions(LocalJwt tokens, DeadLetterQueue deadLetters, ScheduleHandler schedule, S3Delivery delivery) {

  /** Wires every function (what starts is recorded in {@code running}); Ingest is the one the factory builds. */
  static LocalFunctions wire(LocalStackOptions options, LocalEmulators emulators, HttpFront front,
                             Function<Services, RequestHandler<S3Event, IngestHandler.Report>> ingestFunction,
                             RunningComponents running) {
    Services services = emulators.services();
    EmulatorStack aws = emulators.aws();
    emulators.followUps().start(new FollowUpHandler(services.followUp()));
    emulators.deliveries().start(new DeliveryHandler(services.delivery()));
    OutboxStream outbox = running.push(OutboxStream.start(new TableStream(services.dynamoDb(),
        new AwsClients(services.config()).dynamoDbStreams(), LocalStack.TABLE_NAME, services.config().region()),
        DeadLetterQueue.localClient(aws.sqsEndpoint(), aws.region(), aws.accessKey(), aws.secretKey()),
        JsonMapper.builder().build(), emulators.deliveries().url()));
    DeadLetterQueue deadLetters = running.push(DeadLetterQueue.createLocal(aws.sqsEndpoint(), aws.region(),
        aws.accessKey(), aws.secretKey(), DeadLetterQueue.DEFAULT_NAME));
    ObjectMapper json = JsonMapper.builder().build();
    LocalJwt tokens = LocalJwt.withRandomSecret(json);
    RequestHandler<S3Event, IngestHandler.Report> ingest = ingestFunction.apply(services);
    front.serve(options.webRoot().orElse(null), tokens, json, new ApiHandler(services.api()));
    running.moveToTop(front); // stopped before the emulators it calls, as if it had started after them
    ReplayEndpoint replay = new ReplayEndpoint(deadLetters, ingest, json);
    front.route(ReplayEndpoint.REPLAY_PATH, replay).route(ReplayEndpoint.PEEK_PATH, replay);
    ScheduleHandler schedule = new ScheduleHandler(services.schedule());
    front.route(ScheduleEndpoint.RUN_PATH, new ScheduleEndpoint(schedule, json));
    front.route(EventsEndpoint.PATH, new EventsEndpoint(outbox, json));
    AsyncInvoker invoker = running.push(new AsyncInvoker(ingest, AsyncInvoker.LOCAL_FUNCTION_ARN,
        options.ingestRetryDelays(), deadLetters, ReplayEndpoint.command(front.baseUri()), json, Clock.systemUTC()));
    S3Delivery delivery = new S3Delivery(services.s3(), services.config().bucketName(),
        new S3Events(json, services.config().region()), invoker, Clock.systemUTC());
    return new LocalFunctions(tokens, deadLetters, schedule, delivery);
  }
}
