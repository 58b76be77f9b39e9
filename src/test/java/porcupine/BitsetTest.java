package porcupine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.BitSet;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The search's compact set against java.util.BitSet, through random sets and clears. */
class BitsetTest {

  @Test
  void behavesLikeASetAndCopiesCompareByContent() {
    Random rnd = new Random(5);
    int size = 300;
    Bitset set = new Bitset(size);
    BitSet truth = new BitSet(size);
    for (int step = 0; step < 20_000; step++) {
      // Mostly fill from the front, as the search does, with random holes punched in.
      int i =
          rnd.nextInt(4) == 0
              ? rnd.nextInt(size)
              : Math.min(size - 1, truth.nextClearBit(0) + rnd.nextInt(70));
      if (rnd.nextBoolean()) {
        set.set(i);
        truth.set(i);
      } else {
        set.clear(i);
        truth.clear(i);
      }
      Bitset copy = set.copy();
      assertEquals(set, copy);
      assertEquals(copy, set);
      assertEquals(set.hashCode(), copy.hashCode());
      for (int probe = 0; probe < 5; probe++) {
        int j = rnd.nextInt(size);
        assertEquals(truth.get(j), set.get(j), "live bit " + j);
        assertEquals(truth.get(j), copy.get(j), "copied bit " + j);
      }
      // A copy does not change with the set it came from.
      int k = rnd.nextInt(size);
      boolean had = set.get(k);
      if (had) {
        set.clear(k);
      } else {
        set.set(k);
      }
      assertNotEquals(set, copy);
      if (had) {
        set.set(k);
      } else {
        set.clear(k);
      }
      assertEquals(set, copy);
    }
  }
}
