package porcupine;

/**
 * Prints the nanosecond times of a history for people: relative to the first call, in one unit (ns,
 * µs or ms, with three decimals) chosen from the length of the whole history.
 */
final class TimeFormat {

  private final long origin;

  /** Nanoseconds per thousandth of the unit: 0 for ns (no decimals), 1 for µs, 1000 for ms. */
  private final long nanosPerMilliUnit;

  private final String unit;

  TimeFormat(long origin, long span) {
    this.origin = origin;
    if (span < 10_000) {
      nanosPerMilliUnit = 0;
      unit = " ns";
    } else if (span < 10_000_000) {
      nanosPerMilliUnit = 1;
      unit = " µs";
    } else {
      nanosPerMilliUnit = 1_000;
      unit = " ms";
    }
  }

  /** For example "12.345 ms". Plain arithmetic: String.format is slow for 10,000s of times. */
  String format(long time) {
    long t = time - origin;
    if (nanosPerMilliUnit == 0) {
      return t + unit;
    }
    long thousandths = Math.floorDiv(t, nanosPerMilliUnit);
    String sign = thousandths < 0 ? "-" : "";
    long abs = Math.abs(thousandths);
    long fraction = abs % 1000;
    return sign
        + abs / 1000
        + "."
        + (fraction < 100 ? fraction < 10 ? "00" : "0" : "")
        + fraction
        + unit;
  }
}
