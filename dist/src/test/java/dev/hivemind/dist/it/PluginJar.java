package dev.hivemind.dist.it;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Builds a plugin jar the way a third party would: its sources compiled against the hivemind-api jar alone, its
 * classes and every non-source file (such as {@code META-INF/services/...}) packed into one jar.
 */
final class PluginJar {
    private PluginJar() {
    }

    /**
     * @param sources the plugin's source tree ({@code .java} files and resources side by side)
     * @param apiJar  the only class path entry
     * @param work    a scratch folder for the class files
     * @param jar     the jar to write
     */
    static Path build(Path sources, Path apiJar, Path work, Path jar) throws IOException {
        Path classes = Files.createDirectories(work.resolve("classes"));
        List<Path> javaFiles = new ArrayList<>();
        List<Path> resources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(Files::isRegularFile).forEach(f -> (f.toString().endsWith(".java") ? javaFiles : resources).add(f));
        }
        assertTrue(!javaFiles.isEmpty(), "no sources in " + sources);

        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertNotNull(compiler, "the tests need a JDK (javax.tools has no system compiler)");
        StringWriter diagnostics = new StringWriter();
        try (StandardJavaFileManager fm = compiler.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            Iterable<? extends JavaFileObject> units = fm.getJavaFileObjectsFromPaths(javaFiles);
            List<String> options = List.of("--release", "17", "-Xlint:all", "-Werror",
                    "-classpath", apiJar.toString(), "-d", classes.toString());
            boolean ok = compiler.getTask(diagnostics, fm, null, options, null, units).call();
            assertTrue(ok, "the plugin does not compile against " + apiJar.getFileName() + ":\n" + diagnostics);
        }
        for (Path r : resources) {
            Path target = classes.resolve(sources.relativize(r).toString());
            Files.createDirectories(target.getParent());
            Files.copy(r, target);
        }

        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        Files.createDirectories(jar.getParent());
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out, manifest);
                Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                jarOut.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, jarOut);
                jarOut.closeEntry();
            }
        }
        return jar;
    }
}
