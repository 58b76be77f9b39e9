package grading.scan;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Reads the compiled classes of a submission's packages (with ASM, the standard library for reading
 * class files) and checks every reference they make against the {@link AllowList} of their lab: the
 * classes they extend and implement, the methods they call, the fields they use, the classes they
 * create, cast to or name as constants, the methods their lambdas and method references point to,
 * and the bootstrap methods of their {@code invokedynamic}s. What the list does not allow is a
 * {@link Flag}, with the file, line and method it is in. A member named through another class is
 * checked at the class that declares it too ({@link Hierarchy}). Any reference to the tester's own
 * classes (the compiled tests), and a submitted class with the name of one of them, is flagged as
 * well. Reading the bytecode, not the source, sees through imports, aliases and generated code.
 */
public final class ClassScanner {
  private final Set<String> testerClasses;
  private final Function<String, AllowList> allowFor;
  private final Set<Flag> flags = new LinkedHashSet<>();

  /**
   * A scanner that flags references to {@code testerClasses} and whatever {@code allowFor} (from a
   * student package's name, e.g. {@code raft}, to its lab's list) does not allow.
   */
  public ClassScanner(Set<String> testerClasses, Function<String, AllowList> allowFor) {
    this.testerClasses = testerClasses;
    this.allowFor = allowFor;
  }

  /** Scans the class files of {@code packages} (raft, kvraft) under {@code classesDir}. */
  public List<Flag> scan(Path classesDir, List<String> packages) throws IOException {
    Map<ClassReader, String> readers = new LinkedHashMap<>();
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
          readers.put(new ClassReader(in), pkg);
        }
      }
    }
    Map<String, Hierarchy.Known> known = new LinkedHashMap<>();
    for (ClassReader r : readers.keySet()) {
      known.put(r.getClassName(), knownOf(r));
    }
    Hierarchy hierarchy = new Hierarchy(known);
    readers.forEach((r, pkg) -> scanClass(r, new Checker(allowFor.apply(pkg), hierarchy)));
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

  /** A student's class as the {@link Hierarchy} needs it: its supertypes and member names. */
  private static Hierarchy.Known knownOf(ClassReader reader) {
    Set<String> members = new HashSet<>();
    reader.accept(
        new ClassVisitor(Opcodes.ASM9) {
          @Override
          public FieldVisitor visitField(
              int access, String name, String descriptor, String signature, Object value) {
            members.add(name);
            return null;
          }

          @Override
          public MethodVisitor visitMethod(
              int access, String name, String descriptor, String signature, String[] exceptions) {
            members.add(name);
            return null;
          }
        },
        ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
    return new Hierarchy.Known(
        reader.getSuperName(), Arrays.asList(reader.getInterfaces()), members);
  }

  /** Checks the references of one class against one allow-list. */
  private final class Checker {
    private final AllowList allow;
    private final Hierarchy hierarchy;
    private String file = "";
    private int line;

    Checker(AllowList allow, Hierarchy hierarchy) {
      this.allow = allow;
      this.hierarchy = hierarchy;
    }

    /** A reference from {@code where} to {@code owner} (and {@code member}, if not null). */
    void check(String where, String owner, String member, String descriptor) {
      if (owner.isEmpty()) {
        return;
      }
      if (owner.startsWith("[")) {
        owner = "java/lang/Object"; // an array's clone() or length
      }
      if (testerClasses.contains(owner)) {
        flag("the tester's code", where, owner, member);
        return;
      }
      boolean student = hierarchy.isStudent(owner);
      if (!student && !allow.allows(owner, member, descriptor)) {
        flag(Rules.kindOf(owner, member), where, owner, member);
        return;
      }
      if (member != null && !member.equals("<init>")) {
        String declaring = hierarchy.declaring(owner, member).orElse(owner);
        if (!declaring.equals(owner)
            && !hierarchy.isStudent(declaring)
            && !allow.allows(declaring, member, descriptor)) {
          flag(Rules.kindOf(declaring, member), where, declaring, member);
        }
      }
    }

    /** The bootstrap method of an invokedynamic (or a dynamic constant). */
    void bootstrap(String where, Handle bsm) {
      if (!hierarchy.isStudent(bsm.getOwner())
          && !allow.allowsBootstrap(bsm.getOwner(), bsm.getName(), bsm.getDesc())) {
        flag(Rules.kindOf(bsm.getOwner(), bsm.getName()), where, bsm.getOwner(), bsm.getName());
      }
    }

    void constant(String where, Object value) {
      if (value instanceof Type t && t.getSort() == Type.OBJECT) {
        check(where, t.getInternalName(), null, null);
      } else if (value instanceof Type t && t.getSort() == Type.ARRAY) {
        constant(where, t.getElementType());
      } else if (value instanceof Handle h) {
        check(where, h.getOwner(), h.getName(), h.getDesc());
      } else if (value instanceof ConstantDynamic c) {
        bootstrap(where, c.getBootstrapMethod());
        for (int i = 0; i < c.getBootstrapMethodArgumentCount(); i++) {
          constant(where, c.getBootstrapMethodArgument(i));
        }
      }
    }

    private void flag(String kind, String where, String owner, String member) {
      String target = dotted(owner) + (member == null ? "" : "." + member);
      flags.add(new Flag(kind, where, target, file, line));
    }
  }

  private void scanClass(ClassReader reader, Checker checker) {
    String className = reader.getClassName();
    int slash = className.lastIndexOf('/');
    String folder = slash < 0 ? "" : className.substring(0, slash + 1);
    reader.accept(
        new ClassVisitor(Opcodes.ASM9) {
          @Override
          public void visit(
              int version,
              int access,
              String name,
              String signature,
              String superName,
              String[] interfaces) {
            // Without debug information, the file is a guess from the class's name.
            String outer = name.substring(slash + 1).split("\\$")[0];
            checker.file = folder + outer + ".java";
            if (testerClasses.contains(name)) {
              flags.add(
                  new Flag(
                      "the tester's code",
                      dotted(name),
                      "the name of a class of the tester ("
                          + dotted(name)
                          + "): the tester's own is used",
                      "",
                      0));
            }
          }

          @Override
          public void visitSource(String source, String debug) {
            checker.file = source == null ? checker.file : folder + source;
          }

          @Override
          public void visitEnd() {
            checker.line = 0;
            String where = dotted(className);
            if (reader.getSuperName() != null) {
              checker.check(where, reader.getSuperName(), null, null);
            }
            for (String i : reader.getInterfaces()) {
              checker.check(where, i, null, null);
            }
          }

          @Override
          public MethodVisitor visitMethod(
              int access, String name, String descriptor, String signature, String[] exceptions) {
            String where = dotted(className) + "." + name;
            checker.line = 0;
            return new MethodVisitor(Opcodes.ASM9) {
              @Override
              public void visitLineNumber(int line, Label start) {
                checker.line = line;
              }

              @Override
              public void visitMethodInsn(
                  int opcode, String owner, String member, String desc, boolean isInterface) {
                checker.check(where, owner, member, desc);
              }

              @Override
              public void visitFieldInsn(int opcode, String owner, String member, String desc) {
                checker.check(where, owner, member, null);
              }

              @Override
              public void visitTypeInsn(int opcode, String type) {
                checker.constant(where, Type.getObjectType(type));
              }

              @Override
              public void visitLdcInsn(Object value) {
                checker.constant(where, value);
              }

              @Override
              public void visitInvokeDynamicInsn(
                  String name, String desc, Handle bsm, Object... args) {
                checker.bootstrap(where, bsm);
                for (Object a : args) {
                  checker.constant(where, a);
                }
              }
            };
          }
        },
        ClassReader.SKIP_FRAMES);
  }

  private static String dotted(String internal) {
    return internal.replace('/', '.');
  }
}
