package grading.scan;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Reads the compiled classes of a submission's packages (with ASM, the standard library for reading
 * class files) and flags every reference that a {@link Rules rule} covers: the classes it extends,
 * the methods it calls, the fields it reads, the classes it creates, casts to or names as
 * constants, and the method references of its lambdas. It also flags any reference to the tester's
 * own classes (the compiled tests), and a submitted class that has the name of one of them. Reading
 * the bytecode, not the source, sees through imports, aliases and generated code.
 */
public final class ClassScanner {
  private final Set<String> testerClasses;
  private final Set<Flag> flags = new LinkedHashSet<>();

  /** {@code testerClasses}: internal names (raft/RaftTester) of the tests' compiled classes. */
  public ClassScanner(Set<String> testerClasses) {
    this.testerClasses = testerClasses;
  }

  /** Scans the class files of {@code packages} (raft, kvraft) under {@code classesDir}. */
  public List<Flag> scan(Path classesDir, List<String> packages) throws IOException {
    for (String pkg : packages) {
      Path dir = classesDir.resolve(pkg.replace('.', '/'));
      if (!Files.isDirectory(dir)) {
        continue;
      }
      List<Path> files;
      try (Stream<Path> walk = Files.walk(dir)) {
        files = walk.filter(p -> p.toString().endsWith(".class")).sorted().toList();
      }
      for (Path f : files) {
        try (InputStream in = Files.newInputStream(f)) {
          scanClass(new ClassReader(in));
        }
      }
    }
    return new ArrayList<>(flags);
  }

  /** The internal names of every class under {@code testClassesDir}. */
  public static Set<String> classesUnder(Path testClassesDir) throws IOException {
    Set<String> out = new LinkedHashSet<>();
    if (!Files.isDirectory(testClassesDir)) {
      return out;
    }
    try (Stream<Path> walk = Files.walk(testClassesDir)) {
      walk.filter(p -> p.toString().endsWith(".class"))
          .forEach(
              p -> {
                String rel = testClassesDir.relativize(p).toString().replace('\\', '/');
                out.add(rel.substring(0, rel.length() - ".class".length()));
              });
    }
    return out;
  }

  private void scanClass(ClassReader reader) {
    reader.accept(
        new ClassVisitor(Opcodes.ASM9) {
          private String className;

          @Override
          public void visit(
              int version,
              int access,
              String name,
              String signature,
              String superName,
              String[] interfaces) {
            className = name;
            if (testerClasses.contains(name)) {
              flags.add(
                  new Flag(
                      "the tester's code",
                      dotted(name),
                      "the name of a class of the tester ("
                          + dotted(name)
                          + "): the tester's own is used"));
            }
            String where = dotted(name);
            if (superName != null) {
              check(where, superName, null);
            }
            for (String i : interfaces) {
              check(where, i, null);
            }
          }

          @Override
          public MethodVisitor visitMethod(
              int access, String name, String descriptor, String signature, String[] exceptions) {
            String where = dotted(className) + "." + name;
            return new MethodVisitor(Opcodes.ASM9) {
              @Override
              public void visitMethodInsn(
                  int opcode, String owner, String member, String desc, boolean isInterface) {
                check(where, owner, member);
              }

              @Override
              public void visitFieldInsn(int opcode, String owner, String member, String desc) {
                check(where, owner, member);
              }

              @Override
              public void visitTypeInsn(int opcode, String type) {
                check(where, arrayElement(type), null);
              }

              @Override
              public void visitLdcInsn(Object value) {
                constant(where, value);
              }

              @Override
              public void visitInvokeDynamicInsn(
                  String name, String desc, Handle bsm, Object... args) {
                for (Object a : args) {
                  constant(where, a);
                }
              }
            };
          }
        },
        ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
  }

  private void constant(String where, Object value) {
    if (value instanceof Type t && t.getSort() == Type.OBJECT) {
      check(where, t.getInternalName(), null);
    } else if (value instanceof Handle h) {
      check(where, h.getOwner(), h.getName());
    }
  }

  private void check(String where, String owner, String member) {
    String target = dotted(owner) + (member == null ? "" : "." + member);
    for (Rule r : Rules.ALL) {
      if (r.matches(owner, member)) {
        flags.add(new Flag(r.name(), where, target));
      }
    }
    if (testerClasses.contains(owner)) {
      flags.add(new Flag("the tester's code", where, target));
    }
  }

  private static String arrayElement(String type) {
    if (!type.startsWith("[")) {
      return type;
    }
    Type t = Type.getType(type).getElementType();
    return t.getSort() == Type.OBJECT ? t.getInternalName() : "";
  }

  private static String dotted(String internal) {
    return internal.replace('/', '.');
  }
}
