package porcupine;

import static org.apache.commons.text.StringEscapeUtils.escapeHtml4;
import static porcupine.HtmlText.json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Draws a checked history as one self-contained HTML page (inline style and script, no network),
 * the Java twin of porcupine's {@code Visualize}.
 *
 * <pre>{@code
 * LinearizationInfo<I, O> info = Checker.checkOperationsVerbose(model, history, timeout);
 * info.addAnnotations(List.of(Annotation.at("network", t, "partition {0,1} | {2}")));
 * Path page = Visualizer.visualizeToTempFile(model, info);   // porcupine-*.html
 * }</pre>
 *
 * <p>Each partition is a section with one lane per client and the operations as bars from call to
 * return. Green bars are the longest linearizable prefix (numbered in order), the red bar is the
 * first operation that cannot be linearized after it, grey bars were never linearized; a dashed red
 * line marks where linearization fails. Annotations get lanes of their own, one per tag. Hovering a
 * bar shows its description, times and the model state after it, and highlights the longest
 * linearization containing it. ILLEGAL partitions are drawn first.
 *
 * <p>Pass a {@link LinearizationInfo} from {@link Checker#checkOperationsVerbose}: the plain check
 * keeps no prefixes to draw.
 */
public final class Visualizer {

  private Visualizer() {}

  /** Writes the page to {@code out} (not closed). */
  public static <S, I, O> void visualize(
      Model<S, I, O> model, LinearizationInfo<I, O> info, Writer out) throws IOException {
    out.write(page(model, info));
    out.flush();
  }

  /** Writes the page to {@code file} (replacing it) and returns the file. */
  public static <S, I, O> Path visualizeToFile(
      Model<S, I, O> model, LinearizationInfo<I, O> info, Path file) {
    try {
      Files.writeString(file, page(model, info), StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** Writes the page to a new {@code porcupine-*.html} in the temporary folder and returns it. */
  public static <S, I, O> Path visualizeToTempFile(
      Model<S, I, O> model, LinearizationInfo<I, O> info) {
    try {
      return visualizeToFile(model, info, Files.createTempFile("porcupine-", ".html"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary file", e);
    }
  }

  static <S, I, O> String page(Model<S, I, O> model, LinearizationInfo<I, O> info) {
    List<PartitionInfo<I, O>> parts = info.partitions();
    List<Annotation> annotations = info.annotations();
    TimeFormat time = timeFormat(parts);

    // Partitions keep their number, but the ones that explain a failure come first.
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingInt(i -> rank(parts.get(i).result())));

    StringBuilder sections = new StringBuilder();
    StringBuilder data = new StringBuilder("{\"partitions\":[");
    StringBuilder toc = new StringBuilder();
    int operations = 0;
    int[] counts = new int[CheckResult.values().length];
    for (int k = 0; k < order.size(); k++) {
      int i = order.get(k);
      PartitionInfo<I, O> part = parts.get(i);
      PartitionView<S, I, O> view = new PartitionView<>(model, part, i + 1, annotations, time);
      view.writeSection(sections, k);
      data.append(k == 0 ? "" : ",\n");
      view.writeData(data);
      operations += part.history().size();
      counts[part.result().ordinal()]++;
      String name = model.describePartition(part.history());
      toc.append("<a class=\"")
          .append(part.result().name().toLowerCase())
          .append("\" href=\"#partition-")
          .append(i + 1)
          .append("\">")
          .append(escapeHtml4(name.isEmpty() ? "partition " + (i + 1) : name))
          .append("</a>");
    }
    data.append("],\n\"annotations\":[");
    for (int a = 0; a < annotations.size(); a++) {
      Annotation ann = annotations.get(a);
      data.append(a == 0 ? "" : ",\n")
          .append("{\"tag\":")
          .append(json(ann.tag()))
          .append(",\"d\":")
          .append(json(ann.description()))
          .append(",\"details\":")
          .append(json(ann.details()))
          .append(",\"t0\":")
          .append(json(time.format(ann.start())))
          .append(",\"t1\":")
          .append(json(time.format(ann.end())))
          .append('}');
    }
    data.append("]}");

    String verdict = info.result().name();
    StringBuilder html = new StringBuilder(sections.length() + data.length() + 16_000);
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>porcupine: ")
        .append(verdict)
        .append("</title>\n<style>\n")
        .append(VisualizerAssets.CSS)
        .append("</style>\n</head>\n<body>\n<header>\n")
        .append("<h1>Linearizability check <span class=\"verdict ")
        .append(verdict.toLowerCase())
        .append("\">")
        .append(verdict)
        .append("</span></h1>\n<p class=\"meta\">")
        .append(operations)
        .append(" operations in ")
        .append(parts.size())
        .append(parts.size() == 1 ? " partition" : " partitions")
        .append(" (")
        .append(counts[CheckResult.ILLEGAL.ordinal()])
        .append(" illegal, ")
        .append(counts[CheckResult.UNKNOWN.ordinal()])
        .append(" unknown, ")
        .append(counts[CheckResult.OK.ordinal()])
        .append(" ok; illegal ones first). ")
        .append(
            "Bars run from call to return and are placed by the order of these events, not to"
                + " scale. ")
        .append("Hover an operation for its times and the state after it; click to pin.</p>\n")
        .append("<nav class=\"toc\">")
        .append(toc)
        .append("</nav>\n")
        .append(legend())
        .append("</header>\n<main>\n")
        .append(sections)
        .append("</main>\n")
        .append("<div id=\"tooltip\" class=\"tooltip\" hidden></div>\n")
        .append("<script type=\"application/json\" id=\"porcupine-data\">")
        .append(data)
        .append("</script>\n")
        .append("<script>\n")
        .append(VisualizerAssets.JS)
        .append("</script>\n</body>\n</html>\n");
    return html.toString();
  }

  private static String legend() {
    return
"""
<div class="legend">
<span><span class="sw sw-lin"></span>in the longest linearizable prefix (badge: its place in the order)</span>
<span><span class="sw sw-fail"></span>first operation that cannot be linearized after it</span>
<span><span class="sw sw-line"></span>where linearization fails</span>
<span><span class="sw sw-none"></span>not linearized</span>
<span><span class="sw sw-hl"></span>on hover: the longest linearization containing that operation</span>
<span><span class="sw sw-ann"></span>tester annotation</span>
</div>
""";
  }

  private static int rank(CheckResult r) {
    return switch (r) {
      case ILLEGAL -> 0;
      case UNKNOWN -> 1;
      case OK -> 2;
    };
  }

  /** Times relative to the first call of the whole history, in a unit that suits its length. */
  private static TimeFormat timeFormat(List<? extends PartitionInfo<?, ?>> parts) {
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    for (PartitionInfo<?, ?> p : parts) {
      for (Operation<?, ?> op : p.history()) {
        first = Math.min(first, op.callTime());
        last = Math.max(last, op.returnTime());
      }
    }
    return first == Long.MAX_VALUE ? new TimeFormat(0, 0) : new TimeFormat(first, last - first);
  }
}
