package dev.jcompose.model.load.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** profiles: compose-go loader_test.go TestLoadWithProfiles / types project tests (inactive services left out, --profile, COMPOSE_PROFILES, "*"). */
class ProfilesConformanceTest {
    @TempDir
    Path dir;

    private Compose project() {
        return Compose.in(dir).file("compose.yaml", """
                services:
                  foo:
                    image: busybox
                  bar:
                    image: busybox
                    profiles: [test]
                  baz:
                    image: busybox
                    profiles: [debug, test]
                """);
    }

    private static List<String> names(Compose c) {
        return List.copyOf(new TreeSet<>(c.project().services().keySet()));
    }

    @Test
    void servicesWithProfilesAreOffByDefault() {
        assertEquals(List.of("foo"), names(project()));
    }

    @Test
    void aProfileTurnsItsServicesOn() {
        assertEquals(List.of("baz", "foo"), names(project().profiles("debug")));
        assertEquals(List.of("bar", "baz", "foo"), names(project().profiles("test")));
    }

    @Test
    void composeProfilesEnvironmentAndStar() {
        assertEquals(List.of("baz", "foo"), names(project().env("COMPOSE_PROFILES", "debug")));
        assertEquals(List.of("bar", "baz", "foo"), names(project().profiles("*")));
    }

    @Test
    void profilesArePrinted() {
        assertEquals("""
                profiles:
                  - debug
                  - test
                """, project().profiles("debug").attribute("baz", "profiles"));
    }
}
