package dev.jcompose.planner.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Golden plan texts for {@code up} where volumes decide: anonymous volumes inherited on recreate, {@code -V}, a switched volume. */
class VolumeReconcileTest {
    private static final String ID = "app10123456789abcdef";
    private static final ObservedMount ANON = new ObservedMount("volume", "4f1c0ffee", "/var/lib/jcompose/volumes/4f1c0ffee/_data",
            "/usr/src/app/node_modules", true);
    private static final ObservedMount IMAGE_VOL = new ObservedMount("volume", "9d2beef", "/var/lib/jcompose/volumes/9d2beef/_data",
            "/data", true);
    private static final ObservedMount BIND = new ObservedMount("bind", null, "/srv/app", "/app", false);
    private static final ObservedMount TMPFS = new ObservedMount("tmpfs", null, "", "/tmp", true);

    private static DesiredProject project(String hash, String image, DesiredMount... mounts) {
        return new DesiredProject("demo", List.of(new DesiredService("app", 1, hash, image, null, List.of(), List.of(mounts))),
                List.of("demo_default"), List.of());
    }

    private static ObservedState state(Map<String, Set<String>> images, ObservedMount... mounts) {
        return new ObservedState(List.of(new ObservedContainer(ID, "demo-app-1", "app", 1, false, "h", true, List.of(mounts))),
                Set.of("demo_default"), Set.of(), Map.of(), images);
    }

    private static String up(DesiredProject p, ObservedState s, UpOptions o) {
        return Reconciler.up(p, s, o).plan().text();
    }

    private static UpOptions force(boolean renew) {
        return new UpOptions(Set.of(), false, UpOptions.Recreate.FORCE, false, false, true, renew);
    }

    @Test
    void recreateInheritsTheAnonymousVolumeTheServiceStillAsksForAndTheImageVolumesButNotBindsOrTmpfs() {
        DesiredProject p = project("h", "img", DesiredMount.anonymous("/usr/src/app/node_modules/"),
                new DesiredMount("bind", "/srv/app", "/app"), new DesiredMount("tmpfs", null, "/tmp"));
        ObservedState s = state(Map.of("img", Set.of("/data")), ANON, IMAGE_VOL, BIND, TMPFS);
        assertEquals("""
                #1 stop container demo-app-1
                #2 rename container demo-app-1 to app101234567_demo-app-1 after #1
                #3 create container demo-app-1 replacing app101234567 inheriting 9d2beef:/data 4f1c0ffee:/usr/src/app/node_modules after #2
                #4 start container demo-app-1 after #3
                #5 remove container app101234567_demo-app-1 after #4
                """, up(p, s, force(false)));
    }

    @Test
    void renewAnonVolumesInheritsNothing() {
        DesiredProject p = project("h", "img", DesiredMount.anonymous("/usr/src/app/node_modules"));
        ObservedState s = state(Map.of("img", Set.of("/data")), ANON, IMAGE_VOL);
        assertEquals("#3 create container demo-app-1 replacing app101234567 after #2",
                up(p, s, force(true)).lines().filter(l -> l.contains("create")).findFirst().orElseThrow());
    }

    @Test
    void aMountNoLongerAskedForOrNowNamedIsNotInheritedAndReadOnlyIsKept() {
        ObservedMount ro = new ObservedMount("volume", "77aa", "/v/77aa/_data", "/cache", false);
        // /usr/src/app/node_modules is now a named volume; /cache is still anonymous; /data is not an image VOLUME of "other"
        DesiredProject p = project("h2", "other", new DesiredMount("volume", "demo_modules", "/usr/src/app/node_modules"),
                DesiredMount.anonymous("/cache"));
        ObservedState s = state(Map.of("img", Set.of("/data")), ANON, IMAGE_VOL, ro);
        assertEquals("#3 create container demo-app-1 replacing app101234567 inheriting 77aa:/cache:ro after #2",
                up(p, s, UpOptions.DEFAULT).lines().filter(l -> l.contains("create")).findFirst().orElseThrow());
    }

    @Test
    void aContainerWithoutTheNamedVolumeTheServiceAsksForIsRecreatedThoughItsHashIsUnchanged() {
        DesiredProject p = project("h", "img", new DesiredMount("volume", "ext-2", "/my_vol"));
        ObservedMount ext1 = new ObservedMount("volume", "ext-1", "/v/ext-1/_data", "/my_vol", true);
        assertEquals("""
                #1 stop container demo-app-1
                #2 rename container demo-app-1 to app101234567_demo-app-1 after #1
                #3 create container demo-app-1 replacing app101234567 after #2
                #4 start container demo-app-1 after #3
                #5 remove container app101234567_demo-app-1 after #4
                """, up(p, state(Map.of(), ext1), UpOptions.DEFAULT), "the named volume is not inherited either");
        ObservedMount ext2 = new ObservedMount("volume", "ext-2", "/v/ext-2/_data", "/my_vol", true);
        assertEquals("", up(p, state(Map.of(), ext2), UpOptions.DEFAULT), "the volume it has: nothing to do");
        assertEquals("", up(p, state(Map.of()), UpOptions.DEFAULT), "no mounts recorded yet (never started): not judged");
        assertEquals("", up(p, state(Map.of(), ext1), new UpOptions(Set.of(), false, UpOptions.Recreate.NEVER, false, false, true)),
                "--no-recreate");
    }
}
