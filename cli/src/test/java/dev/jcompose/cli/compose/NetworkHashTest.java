package dev.jcompose.cli.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.jcompose.model.Project;
import dev.jcompose.planner.reconcile.DesiredNetwork;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A network's config hash follows what the file says of it (not how it is written), and the planner gets it with its services. */
class NetworkHashTest {
    @TempDir
    Path dir;

    private Project load(String networks) throws Exception {
        return TestProjects.load(dir, """
                name: nh
                services:
                  web: {image: busybox, networks: [front]}
                  db: {image: busybox, networks: [front, back]}
                  side: {image: busybox, network_mode: "service:web"}
                """ + networks);
    }

    private String hash(String networks) throws Exception {
        return NetworkHash.of(load(networks).networks().get("front"));
    }

    @Test
    void sameDefinitionSameHashWhateverTheSyntaxAnyChangeAnother() throws Exception {
        String base = hash("networks:\n  front: {labels: {a: '1', b: '2'}, ipam: {config: [{subnet: 10.9.0.0/24}]}}\n  back: {}\n");
        assertEquals(base, hash("networks:\n  back: {}\n  front:\n    ipam: {config: [{subnet: 10.9.0.0/24}]}\n    labels: [b=2, a=1]\n"));
        assertNotEquals(base, hash("networks:\n  front: {labels: {a: '1', b: '3'}, ipam: {config: [{subnet: 10.9.0.0/24}]}}\n  back: {}\n"));
        assertNotEquals(base, hash("networks:\n  front: {labels: {a: '1', b: '2'}, ipam: {config: [{subnet: 10.9.1.0/24}]}}\n  back: {}\n"));
        assertNotEquals(base, hash("networks:\n  front: {labels: {a: '1', b: '2'}, ipam: {config: [{subnet: 10.9.0.0/24}]}, internal: true}\n"
                + "  back: {}\n"));
    }

    @Test
    void thePlannerGetsEachNetworkWithItsHashAndAttachedServices() throws Exception {
        Project p = load("networks:\n  front: {}\n  back: {}\n");
        List<DesiredNetwork> configs = PlanInput.of(p).networkConfigs();
        // in the normalised model's order (services and their networks sorted by name, as compose-go's)
        assertEquals(List.of(new DesiredNetwork("nh_back", NetworkHash.of(p.networks().get("back")), List.of("db")),
                new DesiredNetwork("nh_front", NetworkHash.of(p.networks().get("front")), List.of("db", "web"))), configs);
    }
}
