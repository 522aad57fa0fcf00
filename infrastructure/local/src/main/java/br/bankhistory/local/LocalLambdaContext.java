package br.bankhistory.local;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/** The {@link Context} a local invocation gets: a function name, a request id, a time budget. */
final class LocalLambdaContext implements Context {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final String functionName;
  private final String requestId;
  private final String invokedFunctionArn;
  private final long deadline = System.currentTimeMillis() + TIMEOUT.toMillis();

  LocalLambdaContext(String functionName) {
    this(functionName, UUID.randomUUID().toString(),
        "arn:aws:lambda:us-east-1:" + HttpApiEvents.ACCOUNT_ID + ":function:" + functionName);
  }

  /** An attempt of an asynchronous invocation: every retry keeps the invocation's request id, as on Lambda. */
  LocalLambdaContext(String functionName, String requestId, String invokedFunctionArn) {
    this.functionName = functionName;
    this.requestId = requestId;
    this.invokedFunctionArn = invokedFunctionArn;
  }

  @Override
  public String getAwsRequestId() {
    return requestId;
  }

  @Override
  public String getLogGroupName() {
    return "/aws/lambda/" + functionName;
  }

  @Override
  public String getLogStreamName() {
    return "local";
  }

  @Override
  public String getFunctionName() {
    return functionName;
  }

  @Override
  public String getFunctionVersion() {
    return "$LATEST";
  }

  @Override
  public String getInvokedFunctionArn() {
    return invokedFunctionArn;
  }

  @Override
  public CognitoIdentity getIdentity() {
    return null;
  }

  @Override
  public ClientContext getClientContext() {
    return null;
  }

  @Override
  public int getRemainingTimeInMillis() {
    return (int) Math.max(0, deadline - System.currentTimeMillis());
  }

  @Override
  public int getMemoryLimitInMB() {
    return 1024;
  }

  @Override
  public LambdaLogger getLogger() {
    return new LambdaLogger() {
      @Override
      public void log(String message) {
        System.out.println(message);
      }

      @Override
      public void log(byte[] message) {
        System.out.println(new String(message, StandardCharsets.UTF_8));
      }
    };
  }
}
