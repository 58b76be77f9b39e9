package deterministic;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.agent.ByteBuddyAgent;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Puts the JDK's own timed waits on Fray's virtual clock.
 *
 * <p>Fray 0.9.2 virtualises {@code System.nanoTime} only in application code. The JDK's concurrency
 * classes read the real clock themselves: an idle worker of a {@code ThreadPoolExecutor} waits for
 * work in {@code LinkedTransferQueue} until a deadline taken from the real {@code System.nanoTime},
 * parking in virtual time meanwhile. So it wakes after each virtual timeout, finds that the real
 * deadline has not passed, and parks again, as many times as the real clock allows: a schedule then
 * depends on how fast the machine is, and a run waits out 60 real seconds of keep-alive at its end.
 * The same holds for {@code FutureTask.get(timeout)} (the tester's guard), {@code
 * ScheduledThreadPoolExecutor}, the timed {@code tryAcquire}s and {@code join(millis)}.
 *
 * <p>This rewrites, in {@code java.util.concurrent} and {@code java.lang.Thread}, every call of
 * {@code System.nanoTime} and {@code System.currentTimeMillis} into Fray's {@code
 * Runtime.onNanoTime} and {@code onCurrentTimeMillis}, the calls Fray itself puts into application
 * code (they return the real time outside a Fray run). Installed once per JVM, by a self-attached
 * agent ({@code -Djdk.attach.allowAttachSelf=true}).
 */
final class VirtualClock {
  private static final String RUNTIME = "org/pastalab/fray/runtime/Runtime";

  private VirtualClock() {}

  /**
   * Installs the rewriting; with {@code traceReads}, also makes every read of Fray's clock call
   * {@link ClockTrace#read}.
   */
  static void install(boolean traceReads) {
    VirtualClock.traceReads = traceReads;
    Instrumentation inst = ByteBuddyAgent.install();
    inst.addTransformer(new Rewriter(), true);
    List<Class<?>> loaded = new ArrayList<>();
    for (Class<?> c : inst.getAllLoadedClasses()) {
      if (covers(c.getName().replace('.', '/')) && inst.isModifiableClass(c)) {
        loaded.add(c);
      }
    }
    try {
      inst.retransformClasses(loaded.toArray(new Class<?>[0]));
    } catch (UnmodifiableClassException e) {
      throw new IllegalStateException("deterministic: cannot rewrite the JDK's clock reads", e);
    }
  }

  private static boolean covers(String internalName) {
    return internalName.startsWith("java/util/concurrent/")
        || internalName.equals("java/lang/Thread")
        || (traceReads && internalName.equals(FRAY_CLOCK));
  }

  /** Fray's virtual clock; {@code --trace-clock} records each read of it ({@link ClockTrace}). */
  private static final String FRAY_CLOCK = "org/pastalab/fray/core/controllers/TimeController";

  private static boolean traceReads;

  private static final class Rewriter implements ClassFileTransformer {
    @Override
    public byte[] transform(
        Module module,
        ClassLoader loader,
        String className,
        Class<?> redefined,
        ProtectionDomain domain,
        byte[] bytes) {
      if (className == null || !covers(className)) {
        return null;
      }
      ClassReader reader = new ClassReader(bytes);
      ClassWriter writer = new ClassWriter(reader, 0);
      boolean[] changed = {false};
      reader.accept(
          new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(
                int access, String name, String desc, String sig, String[] exceptions) {
              return new MethodVisitor(
                  Opcodes.ASM9, super.visitMethod(access, name, desc, sig, exceptions)) {
                @Override
                public void visitCode() {
                  super.visitCode();
                  if (className.equals(FRAY_CLOCK) && name.equals("getAndIncrementNanoTime")) {
                    changed[0] = true;
                    super.visitMethodInsn(
                        Opcodes.INVOKESTATIC, "deterministic/ClockTrace", "read", "()V", false);
                  }
                }

                @Override
                public void visitMethodInsn(int op, String owner, String m, String d, boolean itf) {
                  if (op == Opcodes.INVOKESTATIC
                      && owner.equals("java/lang/System")
                      && d.equals("()J")
                      && (m.equals("nanoTime") || m.equals("currentTimeMillis"))) {
                    changed[0] = true;
                    super.visitMethodInsn(
                        op,
                        RUNTIME,
                        m.equals("nanoTime") ? "onNanoTime" : "onCurrentTimeMillis",
                        d,
                        false);
                  } else {
                    super.visitMethodInsn(op, owner, m, d, itf);
                  }
                }
              };
            }
          },
          0);
      return changed[0] ? writer.toByteArray() : null;
    }
  }
}
