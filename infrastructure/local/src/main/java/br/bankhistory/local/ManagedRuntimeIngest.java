package br.bankhistory.local;

import br.bankhistory.history.handler.IngestHandler;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;

/**
 * The Ingest handler called as Lambda's managed Java runtime calls it: the S3 event read from its JSON by the
 * runtime's own deserialiser, and a context naming the function by its ARN.
 */
final class ManagedRuntimeIngest {

  private final RequestHandler<S3Event, IngestHandler.Report> function;
  private final String functionArn;
  private final PojoSerializer<S3Event> serializer =
      LambdaEventSerializers.serializerFor(S3Event.class, ManagedRuntimeIngest.class.getClassLoader());

  ManagedRuntimeIngest(RequestHandler<S3Event, IngestHandler.Report> function, String functionArn) {
    this.function = function;
    this.functionArn = functionArn;
  }

  /** A fresh event from its JSON, as Lambda gives every attempt. */
  S3Event event(String eventJson) {
    return serializer.fromJson(eventJson);
  }

  IngestHandler.Report handle(S3Event event, String requestId) {
    return function.handleRequest(event, new LocalLambdaContext(functionName(), requestId, functionArn));
  }

  /** {@code arn:aws:lambda:REGION:ACCOUNT:function:NAME[:ALIAS]} names {@code NAME}. */
  private String functionName() {
    String[] parts = functionArn.split(":");
    return parts.length > 6 ? parts[6] : functionArn;
  }
}
