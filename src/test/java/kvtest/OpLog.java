package kvtest;

import java.util.ArrayList;
import java.util.List;
import porcupine.Operation;

/** Every clerk operation of a test, with call and return times, for the linearizability check. */
final class OpLog {
  private final List<Operation<KvInput, KvOutput>> operations = new ArrayList<>();

  synchronized void append(Operation<KvInput, KvOutput> op) {
    operations.add(op);
  }

  synchronized int len() {
    return operations.size();
  }

  synchronized List<Operation<KvInput, KvOutput>> read() {
    return List.copyOf(operations);
  }
}
