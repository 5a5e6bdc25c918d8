package dev.hivemind.dist.runtime;

import dev.hivemind.engine.cluster.HubCluster;
import dev.hivemind.engine.cluster.HubClusterFactory;
import dev.hivemind.engine.config.ClusterSettings;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Stream;

/**
 * Joins the cluster of the {@code cluster:} section. The cluster implementation (hivemind-cluster-hazelcast, Vert.x's
 * Hazelcast cluster manager and Hazelcast) lives in the distribution's {@code lib/cluster/}, which is not on the class
 * path: only a clustered {@code listen} loads it, in a class loader of its own, so that no other command pays for it.
 * On a class path that already holds an implementation (tests, an embedding application) that one is used.
 */
public final class ClusterLauncher {
    /** The distribution's folder of cluster jars. */
    public static final String FOLDER = "lib/cluster";

    private ClusterLauncher() {
    }

    /**
     * Joins (or forms) the cluster; blocks until this node is a member.
     *
     * @param distribution the distribution folder, or {@code null} outside a distribution
     * @throws IllegalStateException when no cluster implementation is installed or the node cannot join
     */
    public static HubCluster join(ClusterSettings settings, Path distribution) {
        ClassLoader app = ClusterLauncher.class.getClassLoader();
        Optional<HubClusterFactory> factory = ServiceLoader.load(HubClusterFactory.class, app).findFirst();
        if (factory.isEmpty() && distribution != null) {
            factory = ServiceLoader.load(HubClusterFactory.class, loader(distribution.resolve(FOLDER), app))
                    .findFirst();
        }
        return factory.orElseThrow(() -> new IllegalStateException("clustering is not installed: "
                + (distribution == null ? "put hivemind-cluster-hazelcast and its dependencies on the class path"
                : "the distribution has no " + distribution.resolve(FOLDER) + " folder")))
                .join(settings);
    }

    private static ClassLoader loader(Path folder, ClassLoader parent) {
        if (!Files.isDirectory(folder)) {
            return parent;
        }
        List<URL> jars = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList()) {
                jars.add(p.toUri().toURL());
            }
        } catch (MalformedURLException e) {
            throw new IllegalStateException("cannot read " + folder + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + folder + ": " + e.getMessage(), e);
        }
        return new URLClassLoader("hivemind-cluster", jars.toArray(URL[]::new), parent);
    }
}
