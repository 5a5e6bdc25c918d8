package dev.hivemind.engine.plugin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Builds the class loader that discovery searches: the application class path plus every jar in the plugins folder
 * (sorted by file name, so discovery is deterministic). This is the seam where per-plugin isolation could be added.
 */
public final class PluginClassLoaders {
    private PluginClassLoaders() {
    }

    /** A loader over {@code parent} and the jars in {@code pluginsDirectory} (parent alone if the folder is absent). */
    public static ClassLoader withPluginsFolder(Path pluginsDirectory, ClassLoader parent) {
        List<URL> urls = new ArrayList<>();
        for (Path jar : pluginJars(pluginsDirectory)) {
            try {
                urls.add(jar.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new PluginDiscoveryException("cannot use plugin jar " + jar + ": " + e.getMessage());
            }
        }
        return urls.isEmpty() ? parent : new URLClassLoader("hivemind-plugins", urls.toArray(URL[]::new), parent);
    }

    /** The jars in a plugins folder, sorted by name. */
    public static List<Path> pluginJars(Path pluginsDirectory) {
        if (pluginsDirectory == null || !Files.isDirectory(pluginsDirectory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(pluginsDirectory)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list plugins folder " + pluginsDirectory, e);
        }
    }
}
