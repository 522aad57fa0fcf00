package br.bankhistory.emulators;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import org.junit.jupiter.api.Test;

class EmulatorLifecycleTest {

  @Test
  void closingTheStackStopsTheNodeProcessAndFreesEveryPort() {
    EmulatorStack aws = EmulatorStack.builder().withSes(true).start();
    long nodePid = aws.sesServer().pid();
    URI dynamoDb = aws.dynamoDbEndpoint();
    URI s3 = aws.s3Endpoint();
    URI ses = aws.sesEndpoint();
    assertThat(isListening(dynamoDb)).isTrue();

    aws.close();

    assertThat(ProcessHandle.of(nodePid).filter(ProcessHandle::isAlive)).as("node process").isEmpty();
    assertThat(isListening(dynamoDb)).as("DynamoDB Local").isFalse();
    assertThat(isListening(s3)).as("s3proxy").isFalse();
    assertThat(isListening(ses)).as("SES emulator").isFalse();
  }

  @Test
  void closingTwiceIsHarmless() {
    try (SesLocalServer ses = new SesLocalServer().start(); DynamoDbLocalServer dynamoDb = new DynamoDbLocalServer().start()) {
      ses.close();
      dynamoDb.close();
    }
  }

  private static boolean isListening(URI endpoint) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
