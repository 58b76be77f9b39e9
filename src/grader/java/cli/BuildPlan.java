package cli;

/** What a run must build before it tests, cheapest first. */
enum BuildPlan {
  /** Nothing changed since the last build. */
  NOTHING,
  /** Only the student's packages changed: javac compiles just them, without Maven. */
  JAVAC,
  /** Nothing is built yet, or the pom, a test or a given file changed: Maven builds it all. */
  MAVEN
}
