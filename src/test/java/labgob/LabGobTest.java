package labgob;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The codec: deep copies, byte sizes close to gob's, and clear errors. */
class LabGobTest {

  /** A log entry with a polymorphic command, as in Raft. */
  record Entry(int term, Object command) {}

  /** A key/value operation, as a Lab 4 command. */
  static class Op {
    String key;
    String value;
    long clientId;

    Op() {}

    Op(String key, String value, long clientId) {
      this.key = key;
      this.value = value;
      this.clientId = clientId;
    }
  }

  /** A class with every kind of field. */
  static class Everything {
    int i = -1;
    long l = Long.MIN_VALUE;
    boolean b = true;
    double d = 2.5;
    float f = 1.5f;
    short s = -3;
    byte y = 7;
    char c = 'z';
    String str = "héllo";
    byte[] bytes = {1, 2, 3};
    int[] ints = {-1, 0, 1};
    Integer boxed = 42;
    List<Entry> log = new ArrayList<>(List.of(new Entry(1, "a"), new Entry(2, 3)));
    LinkedList<String> linked = new LinkedList<>(List.of("x", "y"));
    Map<String, Integer> map = new TreeMap<>(Map.of("k", 1));
    TreeMap<String, Integer> tree = new TreeMap<>(Map.of("t", 2));
    Thread.State state = Thread.State.BLOCKED;
    Object nothing = null;
    Entry[] entries = {new Entry(3, null)};
  }

  static class WithLock {
    int x;
    java.util.concurrent.locks.ReentrantLock mu;
  }

  static class WithAtomic {
    AtomicInteger counter = new AtomicInteger();
  }

  class Inner {
    int x;
  }

  static class NoDefault {
    final int x;

    NoDefault(int x) {
      this.x = x;
    }
  }

  static class Node {
    Node next;
  }

  static class WithTransient {
    int kept = 1;
    transient int dropped = 2;
  }

  @Test
  void everyKindOfFieldRoundTrips() {
    Everything in = new Everything();
    Everything out = LabGob.decode(LabGob.encode(in), Everything.class);
    assertNotSame(in, out);
    assertEquals(in.i, out.i);
    assertEquals(in.l, out.l);
    assertEquals(in.b, out.b);
    assertEquals(in.d, out.d);
    assertEquals(in.f, out.f);
    assertEquals(in.s, out.s);
    assertEquals(in.y, out.y);
    assertEquals(in.c, out.c);
    assertEquals(in.str, out.str);
    assertArrayEquals(in.bytes, out.bytes);
    assertArrayEquals(in.ints, out.ints);
    assertEquals(in.boxed, out.boxed);
    assertEquals(in.log, out.log);
    assertEquals(in.linked, out.linked);
    assertTrue(out.linked instanceof LinkedList, "a field's concrete collection type is kept");
    assertEquals(in.map, out.map);
    assertEquals(in.tree, out.tree);
    assertEquals(in.state, out.state);
    assertNull(out.nothing);
    assertEquals(in.entries[0], out.entries[0]);
  }

  @Test
  void decodedValuesShareNothingWithTheOriginal() {
    Everything in = new Everything();
    Everything out = LabGob.deepCopy(in);
    assertNotSame(in.log, out.log);
    assertNotSame(in.bytes, out.bytes);
    out.log.add(new Entry(9, "z"));
    out.bytes[0] = 99;
    assertEquals(2, in.log.size());
    assertEquals(1, in.bytes[0]);
  }

  @Test
  void polymorphicCommandsKeepTheirClass() {
    List<Entry> log =
        List.of(new Entry(1, 100), new Entry(1, "cmd"), new Entry(2, new Op("k", "v", 7L)));
    List<?> out = LabGob.decode(LabGob.encode(log), List.class);
    assertEquals(100, ((Entry) out.get(0)).command());
    assertEquals("cmd", ((Entry) out.get(1)).command());
    Op op = (Op) ((Entry) out.get(2)).command();
    assertEquals("k", op.key);
    assertEquals(7L, op.clientId);
  }

  @Test
  void byteCountsStayCloseToThePayload() {
    String cmd = "x".repeat(5000);
    int size = LabGob.encode(new Entry(3, cmd)).length;
    assertTrue(size >= 5000 && size < 5100, "a 5000-character command took " + size + " bytes");
    int small = LabGob.encode(new Entry(3, 42)).length;
    assertTrue(small < 60, "a small entry took " + small + " bytes");
  }

  @Test
  void persistenceEncoderAndDecoderKeepOrderAndTypes() {
    LabEncoder e = new LabEncoder();
    e.encode(5).encode(-1).encode(List.of(new Entry(0, null), new Entry(5, "x")));
    LabDecoder d = new LabDecoder(e.bytes());
    assertEquals(5, d.decodeInt());
    assertEquals(-1, d.decodeInt());
    List<Entry> log = d.decodeList(Entry.class);
    assertEquals("x", log.get(1).command());
    assertFalse(d.hasMore());
    LabGobException x = assertThrows(LabGobException.class, d::decodeInt);
    assertTrue(x.getMessage().contains("unexpected end of data"), x.getMessage());
  }

  @Test
  void decodingTheWrongTypeSaysWhatWasFound() {
    LabDecoder d = new LabDecoder(new LabEncoder().encode("term").bytes());
    LabGobException x = assertThrows(LabGobException.class, d::decodeInt);
    assertTrue(
        x.getMessage().contains("expected a int but decoded a java.lang.String"), x.getMessage());
  }

  @Test
  void aLockFieldIsRejectedByNameWithAdvice() {
    LabGobException x = assertThrows(LabGobException.class, () -> LabGob.encode(new WithLock()));
    assertTrue(x.getMessage().contains("labgob.LabGobTest$WithLock.mu"), x.getMessage());
    assertTrue(x.getMessage().contains("transient"), x.getMessage());
  }

  @Test
  void aJdkValueBehindAnObjectFieldIsRejectedWithItsPath() {
    Entry bad = new Entry(1, new AtomicInteger(3));
    LabGobException x =
        assertThrows(LabGobException.class, () -> LabGob.encode(List.of(new Entry(1, 1), bad)));
    assertEquals("[1].command", x.path());
    assertTrue(
        x.getMessage().contains("java.util.concurrent.atomic.AtomicInteger"), x.getMessage());
  }

  @Test
  void anAtomicFieldIsRejected() {
    assertThrows(LabGobException.class, () -> LabGob.encode(new WithAtomic()));
  }

  @Test
  void anInnerClassIsRejectedWithAdvice() {
    LabGobException x = assertThrows(LabGobException.class, () -> LabGob.encode(new Inner()));
    assertTrue(x.getMessage().contains("inner (non-static) class"), x.getMessage());
    assertTrue(x.getMessage().contains("static"), x.getMessage());
  }

  @Test
  void aLambdaIsRejected() {
    Runnable r = () -> {};
    assertThrows(LabGobException.class, () -> LabGob.encode(new Entry(1, r)));
  }

  @Test
  void aClassWithoutNoArgumentConstructorIsRejectedWhenSent() {
    LabGobException x = assertThrows(LabGobException.class, () -> LabGob.encode(new NoDefault(1)));
    assertTrue(x.getMessage().contains("no no-argument constructor"), x.getMessage());
  }

  @Test
  void aReferenceCycleIsReportedAsSuch() {
    Node a = new Node();
    a.next = a;
    LabGobException x = assertThrows(LabGobException.class, () -> LabGob.encode(a));
    assertTrue(x.getMessage().contains("reference cycle"), x.getMessage());
  }

  @Test
  void transientFieldsAreNotSent() {
    WithTransient in = new WithTransient();
    in.kept = 10;
    in.dropped = 20;
    WithTransient out = LabGob.deepCopy(in);
    assertEquals(10, out.kept);
    assertEquals(2, out.dropped, "a transient field keeps what the constructor gave it");
  }

  @Test
  void corruptBytesGiveAClearError() {
    LabGobException x = assertThrows(LabGobException.class, () -> LabGob.decode(new byte[] {99}));
    assertTrue(x.getMessage().contains("unknown tag"), x.getMessage());
  }

  @Test
  void copyFieldsRejectsRecords() {
    LabGobException x =
        assertThrows(
            LabGobException.class, () -> LabGob.copyFields(new Entry(1, 2), new Entry(3, 4)));
    assertTrue(x.getMessage().contains("is a record"), x.getMessage());
  }
}
