package porcupine;

/**
 * A tester event drawn next to the operations in the visualizer, for example "partition {0,1} |
 * {2,3,4}" or "server 2 crashed". Annotations with the same tag share one lane.
 *
 * @param tag the lane the annotation goes in, for example "network" or "server 2"
 * @param start when it started, in the same nanoseconds as the operations
 * @param end when it ended; equal to {@code start} for a point event
 * @param description the short text drawn on the bar
 * @param details longer text shown in the tooltip; may be empty
 * @param color a CSS colour for the bar, {@code #rgb}, {@code #rrggbb} or a colour name; empty or
 *     anything else gives the default colour
 */
public record Annotation(
    String tag, long start, long end, String description, String details, String color) {

  /** Keeps the record printable and the page well-formed whatever the tester passes. */
  public Annotation {
    tag = tag == null ? "" : tag;
    description = description == null ? "" : description;
    details = details == null ? "" : details;
    color = color == null ? "" : color;
    if (end < start) {
      throw new IllegalArgumentException(
          "annotation ends (" + end + ") before it starts (" + start + ")");
    }
  }

  /** A point event without details in the default colour. */
  public static Annotation at(String tag, long time, String description) {
    return new Annotation(tag, time, time, description, "", "");
  }
}
