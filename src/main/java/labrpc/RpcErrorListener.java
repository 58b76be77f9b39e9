package labrpc;

/**
 * Hears about programming errors that Go's labrpc would turn into a crash of the whole test
 * process: an unknown service or method, arguments that cannot be encoded, a handler that threw.
 * The tester installs one that fails the running test with the message and goes on to the next
 * test; without one, the message is printed on standard error.
 */
@FunctionalInterface
public interface RpcErrorListener {
  /**
   * Called on the thread that found the error (the caller's or a handler's); must return quickly.
   *
   * @param message what went wrong and what to do, naming the service, method and class
   * @param cause the exception behind it, or null
   */
  void rpcError(String message, Throwable cause);
}
