package br.bankhistory.emulators;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Every emulator listens on the loopback interface only. */
final class Loopback {

  static final String HOST = "127.0.0.1";

  private Loopback() {}

  /** A port free on 127.0.0.1 right now, for servers that cannot be given port 0. */
  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on " + HOST, e);
    }
  }
}
