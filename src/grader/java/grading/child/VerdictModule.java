package grading.child;

import grading.verdict.Channel;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.ModuleVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Builds the module jar that holds the child's verdict channel: the compiled classes of {@code
 * grading.verdict} (but its tests) and a module descriptor, written with ASM, that exports the
 * package and does not open it. A child with this jar on its {@code --module-path} loads the
 * channel from the module, not from the class path (a package belongs to one module), so deep
 * reflection from the tests' unnamed module cannot reach the writer or its key. Built fresh for
 * each child, outside the child's working folder, so no child can change the next one's.
 */
final class VerdictModule {
  static final String NAME = "raftlab.verdict";
  private static final String PACKAGE = "grading/verdict";

  private VerdictModule() {}

  /** Writes the jar into {@code dir}; null if the channel's classes are not in a folder. */
  static Path build(Path dir) throws IOException {
    Path classes;
    try {
      classes =
          Path.of(Channel.class.getProtectionDomain().getCodeSource().getLocation().toURI())
              .resolve(PACKAGE);
    } catch (URISyntaxException | RuntimeException e) {
      return null;
    }
    if (!Files.isDirectory(classes)) {
      return null; // run from a jar (not how raftlab is built): the channel stays on the class path
    }
    List<Path> files;
    try (Stream<Path> list = Files.list(classes)) {
      files =
          list.filter(p -> p.toString().endsWith(".class"))
              .filter(p -> !p.getFileName().toString().matches(".*Test(\\$.*)?\\.class"))
              .sorted()
              .toList();
    }
    Path jar = Files.createDirectories(dir).resolve(NAME + ".jar");
    try (OutputStream os = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(os)) {
      out.putNextEntry(new JarEntry("module-info.class"));
      out.write(descriptor());
      out.closeEntry();
      for (Path f : files) {
        out.putNextEntry(new JarEntry(PACKAGE + "/" + f.getFileName()));
        out.write(Files.readAllBytes(f));
        out.closeEntry();
      }
    }
    return jar;
  }

  /** {@code module raftlab.verdict { exports grading.verdict; }}, compiled. */
  static byte[] descriptor() {
    ClassWriter cw = new ClassWriter(0);
    cw.visit(Opcodes.V9, Opcodes.ACC_MODULE, "module-info", null, null, null);
    ModuleVisitor mv = cw.visitModule(NAME, 0, null);
    mv.visitRequire("java.base", Opcodes.ACC_MANDATED, null);
    mv.visitPackage(PACKAGE);
    mv.visitExport(PACKAGE, 0);
    mv.visitEnd();
    cw.visitEnd();
    return cw.toByteArray();
  }
}
