package porcupine;

import static org.apache.commons.text.StringEscapeUtils.escapeHtml4;
import static porcupine.HtmlText.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntUnaryOperator;
import java.util.stream.LongStream;

/**
 * One partition of the visualizer page: a section with a heading, one lane per client with the
 * operations as bars, extra lanes for annotations, and the tooltip data for the page's script.
 *
 * <p>Colours tell the story of the check: green bars form the longest linearizable prefix (the
 * small number is each one's place in that order), the red bar is where that prefix got stuck, and
 * grey bars were never linearized. The layout is computed here, in Java, so the page shows
 * everything even with scripts disabled; the script only adds tooltips and highlighting.
 */
final class PartitionView<S, I, O> {

  static final int ROW = 24;
  static final int AXIS = 24;
  private static final int TARGET_WIDTH = 1150;
  private static final String DEFAULT_ANNOTATION_COLOR = "#ffe08a";

  private final Model<S, I, O> model;
  private final PartitionInfo<I, O> part;
  private final int number;
  private final List<Annotation> annotations;
  private final TimeFormat time;
  private final TimeAxis axis;
  private final List<Integer> mainOrder;
  private final int[] mainPosition;
  private final int failing;

  PartitionView(
      Model<S, I, O> model,
      PartitionInfo<I, O> part,
      int number,
      List<Annotation> annotations,
      TimeFormat time) {
    this.model = model;
    this.part = part;
    this.number = number;
    this.annotations = annotations;
    this.time = time;
    this.axis =
        new TimeAxis(
            part.history(),
            annotations.stream().flatMapToLong(a -> LongStream.of(a.start(), a.end())).toArray(),
            TARGET_WIDTH);
    this.mainOrder = part.longestLinearization();
    this.mainPosition = new int[part.history().size()];
    for (int i = 0; i < mainOrder.size(); i++) {
      mainPosition[mainOrder.get(i)] = i + 1;
    }
    this.failing = part.firstUnlinearizableOperation().orElse(-1);
  }

  /** Appends the section; {@code index} is this partition's place in the page's data array. */
  void writeSection(StringBuilder out, int index) {
    List<Operation<I, O>> ops = part.history();
    String verdict = part.result().name();
    String name = model.describePartition(ops);
    out.append("<section class=\"partition ")
        .append(verdict.toLowerCase())
        .append("\" id=\"partition-")
        .append(number)
        .append("\" data-p=\"")
        .append(index)
        .append("\">\n");
    out.append("<h2>Partition ")
        .append(number)
        .append(name.isEmpty() ? "" : " · " + escapeHtml4(name))
        .append(" <span class=\"verdict ")
        .append(verdict.toLowerCase())
        .append("\">")
        .append(verdict)
        .append("</span></h2>\n");
    out.append("<p class=\"summary\">").append(summary()).append("</p>\n");

    // Lay out the lanes: each client gets as many rows as it has overlapping operations.
    StringBuilder labels = new StringBuilder();
    StringBuilder chart = new StringBuilder();
    int top = AXIS;
    int lane = 0;
    for (Map.Entry<Integer, List<Integer>> client : opsByClient().entrySet()) {
      List<int[]> placed = new ArrayList<>();
      int rows = packRows(client.getValue(), op -> axis.callX(op), op -> axis.returnX(op), placed);
      laneBackground(labels, chart, top, rows, lane++, "client " + client.getKey(), "");
      for (int[] p : placed) {
        bar(chart, p[0], top + p[1] * ROW);
      }
      top += rows * ROW;
    }
    for (Map.Entry<String, List<Integer>> tag : annotationsByTag().entrySet()) {
      List<int[]> placed = new ArrayList<>();
      int rows = packRows(tag.getValue(), a -> annotationLeft(a), a -> annotationRight(a), placed);
      laneBackground(labels, chart, top, rows, lane++, tag.getKey(), " annotation-lane");
      for (int[] p : placed) {
        annotationBar(chart, p[0], top + p[1] * ROW);
      }
      top += rows * ROW;
    }
    if (failing >= 0) {
      // Near the right edge the label goes on the left of the line, or it would be cut off.
      int x = axis.returnX(failing);
      chart
          .append("<div class=\"fail-line")
          .append(x > axis.width() - 190 ? " flip" : "")
          .append("\" style=\"left:")
          .append(x)
          .append("px;height:")
          .append(top)
          .append("px\"><span>linearization fails here</span></div>\n");
    }
    out.append("<div class=\"chart-row\"><div class=\"labels\" style=\"height:")
        .append(top)
        .append("px\">\n")
        .append(labels)
        .append("</div>\n<div class=\"scroll\"><div class=\"chart\" style=\"width:")
        .append(axis.width())
        .append("px;height:")
        .append(top)
        .append("px\">\n")
        .append(chart)
        .append("</div></div></div>\n</section>\n");
  }

  /** Appends this partition's tooltip data: per operation its description, times and state. */
  void writeData(StringBuilder out) {
    List<Operation<I, O>> ops = part.history();
    List<List<Integer>> lins = part.partialLinearizations();
    // Replay every kept linearization once, for the state after each of its operations.
    String[] stateAfter = new String[ops.size()];
    int[] position = new int[ops.size()];
    for (int l = 0; l < lins.size(); l++) {
      List<String> states = replay(lins.get(l));
      for (int pos = 0; pos < lins.get(l).size(); pos++) {
        int op = lins.get(l).get(pos);
        if (part.longestIndexFor(op) == l) {
          stateAfter[op] = states.get(pos);
          position[op] = pos + 1;
        }
      }
    }
    List<String> mainStates = replay(mainOrder);
    String stateAtFailure =
        mainStates.isEmpty()
            ? model.describeState(model.init())
            : mainStates.get(mainStates.size() - 1);

    out.append("{\"ops\":[");
    for (int i = 0; i < ops.size(); i++) {
      Operation<I, O> op = ops.get(i);
      out.append(i == 0 ? "" : ",")
          .append("\n{\"c\":")
          .append(op.clientId())
          .append(",\"d\":")
          .append(json(model.describeOperation(op.input(), op.output())))
          .append(",\"t0\":")
          .append(json(time.format(op.callTime())))
          .append(",\"t1\":")
          .append(json(time.format(op.returnTime())))
          .append(",\"k\":")
          .append(json(kind(i)))
          .append(",\"l\":")
          .append(part.longestIndexFor(i))
          .append(",\"p\":")
          .append(position[i])
          .append(",\"s\":")
          .append(json(i == failing ? stateAtFailure : stateAfter[i] == null ? "" : stateAfter[i]))
          .append('}');
    }
    out.append("],\n\"main\":").append(PartitionInfo.indexOfLongest(lins)).append(",\n\"lins\":[");
    for (int l = 0; l < lins.size(); l++) {
      out.append(l == 0 ? "" : ",").append(lins.get(l));
    }
    out.append("]}");
  }

  private String summary() {
    int n = part.history().size();
    String ops = n + (n == 1 ? " operation" : " operations");
    return switch (part.result()) {
      case OK -> ops + ", all linearizable.";
      case UNKNOWN ->
          ops
              + "; the search was stopped (timeout) after a linearizable prefix of "
              + mainOrder.size()
              + ".";
      case ILLEGAL -> {
        String s = ops + "; the longest linearizable prefix has " + mainOrder.size() + ".";
        if (failing >= 0) {
          Operation<I, O> op = part.history().get(failing);
          s +=
              " It cannot be extended by <b>"
                  + escapeHtml4(model.describeOperation(op.input(), op.output()))
                  + "</b> (client "
                  + op.clientId()
                  + "), the first operation to return outside it.";
        }
        yield s;
      }
    };
  }

  private String kind(int op) {
    if (op == failing) {
      return "fail";
    }
    return mainPosition[op] > 0 ? "lin" : "none";
  }

  private void bar(StringBuilder chart, int op, int top) {
    Operation<I, O> o = part.history().get(op);
    int left = axis.callX(op);
    int width = Math.max(6, axis.returnX(op) - left - 2);
    String description = model.describeOperation(o.input(), o.output());
    chart
        .append("<div class=\"op ")
        .append(kind(op))
        .append("\" data-i=\"")
        .append(op)
        .append("\" style=\"left:")
        .append(left)
        .append("px;top:")
        .append(top + 3)
        .append("px;width:")
        .append(width)
        .append("px\">");
    String badge =
        op == failing ? "✗" : mainPosition[op] > 0 ? String.valueOf(mainPosition[op]) : "";
    chart
        .append("<span class=\"ord\" data-static=\"")
        .append(badge)
        .append("\">")
        .append(badge)
        .append("</span>")
        .append(escapeHtml4(description))
        .append("</div>\n");
  }

  /** An interval is a bar; a point event (start == end) is a tick with its text beside it. */
  private void annotationBar(StringBuilder chart, int index, int top) {
    Annotation a = annotations.get(index);
    String color = HtmlText.cssColor(a.color(), DEFAULT_ANNOTATION_COLOR);
    int left = annotationLeft(index);
    chart
        .append("<div class=\"ann")
        .append(isPoint(a) ? " point" : "")
        .append("\" data-a=\"")
        .append(index)
        .append("\" style=\"left:")
        .append(left)
        .append("px;top:")
        .append(top + 3)
        .append("px;");
    if (isPoint(a)) {
      chart.append("border-left-color:").append(color);
    } else {
      chart
          .append("width:")
          .append(annotationRight(index) - left)
          .append("px;background:")
          .append(color);
    }
    chart.append("\">").append(escapeHtml4(a.description())).append("</div>\n");
  }

  private static boolean isPoint(Annotation a) {
    return a.start() == a.end();
  }

  private int annotationLeft(int index) {
    return axis.xBefore(annotations.get(index).start());
  }

  /** Where the annotation ends on the page; a point's text runs on, so it reserves room for it. */
  private int annotationRight(int index) {
    Annotation a = annotations.get(index);
    int left = annotationLeft(index);
    if (isPoint(a)) {
      return left + 12 + 7 * a.description().length();
    }
    return Math.max(left + 4, axis.xAfter(a.end()));
  }

  private static void laneBackground(
      StringBuilder labels,
      StringBuilder chart,
      int top,
      int rows,
      int lane,
      String label,
      String extraClass) {
    String stripe = lane % 2 == 0 ? "even" : "odd";
    labels
        .append("<div class=\"label ")
        .append(stripe)
        .append(extraClass)
        .append("\" style=\"top:")
        .append(top)
        .append("px;height:")
        .append(rows * ROW)
        .append("px\">")
        .append(escapeHtml4(label))
        .append("</div>\n");
    chart
        .append("<div class=\"lane ")
        .append(stripe)
        .append(extraClass)
        .append("\" style=\"top:")
        .append(top)
        .append("px;height:")
        .append(rows * ROW)
        .append("px\"></div>\n");
  }

  /**
   * Puts intervals into as few rows as possible without overlap (first fit by start), so that a
   * client that had several calls outstanding still shows all of them. Returns the row count and
   * fills {@code placed} with (item, row) pairs.
   */
  private static int packRows(
      List<Integer> items, IntUnaryOperator left, IntUnaryOperator right, List<int[]> placed) {
    List<Integer> sorted = new ArrayList<>(items);
    sorted.sort((a, b) -> Integer.compare(left.applyAsInt(a), left.applyAsInt(b)));
    List<Integer> rowEnds = new ArrayList<>();
    for (int item : sorted) {
      int row = 0;
      while (row < rowEnds.size() && rowEnds.get(row) > left.applyAsInt(item)) {
        row++;
      }
      if (row == rowEnds.size()) {
        rowEnds.add(0);
      }
      rowEnds.set(row, right.applyAsInt(item));
      placed.add(new int[] {item, row});
    }
    return Math.max(1, rowEnds.size());
  }

  private Map<Integer, List<Integer>> opsByClient() {
    Map<Integer, List<Integer>> byClient = new TreeMap<>();
    for (int i = 0; i < part.history().size(); i++) {
      byClient.computeIfAbsent(part.history().get(i).clientId(), c -> new ArrayList<>()).add(i);
    }
    return byClient;
  }

  /**
   * The annotations that overlap this partition's events, grouped by tag in order of appearance.
   */
  private Map<String, List<Integer>> annotationsByTag() {
    Map<String, List<Integer>> byTag = new LinkedHashMap<>();
    for (int i = 0; i < annotations.size(); i++) {
      Annotation a = annotations.get(i);
      if (axis.overlaps(a.start(), a.end())) {
        byTag.computeIfAbsent(a.tag(), t -> new ArrayList<>()).add(i);
      }
    }
    return byTag;
  }

  /**
   * The state after each operation of {@code order}, described; stops early if the model objects.
   */
  private List<String> replay(List<Integer> order) {
    List<String> states = new ArrayList<>(order.size());
    S state = model.init();
    for (int op : order) {
      Operation<I, O> o = part.history().get(op);
      StepResult<S> step = model.step(state, o.input(), o.output());
      if (!step.ok()) {
        break; // cannot happen for a deterministic model; show what we have
      }
      state = step.newState();
      states.add(model.describeState(state));
    }
    while (states.size() < order.size()) {
      states.add("?");
    }
    return states;
  }
}
