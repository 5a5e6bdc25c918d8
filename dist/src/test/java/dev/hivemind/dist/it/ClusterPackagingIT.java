package dev.hivemind.dist.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Clustering is shipped but off the class path: a hub that is not clustered, and every other command, cannot load
 * Hazelcast, because {@code lib/} (what {@code bin/hivemind} puts on the class path) holds none of it; a clustered
 * {@code listen} loads {@code lib/cluster/} (ClusterIT runs three of them).
 */
class ClusterPackagingIT {
    @Test
    void clusteringLivesInItsOwnFolder() throws Exception {
        Path dist = ItSupport.distribution();
        try (var lib = Files.list(dist.resolve("lib"))) {
            List<String> names = lib.map(p -> p.getFileName().toString()).toList();
            assertTrue(names.stream().noneMatch(n -> n.contains("hazelcast")), names.toString());
        }
        ItSupport.jar(dist.resolve("lib/cluster"), "hazelcast-");
        ItSupport.jar(dist.resolve("lib/cluster"), "vertx-hazelcast-");
        ItSupport.jar(dist.resolve("lib/cluster"), "hivemind-cluster-hazelcast-");
    }
}
