package deterministic;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.Array;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Puts the run's threads on one processor, on Linux: the thread that starts the run, and so every
 * thread it and its threads start afterwards (Linux gives a new thread its creator's processors).
 * The JVM's own threads, the compilers above all, stay free.
 *
 * <p>Why: Fray lets one thread run at a time and hands the turn from thread to thread millions of
 * times. With the run's threads on two processors, each hand-off wakes the other processor from
 * idle and waits for it; on one, a hand-off is a switch on that processor ({@code
 * testReliableChurn3C}, seed 7: 214 s on two, 162 s with the whole JVM on one). The whole JVM on
 * one processor cost the short tests instead: the compilers then took turns with the test ({@code
 * testInitialElection3A}: 6.2 s on two, 14.0 s on one). Pinning only the run's threads keeps both
 * gains.
 *
 * <p>{@code DETERMINISTIC_PIN=no} leaves the threads where they are. Where there is no {@code
 * /proc/self/status} (macOS), or the call fails, nothing changes: where threads run never changes
 * what a seed replays, only how fast.
 */
final class OneProcessor {
  private OneProcessor() {}

  /**
   * Pins the calling thread to the last processor this process may use; quietly does nothing if it
   * cannot.
   */
  static void pinCallingThread() {
    if ("no".equals(System.getenv("DETERMINISTIC_PIN"))) {
      return;
    }
    try {
      if (!Files.exists(Path.of("/proc/self/status"))) {
        return; // not Linux
      }
      String cpu = lastAllowedProcessor();
      if (cpu != null) {
        setAffinity(Integer.parseInt(cpu));
      }
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable e) { // no libc call, or no right to make it: run unpinned
    }
  }

  /**
   * Calls libc's {@code sched_setaffinity(0, size, mask)} for the calling thread, through the
   * foreign-function API of the JDK 25 the mode runs on. Not {@code taskset} in a subprocess: a
   * subprocess starts the JDK's process-reaper thread, which takes a thread id, and the run a seed
   * gives depends on the ids of the run's threads. By reflection because this tree compiles for
   * Java 17, which has no {@code java.lang.foreign}. The launcher passes {@code
   * --enable-native-access=ALL-UNNAMED}, without which the JDK warns at the first call.
   */
  private static void setAffinity(int cpu) throws Throwable {
    Class<?> linkerClass = Class.forName("java.lang.foreign.Linker");
    Class<?> layoutClass = Class.forName("java.lang.foreign.MemoryLayout");
    Class<?> valueLayout = Class.forName("java.lang.foreign.ValueLayout");
    Class<?> descriptorClass = Class.forName("java.lang.foreign.FunctionDescriptor");
    Class<?> segmentClass = Class.forName("java.lang.foreign.MemorySegment");
    Class<?> arenaClass = Class.forName("java.lang.foreign.Arena");
    Class<?> optionClass = Class.forName("java.lang.foreign.Linker$Option");
    Object linker = linkerClass.getMethod("nativeLinker").invoke(null);
    Object lookup = linkerClass.getMethod("defaultLookup").invoke(linker);
    Optional<?> symbol =
        (Optional<?>)
            Class.forName("java.lang.foreign.SymbolLookup")
                .getMethod("find", String.class)
                .invoke(lookup, "sched_setaffinity");
    if (symbol.isEmpty()) {
      return;
    }
    Object jint = valueLayout.getField("JAVA_INT").get(null);
    Object args = Array.newInstance(layoutClass, 3);
    Array.set(args, 0, jint);
    Array.set(args, 1, valueLayout.getField("JAVA_LONG").get(null));
    Array.set(args, 2, valueLayout.getField("ADDRESS").get(null));
    Object descriptor =
        descriptorClass.getMethod("of", layoutClass, args.getClass()).invoke(null, jint, args);
    Object noOptions = Array.newInstance(optionClass, 0);
    MethodHandle call =
        (MethodHandle)
            linkerClass
                .getMethod("downcallHandle", segmentClass, descriptorClass, noOptions.getClass())
                .invoke(linker, symbol.get(), descriptor, noOptions);
    long size = 128; // a cpu_set_t: 1024 processors
    // A confined arena, closed at once: an automatic one would start the JDK's cleaner thread.
    Object arena = arenaClass.getMethod("ofConfined").invoke(null);
    Object mask = arenaClass.getMethod("allocate", long.class).invoke(arena, size);
    segmentClass
        .getMethod(
            "set", Class.forName("java.lang.foreign.ValueLayout$OfByte"), long.class, byte.class)
        .invoke(
            mask,
            valueLayout.getField("JAVA_BYTE").get(null),
            (long) (cpu / 8),
            (byte) (1 << (cpu % 8)));
    try {
      int result = (int) call.invokeWithArguments(0, size, mask);
      if (result != 0) {
        throw new IllegalStateException("sched_setaffinity: " + result);
      }
    } finally {
      arenaClass.getMethod("close").invoke(arena);
    }
  }

  /** The last number of {@code Cpus_allowed_list} ("0-1", "0,2-3"), or null. */
  private static String lastAllowedProcessor() throws IOException {
    List<String> status = Files.readAllLines(Path.of("/proc/self/status"));
    for (String line : status) {
      if (line.startsWith("Cpus_allowed_list:")) {
        String list = line.substring(line.indexOf(':') + 1).trim();
        String[] parts = list.split("[,-]");
        String last = parts[parts.length - 1].trim();
        return last.matches("\\d+") ? last : null;
      }
    }
    return null;
  }
}
