package dev.jcompose.cli.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcompose.model.Project;
import dev.jcompose.planner.plan.InheritedMount;
import dev.jcompose.planner.reconcile.DesiredMount;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The planner's view of a service's volumes, and a replacement's create body with the mounts it inherits. */
class InheritedMountsTest {
    @TempDir
    Path dir;

    private Project load() throws Exception {
        return TestProjects.load(dir, """
                name: inh
                services:
                  app:
                    image: busybox
                    volumes: ["/modules", "data:/data", "ext:/ext:ro", "/srv:/srv"]
                volumes:
                  data: {}
                  ext: {external: true, name: outside}
                """);
    }

    @Test
    void namedVolumesByEngineNameAnonymousWithoutSource() throws Exception {
        Project p = load();
        assertEquals(List.of(DesiredMount.anonymous("/modules"), new DesiredMount("volume", "inh_data", "/data"),
                new DesiredMount("volume", "outside", "/ext"), new DesiredMount("bind", "/srv", "/srv")),
                PlanInput.mounts(p, p.service("app")));
    }

    @Test
    void anInheritedVolumeTakesTheAnonymousOnesPlaceAndAnImageVolumeIsAdded() throws Exception {
        Project p = load();
        ObjectNode body = ContainerRequest.build(p, p.service("app"), 1, "inh-app-1", "abc");
        InheritedMounts.apply(body, List.of(new InheritedMount("volume", "4f1c", "/modules", false),
                new InheritedMount("volume", "9d2b", "/var/lib/x", true)));
        var mounts = body.get("HostConfig").get("Mounts");
        assertEquals(5, mounts.size(), mounts.toString());
        assertEquals("{\"Type\":\"volume\",\"Source\":\"inh_data\",\"Target\":\"/data\"}", mounts.get(0).toString());
        assertEquals("{\"Type\":\"volume\",\"Source\":\"4f1c\",\"Target\":\"/modules\"}", mounts.get(3).toString());
        assertEquals("{\"Type\":\"volume\",\"Source\":\"9d2b\",\"Target\":\"/var/lib/x\",\"ReadOnly\":true}", mounts.get(4).toString());
    }
}
