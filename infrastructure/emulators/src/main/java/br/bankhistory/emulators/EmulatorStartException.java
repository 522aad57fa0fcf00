package br.bankhistory.emulators;

/** An emulator could not be started; everything it had started is already stopped. */
public final class EmulatorStartException extends RuntimeException {

  public EmulatorStartException(String message, Throwable cause) {
    super(message, cause);
  }

  public EmulatorStartException(String message) {
    super(message);
  }
}
