package porcupine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The search's memo against a HashSet of (set, state) pairs, with a good hash and a useless one.
 */
class StateCacheTest {

  /** A register whose states all hash alike: the cache must still tell them apart by equality. */
  private static final class ConstantHashRegister implements Model<Integer, Integer, Integer> {
    @Override
    public Integer init() {
      return 0;
    }

    @Override
    public StepResult<Integer> step(Integer state, Integer in, Integer out) {
      return StepResult.legal(in);
    }

    @Override
    public int hash(Integer state) {
      return 7;
    }
  }

  @Test
  void remembersExactlyThePairsItWasGiven() {
    for (Model<Integer, Integer, Integer> model :
        List.of(new RegisterLike(), new ConstantHashRegister())) {
      StateCache<Integer> cache = new StateCache<>(model);
      Set<String> truth = new HashSet<>();
      Bitset set = new Bitset(200);
      Random rnd = new Random(3);
      // Enough pairs to grow every array several times, with many repeats.
      for (int step = 0; step < 20_000; step++) {
        int bit = rnd.nextInt(200);
        if (rnd.nextBoolean()) {
          set.set(bit);
        } else {
          set.clear(bit);
        }
        int state = rnd.nextInt(4);
        String pair = describe(set, 200) + "/" + state;
        assertEquals(truth.add(pair), cache.addIfNew(set, state), "pair " + pair);
      }
      assertEquals(truth.size(), cache.size());
      assertFalse(truth.isEmpty());
      assertTrue(cache.size() > 2_000, "the test should store many pairs");
    }
  }

  /** The default hash and equality. */
  private static final class RegisterLike implements Model<Integer, Integer, Integer> {
    @Override
    public Integer init() {
      return 0;
    }

    @Override
    public StepResult<Integer> step(Integer state, Integer in, Integer out) {
      return StepResult.legal(in);
    }
  }

  private static String describe(Bitset set, int size) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < size; i++) {
      s.append(set.get(i) ? '1' : '0');
    }
    return s.toString();
  }
}
