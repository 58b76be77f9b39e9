package kvtest;

/** What one client of a concurrent test saw (Go's {@code kvtest.ClntRes}): Puts OK and maybe. */
public final class ClntRes {
  public int nok;
  public int nmaybe;

  @Override
  public String toString() {
    return "{" + nok + " " + nmaybe + "}";
  }
}
