package kvtest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import porcupine.Operation;

/**
 * Writes a key/value history as text, one operation a line, so that another checker (Go's
 * Porcupine, in a benchmark) can check the very same history, and reads it back (the benchmark's
 * recorded Lab 4 history). The fields are separated by tabs:
 *
 * <pre>
 * client  get|put  key  value  version  call  outValue  outVersion  err  return
 * </pre>
 *
 * Times are the history's nanoseconds; a Get's value and version are "" and 0, a Put's outputs are
 * "" and 0. Keys and values must not contain tabs or line breaks (generated ones do not).
 */
final class KvHistoryFile {

  private KvHistoryFile() {}

  static void write(List<Operation<KvInput, KvOutput>> history, Path file) throws IOException {
    List<String> lines = new ArrayList<>();
    for (Operation<KvInput, KvOutput> op : history) {
      KvInput in = op.input();
      KvOutput out = op.output();
      lines.add(
          String.join(
              "\t",
              String.valueOf(op.clientId()),
              in.op() == KvInput.Op.GET ? "get" : "put",
              in.key(),
              in.value(),
              String.valueOf(in.version()),
              String.valueOf(op.callTime()),
              out.value(),
              String.valueOf(out.version()),
              out.err(),
              String.valueOf(op.returnTime())));
    }
    Files.write(file, lines, StandardCharsets.UTF_8);
  }

  /** Reads what {@link #write} wrote. */
  static List<Operation<KvInput, KvOutput>> read(List<String> lines) {
    List<Operation<KvInput, KvOutput>> history = new ArrayList<>();
    for (String line : lines) {
      String[] f = line.split("\t", -1);
      if (f.length != 10) {
        throw new IllegalArgumentException("not a history line: " + line);
      }
      KvInput in =
          f[1].equals("get") ? KvInput.get(f[2]) : KvInput.put(f[2], f[3], Long.parseLong(f[4]));
      KvOutput out = new KvOutput(f[6], Long.parseLong(f[7]), f[8]);
      history.add(
          new Operation<>(
              Integer.parseInt(f[0]), in, Long.parseLong(f[5]), out, Long.parseLong(f[9])));
    }
    return history;
  }
}
