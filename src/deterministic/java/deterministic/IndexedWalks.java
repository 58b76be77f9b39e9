package deterministic;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.security.ProtectionDomain;
import java.util.Set;
import java.util.TreeSet;
import net.bytebuddy.agent.ByteBuddyAgent;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Makes Fray's scheduling step walk {@link org.pastalab.fray.core.ThreadIndex}'s few candidates
 * instead of every thread of the run (see that class for why), by rewriting two of Fray 0.9.2's
 * classes as they are loaded, or again if they already are:
 *
 * <ul>
 *   <li>{@code ThreadContext.setState} and {@code setPendingOperation} first tell the index;
 *   <li>in {@code RunContext.unblockTimedBlocking} and {@code getEnabledOperations}, each {@code
 *       registeredThreads.values()} becomes {@code ThreadIndex.candidates(registeredThreads)}.
 * </ul>
 *
 * <p>Nothing else changes: no field, no method, only those calls. If Fray renames any of the four
 * methods, {@link #install} fails loudly rather than letting the runs slow down unseen.
 */
final class IndexedWalks {
  private static final String RUN_CONTEXT = "org/pastalab/fray/core/RunContext";
  private static final String THREAD_CONTEXT = "org/pastalab/fray/core/ThreadContext";
  private static final String INDEX = "org/pastalab/fray/core/ThreadIndex";
  private static final String TABLE = "java/util/concurrent/ConcurrentHashMap";

  /** The methods to rewrite, as class.method. */
  private static final Set<String> TARGETS =
      Set.of(
          THREAD_CONTEXT + ".setState",
          THREAD_CONTEXT + ".setPendingOperation",
          RUN_CONTEXT + ".unblockTimedBlocking",
          RUN_CONTEXT + ".getEnabledOperations");

  /** The targets rewritten so far. */
  private static final Set<String> rewritten = new TreeSet<>();

  private IndexedWalks() {}

  /** Rewrites the two classes, once per JVM; throws if a target method was not found. */
  static synchronized void install() {
    if (!rewritten.isEmpty()) {
      return;
    }
    Instrumentation inst = ByteBuddyAgent.install();
    inst.addTransformer(new Rewriter(), true);
    try {
      for (String name : new String[] {THREAD_CONTEXT, RUN_CONTEXT}) {
        Class<?> c =
            Class.forName(name.replace('/', '.'), false, IndexedWalks.class.getClassLoader());
        if (!rewrittenIn(name)) { // loaded before the transformer was there
          inst.retransformClasses(c);
        }
      }
    } catch (ClassNotFoundException | UnmodifiableClassException e) {
      throw new IllegalStateException("deterministic: cannot rewrite Fray's walks of threads", e);
    }
    if (!rewritten.equals(new TreeSet<>(TARGETS))) {
      throw new IllegalStateException(
          "deterministic: Fray's classes lack methods IndexedWalks rewrites: found "
              + rewritten
              + " of "
              + new TreeSet<>(TARGETS)
              + "; was Fray upgraded? See IndexedWalks and ThreadIndex");
    }
  }

  private static boolean rewrittenIn(String className) {
    return rewritten.stream().anyMatch(t -> t.startsWith(className + "."));
  }

  private static final class Rewriter implements ClassFileTransformer {
    @Override
    public byte[] transform(
        Module module,
        ClassLoader loader,
        String className,
        Class<?> redefined,
        ProtectionDomain domain,
        byte[] bytes) {
      if (!RUN_CONTEXT.equals(className) && !THREAD_CONTEXT.equals(className)) {
        return null;
      }
      ClassReader reader = new ClassReader(bytes);
      ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
      reader.accept(
          new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(
                int access, String name, String desc, String sig, String[] exceptions) {
              MethodVisitor next = super.visitMethod(access, name, desc, sig, exceptions);
              String target = className + "." + name;
              if (!TARGETS.contains(target)) {
                return next;
              }
              return className.equals(THREAD_CONTEXT)
                  ? new TellIndexFirst(next, target, name, desc)
                  : new WalkCandidates(next, target);
            }
          },
          0);
      return writer.toByteArray();
    }
  }

  /** A setter that calls {@code ThreadIndex.stateChanging} (or operationChanging) first. */
  private static final class TellIndexFirst extends MethodVisitor {
    private final String target;
    private final String hook;
    private final String hookDesc;

    TellIndexFirst(MethodVisitor next, String target, String setter, String setterDesc) {
      super(Opcodes.ASM9, next);
      this.target = target;
      this.hook = setter.equals("setState") ? "stateChanging" : "operationChanging";
      this.hookDesc = "(L" + THREAD_CONTEXT + ";" + setterDesc.substring(1);
    }

    @Override
    public void visitCode() {
      super.visitCode();
      super.visitVarInsn(Opcodes.ALOAD, 0);
      super.visitVarInsn(Opcodes.ALOAD, 1);
      super.visitMethodInsn(Opcodes.INVOKESTATIC, INDEX, hook, hookDesc, false);
      rewritten.add(target);
    }
  }

  /** A method whose walks of {@code registeredThreads.values()} walk the index's candidates. */
  private static final class WalkCandidates extends MethodVisitor {
    private final String target;

    WalkCandidates(MethodVisitor next, String target) {
      super(Opcodes.ASM9, next);
      this.target = target;
    }

    @Override
    public void visitMethodInsn(int op, String owner, String name, String desc, boolean itf) {
      if (op == Opcodes.INVOKEVIRTUAL
          && owner.equals(TABLE)
          && name.equals("values")
          && desc.equals("()Ljava/util/Collection;")) {
        rewritten.add(target);
        super.visitMethodInsn(
            Opcodes.INVOKESTATIC,
            INDEX,
            "candidates",
            "(L" + TABLE + ";)Ljava/util/Collection;",
            false);
      } else {
        super.visitMethodInsn(op, owner, name, desc, itf);
      }
    }
  }
}
