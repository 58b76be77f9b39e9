package diagnostics;

import static org.apache.commons.text.StringEscapeUtils.escapeHtml4;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws a test's {@link EventLog} as one self-contained HTML page (inline SVG and CSS, no script
 * and nothing fetched, so it opens offline): a lane per server showing over time whether it was
 * leader or follower and in which term, when it was down (crashed) or cut off (disconnected), the
 * events it logged; a lane for the tester's own events (begin, partitions, checks); a lane per tag
 * of the marks (the checkers' intervals, and what the code under test marked with {@code
 * debug.Annotate}); and the failure, as a red line. Hover over anything for details.
 *
 * <p>With several groups (Lab 5) there is a lane per server of every group, labelled with the group
 * ({@code g1 server 2}). What the peers log through Debug names no group, so its ticks are drawn
 * only when the test has one group.
 */
public final class Timeline {
  private static final double PX_PER_SECOND = 120;
  private static final int LANE = 34;
  private static final int LEFT = 90;
  private static final int TOP = 40;

  private Timeline() {}

  /** One lane: server {@code server} of group {@code gid}. */
  public record Lane(int gid, int server) {}

  /** The lanes of group 0's {@code n} servers (Labs 2 to 4). */
  public static List<Lane> lanes(int n) {
    List<Lane> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(new Lane(0, i));
    }
    return out;
  }

  /** Writes the page for a test and returns its path. */
  public static Path write(
      Path file,
      String title,
      String failure,
      long seed,
      List<Lane> lanes,
      List<EventLog.Event> events,
      List<EventLog.Mark> marks,
      long endNanos)
      throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(
        file, html(title, failure, seed, lanes, events, marks, endNanos), StandardCharsets.UTF_8);
    return file;
  }

  static String html(
      String title,
      String failure,
      long seed,
      int n,
      List<EventLog.Event> events,
      List<EventLog.Mark> marks,
      long endNanos) {
    return html(title, failure, seed, lanes(n), events, marks, endNanos);
  }

  static String html(
      String title,
      String failure,
      long seed,
      List<Lane> lanes,
      List<EventLog.Event> events,
      List<EventLog.Mark> marks,
      long endNanos) {
    int n = lanes.size();
    boolean oneGroup = lanes.stream().map(Lane::gid).distinct().count() <= 1;
    double seconds = Math.max(1, endNanos / 1e9);
    int width = LEFT + (int) (seconds * PX_PER_SECOND) + 40;
    List<String> tags = marks.stream().map(EventLog.Mark::tag).distinct().sorted().toList();
    int height = TOP + (n + 1 + tags.size()) * LANE + 30;
    StringBuilder svg = new StringBuilder();
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d'>",
            width,
            height));
    for (int i = 0; i < tags.size(); i++) {
      svg.append(
          String.format(
              Locale.ROOT,
              "<rect x='0' y='%d' width='%d' height='%d' fill='#fffbe6'/>",
              TOP + (n + 1 + i) * LANE,
              width,
              LANE));
    }
    axis(svg, seconds, height);
    svg.append(label(0, "tester"));
    for (int i = 0; i < n; i++) {
      Lane l = lanes.get(i);
      svg.append(label(i + 1, oneGroup ? "server " + l.server() : name(l)));
      lane(svg, i, l, oneGroup, events, endNanos);
    }
    testerLane(svg, events);
    for (int i = 0; i < tags.size(); i++) {
      // The lanes of marks are tinted and their labels slanted: a tag such as "server 1" names a
      // lane of marks, not the server's own lane above.
      int row = n + 1 + i;
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x='6' y='%d' font-style='italic'>%s</text>",
              TOP + row * LANE + LANE / 2 + 4,
              escapeHtml4(tags.get(i))));
      markLane(svg, row, tags.get(i), marks);
    }
    svg.append("</svg>");

    StringBuilder page = new StringBuilder();
    page.append("<!DOCTYPE html><html><head><meta charset='utf-8'><title>")
        .append(escapeHtml4(title))
        .append("</title><style>")
        .append("body{font:13px sans-serif;margin:16px;color:#222}")
        .append(".fail{color:#b00;font-weight:bold}.legend span{display:inline-block;")
        .append("padding:1px 8px;margin-right:8px;border:1px solid #999}")
        .append(".scroll{overflow-x:auto;border:1px solid #ccc}")
        .append("svg text{font:11px sans-serif}</style></head><body>")
        .append("<h2>")
        .append(escapeHtml4(title))
        .append("</h2>");
    if (failure != null) {
      page.append("<p class='fail'>Fatal: ").append(escapeHtml4(failure)).append("</p>");
    } else {
      page.append("<p>Passed.</p>");
    }
    page.append("<p>seed ")
        .append(seed)
        .append(" &middot; rerun with <code>./grade.sh --seed ")
        .append(seed)
        .append("</code> (thread timing still varies)</p>")
        .append("<p class='legend'><span style='background:#7ccf7c'>leader</span>")
        .append("<span style='background:#e4e4e4'>follower / candidate</span>")
        .append("<span style='background:#444;color:#fff'>down (crashed)</span>")
        .append("<span style='background:#f6c7c7'>disconnected</span>")
        .append("<span>| tick = an event the server logged (Debug)</span>")
        .append("<span style='background:#fff176'>a mark (debug.Annotate)</span>")
        .append("<span style='background:#c8e6c9'>check passed</span>")
        .append("<span style='background:#ffcdd2'>check failed</span>")
        .append("<span style='border-color:#b00;color:#b00'>red line = failure</span></p>")
        .append("<p>Hover over bars, ticks and markers for details.</p>")
        .append("<div class='scroll'>")
        .append(svg)
        .append("</div></body></html>\n");
    return page.toString();
  }

  private static void axis(StringBuilder svg, double seconds, int height) {
    for (int s = 0; s <= (int) seconds; s++) {
      double x = x(s * 1_000_000_000L);
      svg.append(
          String.format(
              Locale.ROOT,
              "<line x1='%.1f' y1='%d' x2='%.1f' y2='%d' stroke='#eee'/>"
                  + "<text x='%.1f' y='%d' fill='#888'>%ds</text>",
              x,
              TOP - 12,
              x,
              height - 20,
              x + 2,
              TOP - 16,
              s));
    }
  }

  private static String label(int row, String text) {
    return String.format(
        Locale.ROOT,
        "<text x='6' y='%d'>%s</text>",
        TOP + row * LANE + LANE / 2 + 4,
        escapeHtml4(text));
  }

  private static String name(Lane l) {
    return "g" + l.gid() + " server " + l.server();
  }

  /** Whether {@code e} is about the server of lane {@code l}. */
  private static boolean on(EventLog.Event e, Lane l, boolean oneGroup) {
    return e.server() == l.server() && (e.gid() == l.gid() || (e.gid() < 0 && oneGroup));
  }

  /** One server's lane: state segments, down and disconnected periods, logged events. */
  private static void lane(
      StringBuilder svg, int row, Lane l, boolean oneGroup, List<EventLog.Event> events, long end) {
    int server = l.server();
    int y = TOP + (row + 1) * LANE + 4;
    int h = LANE - 8;
    // State segments from the sampled states.
    long segStart = 0;
    String segState = "follower";
    int segTerm = 0;
    List<long[]> down = new ArrayList<>();
    List<long[]> cut = new ArrayList<>();
    long downSince = -1;
    long cutSince = -1;
    for (EventLog.Event e : events) {
      if (!on(e, l, oneGroup)) {
        continue;
      }
      switch (e.kind()) {
        case "state" -> {
          if (!e.text().equals(segState) || e.term() != segTerm) {
            segment(svg, server, segStart, e.nanos(), segState, segTerm, y, h);
            segStart = e.nanos();
            segState = e.text();
            segTerm = e.term();
          }
        }
        case "crash" -> downSince = e.nanos();
        case "start" -> {
          if (downSince >= 0) {
            down.add(new long[] {downSince, e.nanos()});
          }
          downSince = -1;
        }
        case "disconnect" -> cutSince = cutSince < 0 ? e.nanos() : cutSince;
        case "connect" -> {
          if (cutSince >= 0) {
            cut.add(new long[] {cutSince, e.nanos()});
          }
          cutSince = -1;
        }
        default -> {}
      }
    }
    segment(svg, server, segStart, end, segState, segTerm, y, h);
    if (downSince >= 0) {
      down.add(new long[] {downSince, end});
    }
    if (cutSince >= 0) {
      cut.add(new long[] {cutSince, end});
    }
    for (long[] c : cut) {
      svg.append(
          String.format(
              Locale.ROOT,
              "<rect x='%.1f' y='%d' width='%.1f' height='%d' fill='#f6c7c7' opacity='0.8'>"
                  + "<title>server %d disconnected %s - %s</title></rect>",
              x(c[0]),
              y + h - 6,
              Math.max(1, x(c[1]) - x(c[0])),
              6,
              server,
              secs(c[0]),
              secs(c[1])));
    }
    for (long[] d : down) {
      svg.append(
          String.format(
              Locale.ROOT,
              "<rect x='%.1f' y='%d' width='%.1f' height='%d' fill='#444'>"
                  + "<title>server %d down (crashed) %s - %s</title></rect>",
              x(d[0]),
              y,
              Math.max(1, x(d[1]) - x(d[0])),
              h - 6,
              server,
              secs(d[0]),
              secs(d[1])));
    }
    int ticks = 0;
    for (EventLog.Event e : events) {
      if (on(e, l, oneGroup) && e.kind().length() == 4 && ticks++ < 20_000) {
        svg.append(
            String.format(
                Locale.ROOT,
                "<line x1='%.1f' y1='%d' x2='%.1f' y2='%d' stroke='#36c'><title>%s %s%s %s"
                    + "</title></line>",
                x(e.nanos()),
                y,
                x(e.nanos()),
                y + 7,
                secs(e.nanos()),
                e.kind(),
                e.term() >= 0 ? " T" + e.term() : "",
                escapeHtml4(e.text())));
      }
    }
  }

  private static void segment(
      StringBuilder svg, int server, long from, long to, String state, int term, int y, int h) {
    if (to <= from) {
      return;
    }
    String fill =
        switch (state) {
          case "leader" -> "#7ccf7c";
          case "down" -> "#444";
          default -> "#e4e4e4";
        };
    double w = Math.max(1, x(to) - x(from));
    svg.append(
        String.format(
            Locale.ROOT,
            "<rect x='%.1f' y='%d' width='%.1f' height='%d' fill='%s'><title>server %d %s in term %d,"
                + " %s - %s</title></rect>",
            x(from),
            y,
            w,
            h - 6,
            fill,
            server,
            state,
            term,
            secs(from),
            secs(to)));
    if (w > 24 && !state.equals("down")) {
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x='%.1f' y='%d' fill='#333'>T%d</text>",
              x(from) + 3,
              y + 13,
              term));
    }
  }

  private static void testerLane(StringBuilder svg, List<EventLog.Event> events) {
    int y = TOP + 4;
    for (EventLog.Event e : events) {
      if (e.server() >= 0
          && !e.kind().equals("crash")
          && !e.kind().equals("start")
          && !e.kind().equals("disconnect")
          && !e.kind().equals("connect")) {
        continue;
      }
      boolean failure = e.kind().equals("failure");
      String who = e.gid() > 0 ? name(new Lane(e.gid(), e.server())) : "server " + e.server();
      String what = e.server() >= 0 ? who + ": " + e.text() : e.text();
      if (failure) {
        svg.append(
            String.format(
                Locale.ROOT,
                "<line x1='%.1f' y1='%d' x2='%.1f' y2='%d' stroke='#b00' stroke-width='2'>"
                    + "<title>%s FAILURE: %s</title></line>",
                x(e.nanos()),
                TOP - 10,
                x(e.nanos()),
                4000,
                secs(e.nanos()),
                escapeHtml4(e.text())));
      } else {
        svg.append(
            String.format(
                Locale.ROOT,
                "<circle cx='%.1f' cy='%d' r='4' fill='%s'><title>%s %s</title></circle>",
                x(e.nanos()),
                y + 10,
                e.text().startsWith("checking") ? "#c90" : "#36c",
                secs(e.nanos()),
                escapeHtml4(what)));
      }
    }
  }

  /**
   * The marks of one tag: bars for intervals, diamonds for points, the description written on a bar
   * wide enough for it; details in the tooltip.
   */
  private static void markLane(StringBuilder svg, int row, String tag, List<EventLog.Mark> marks) {
    int y = TOP + row * LANE + 4;
    int h = LANE - 8;
    int drawn = 0;
    for (EventLog.Mark m : marks) {
      if (!m.tag().equals(tag) || drawn++ >= 20_000) {
        continue;
      }
      String fill =
          switch (m.kind()) {
            case "checker-ok" -> "#c8e6c9";
            case "checker-failed" -> "#ffcdd2";
            case "checker-neutral" -> "#ffecb3";
            default -> "#fff176";
          };
      String tip =
          escapeHtml4(
              secs(m.start())
                  + (m.end() > m.start() ? " - " + secs(m.end()) : "")
                  + " "
                  + m.description()
                  + (m.details().isEmpty() ? "" : ": " + m.details()));
      double x0 = x(m.start());
      if (m.end() > m.start()) {
        double w = Math.max(2, x(m.end()) - x0);
        svg.append(
            String.format(
                Locale.ROOT,
                "<g class='mark'><rect x='%.1f' y='%d' width='%.1f' height='%d' fill='%s'"
                    + " stroke='#888' stroke-width='0.5'/>",
                x0,
                y,
                w,
                h - 6,
                fill));
        if (w > 30) {
          svg.append(
              String.format(
                  Locale.ROOT,
                  "<svg x='%.1f' y='%d' width='%.1f' height='%d'><text x='3' y='13'>%s</text></svg>",
                  x0,
                  y,
                  w,
                  h - 6,
                  escapeHtml4(m.description())));
        }
        svg.append("<title>").append(tip).append("</title></g>");
      } else {
        svg.append(
            String.format(
                Locale.ROOT,
                "<g class='mark'><path d='M%.1f %d l5 7 l-5 7 l-5 -7 z' fill='%s' stroke='#555'/>"
                    + "<title>%s</title></g>",
                x0,
                y,
                fill,
                tip));
      }
    }
  }

  private static double x(long nanos) {
    return LEFT + nanos / 1e9 * PX_PER_SECOND;
  }

  private static String secs(long nanos) {
    return String.format(Locale.ROOT, "%.3fs", nanos / 1e9);
  }
}
