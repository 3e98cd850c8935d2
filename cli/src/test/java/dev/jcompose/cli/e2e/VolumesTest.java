package dev.jcompose.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.engine.container.ContainerRecord;
import dev.jcompose.engine.container.HostConfig;
import dev.jcompose.engine.volume.VolumeRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docker/compose {@code pkg/e2e/volumes_test.go}: "TestLocalComposeVolume", "TestProjectVolumeBind",
 * "TestUpSwitchVolumes" and "TestUpRecreateVolumesIgnoreBinds", each a method named after it.
 *
 * <p>Differences from the Go tests: {@code fixtures/volume-test} builds its image from
 * {@code nginx-build} and serves {@code ./static}, neither of which the corpus holds: the test
 * copies the fixture's compose file into its own project directory with a {@code static/index.html}
 * and replaces {@code build:} by the {@code nginx} stand-in through a second {@code -f}; the published
 * port is read with {@code port}; the Go tests' {@code docker exec}/{@code inspect}/{@code volume ls}
 * are {@code exec} and the engine's records; the Go test's MountPoint fields (Mode {@code z}, Propagation)
 * are not checked: the mounts compose asked for (HostConfig.Mounts) and the volume names in {@code Mounts}
 * are, and read-only-ness is tried from inside. "should inherit anonymous volumes" and "should
 * renew anonymous volumes" are a method of their own. Not ported: "TestUpRecreateVolumes" ({@code up -y} and volume
 * recreation on a changed definition are missing), the image-volume tests (need engine API 1.48
 * {@code type: image} mounts).
 */
class VolumesTest extends E2eTest {
    private List<String> volumes() {
        return c.engine.volumes().list().stream().map(VolumeRecord::name).toList();
    }

    /** The name of the volume the engine mounted at {@code destination} in {@code container} (its inspect Mounts). */
    private String anonymousVolume(String container, String destination) {
        ContainerRecord r = c.engine.containers().inspect(container);
        return r.mounts().stream().filter(m -> m.destination().equals(destination)).map(ContainerRecord.MountPoint::name).findFirst()
                .orElseThrow(() -> new AssertionError("no mount at " + destination + ": " + r.mounts()));
    }

    /** The mount compose asked for at {@code target} (the create body's HostConfig.Mounts). */
    private static HostConfig.Mount mount(ContainerRecord r, String target) {
        List<HostConfig.Mount> all = r.hostConfig().mounts() == null ? List.of() : r.hostConfig().mounts();
        return all.stream().filter(m -> m.target().equals(target)).findFirst()
                .orElseThrow(() -> new AssertionError("no mount at " + target + ": " + all + " binds " + r.hostConfig().binds()));
    }

    @Test
    void testLocalComposeVolume() throws Exception {
        String file = "fixtures/volume-test/compose.yaml";
        c = E2eFixture.start(dir, file);
        String p = "e2eb-volume";
        Path project = Files.createDirectories(dir.resolve("volume-test"));
        Files.copy(Path.of(E2eFixture.path(file)), project.resolve("compose.yaml"));
        Files.createDirectories(project.resolve("static"));
        Files.writeString(project.resolve("static/index.html"), "<h1>Hello from Nginx container</h1>\n");
        String override = c.override("image.yaml", """
                services:
                  nginx:
                    build: !reset {}
                    image: nginx
                  nginx2:
                    build: !reset {}
                    image: nginx
                """ + E2eFixture.defaultNetwork(224));
        String[] f = {"--project-directory", project.toString(), "-f", project.resolve("compose.yaml").toString(), "-f", override,
                "--project-name", p};

        // "up with build and no image name, volume"
        c.ok(PsTest.args(f, "up", "-d"));

        // "access bind mount data"
        Matcher port = Pattern.compile("0\\.0\\.0\\.0:(\\d+)").matcher(c.ok(PsTest.args(f, "port", "nginx", "80")).out());
        assertTrue(port.find());
        assertTrue(E2eFixture.httpGet("http://127.0.0.1:" + port.group(1) + "/").contains("Hello from Nginx container"));

        // "check container volume specs": the mounts compose asked for, from HostConfig.Mounts and the engine's Mounts;
        // read-only-ness is tried from inside
        ContainerRecord nginx2 = c.engine.containers().inspect(p + "-nginx2-1");
        HostConfig.Mount anon = mount(nginx2, "/usr/src/app/node_modules");
        assertEquals("volume", anon.type(), anon.toString());
        String anonymous = nginx2.mounts().stream().filter(m -> m.destination().equals("/usr/src/app/node_modules"))
                .map(ContainerRecord.MountPoint::name).findFirst().orElseThrow(() -> new AssertionError("Mounts: " + nginx2.mounts()));
        assertTrue(c.engine.volumes().get(anonymous).anonymous(), anonymous);
        E2eFixture.Run write = c.run(PsTest.args(f, "exec", "-T", "nginx2", "sh", "-c", "echo x > /myconfig"));
        assertTrue(write.code() != 0, "the config is read only: " + write.combined());

        // "check config content"; "check secrets content"
        String[] exec2 = PsTest.args(f, "exec", "-T", "nginx2", "cat");
        assertTrue(c.ok(PsTest.args(exec2, "/myconfig")).out().contains("Hello from Nginx container"));
        assertTrue(c.ok(PsTest.args(exec2, "/run/secrets/mysecret")).out().contains("Hello from Nginx container"));

        // "check container bind-mounts specs"
        HostConfig.Mount html = mount(c.engine.containers().inspect(p + "-nginx-1"), "/usr/share/nginx/html");
        assertEquals("bind", html.type());

        // named volumes: <project>_<volume>, or the name given; compose's labels on them
        VolumeRecord staticVol = c.engine.volumes().get(p + "_staticVol");
        assertEquals("staticVol", staticVol.labels().get("com.docker.compose.volume"), staticVol.labels().toString());
        assertEquals(p, staticVol.labels().get("com.docker.compose.project"));
        assertNotNull(c.engine.volumes().get("myVolume"));

        // "cleanup volume project"
        c.ok("--project-name", p, "down", "--volumes", "-t", "0");
        assertFalse(volumes().contains(p + "_staticVol"), volumes().toString());
        assertFalse(volumes().contains("myVolume"), volumes().toString());
        assertFalse(volumes().contains(anonymous), "down -v removes the anonymous volume too: " + volumes());
        assertEquals(List.of(), c.containerNames());
    }

    /**
     * "TestLocalComposeVolume"' steps "should inherit anonymous volumes" and "should renew anonymous volumes", apart so
     * that the rest runs. The Go test does not check the renewal's outcome (RunDockerOrExitError); this one does: with
     * {@code --renew-anon-volumes} the replacement starts with a new, empty volume, as docker compose's {@code -V} does.
     */
    @Test
    void testLocalComposeVolumeInheritsAnonymousVolumes() throws Exception {
        String file = "testdata/TestUpRecreateVolumesIgnoreBinds/compose.yaml";
        c = E2eFixture.start(dir, file);
        String p = "e2eb-anon-inherit";
        String override = c.override("anon.yaml", """
                services:
                  app:
                    command: sleep 600
                    init: true
                    volumes: !override
                      - /usr/src/app/node_modules
                """ + E2eFixture.defaultNetwork(229));
        String[] f = {"-f", E2eFixture.path(file), "-f", override, "--project-name", p};
        c.ok(PsTest.args(f, "up", "-d"));
        c.ok(PsTest.args(f, "exec", "-T", "app", "touch", "/usr/src/app/node_modules/test"));
        String volume = anonymousVolume(p + "-app-1", "/usr/src/app/node_modules");
        c.ok(PsTest.args(f, "up", "--force-recreate", "-d"));
        c.ok(PsTest.args(f, "exec", "-T", "app", "ls", "/usr/src/app/node_modules/test"));
        assertEquals(volume, anonymousVolume(p + "-app-1", "/usr/src/app/node_modules"), "the same volume, mounted again");

        // "should renew anonymous volumes"
        c.ok(PsTest.args(f, "up", "--force-recreate", "--renew-anon-volumes", "-d"));
        E2eFixture.Run ls = c.run(PsTest.args(f, "exec", "-T", "app", "ls", "/usr/src/app/node_modules/test"));
        assertTrue(ls.code() != 0, "a renewed anonymous volume starts empty: " + ls.combined());
        String renewed = anonymousVolume(p + "-app-1", "/usr/src/app/node_modules");
        assertFalse(renewed.equals(volume), renewed);
        assertTrue(c.engine.volumes().get(renewed).anonymous(), renewed);

        c.ok("--project-name", p, "down", "-t", "0", "-v");
        assertFalse(volumes().contains(renewed), "down -v removes the anonymous volume: " + volumes());
        c.downAndCheck(p);
    }

    /**
     * Not a Go test: docker compose's recreate also passes on the anonymous volumes of the image's {@code VOLUME}s
     * (its buildContainerMountOptions reads the image's Config.Volumes), and {@code -V} renews them; the engine fills a
     * new one with the image's content there.
     */
    @Test
    void recreateInheritsImageVolumes() throws Exception {
        String file = "testdata/TestUpRecreateVolumesIgnoreBinds/compose.yaml";
        c = E2eFixture.start(dir, file);
        E2eImages.installNginxWithVolumes(c.engine.images(), "docker.io/library/volumes-seeded:1", "/usr/share/nginx/html");
        String p = "e2eb-image-volumes";
        String override = c.override("seeded.yaml", """
                services:
                  app:
                    image: volumes-seeded:1
                    command: sleep 600
                    init: true
                    volumes: !reset []
                """ + E2eFixture.defaultNetwork(238));
        String[] f = {"-f", E2eFixture.path(file), "-f", override, "--project-name", p};
        String html = "/usr/share/nginx/html";
        c.ok(PsTest.args(f, "up", "-d"));
        assertTrue(c.ok(PsTest.args(f, "exec", "-T", "app", "cat", html + "/index.html")).out().contains("Welcome to nginx"),
                "the image's content copied into the new volume");
        String volume = anonymousVolume(p + "-app-1", html);
        assertTrue(c.engine.volumes().get(volume).anonymous(), volume);
        c.ok(PsTest.args(f, "exec", "-T", "app", "sh", "-c", "echo kept > " + html + "/kept"));

        c.ok(PsTest.args(f, "up", "--force-recreate", "-d"));
        assertEquals("kept", c.ok(PsTest.args(f, "exec", "-T", "app", "cat", html + "/kept")).out().strip());
        assertEquals(volume, anonymousVolume(p + "-app-1", html), "the same volume, mounted again");

        c.ok(PsTest.args(f, "up", "--force-recreate", "-V", "-d"));
        E2eFixture.Run gone = c.run(PsTest.args(f, "exec", "-T", "app", "cat", html + "/kept"));
        assertTrue(gone.code() != 0, "-V: a new volume: " + gone.combined());
        assertTrue(c.ok(PsTest.args(f, "exec", "-T", "app", "cat", html + "/index.html")).out().contains("Welcome to nginx"));
        String renewed = anonymousVolume(p + "-app-1", html);
        assertFalse(renewed.equals(volume), renewed);
        assertTrue(volumes().contains(volume), "the renewed-away volume is left, as docker compose removes a replaced container without -v: "
                + volumes());

        c.ok("--project-name", p, "down", "-t", "0", "-v");
        assertFalse(volumes().contains(renewed), "down -v removes the image volume: " + volumes());
        c.downAndCheck(p);
    }

    @Test
    void testProjectVolumeBind() throws Exception {
        String file = "fixtures/project-volume-bind-test/docker-compose.yml";
        c = E2eFixture.start(dir, file);
        String p = "e2eb-project-volume-bind";
        Path data = Files.createDirectories(dir.resolve("data"));
        String[] f = {"--project-directory", E2eFixture.path("fixtures/project-volume-bind-test"), "-f", E2eFixture.path(file), "-f",
                c.subnet(225), "--project-name", p};
        E2eFixture e = c.withEnv(Map.of("TEST_DIR", data.toString()));

        // "up on project volume with bind specification"
        e.ok(PsTest.args(f, "up", "-d"));
        Files.writeString(data.resolve("resultfile"), "SUCCESS\n");
        E2eFixture.Run r = e.ok(PsTest.args(f, "exec", "-T", "frontend", "sh", "-c", "cat /data/resultfile"));
        assertTrue(r.out().contains("SUCCESS"), r.combined());
        assertEquals(List.of("frontend"), c.containerNames(), "container_name");

        e.ok("--project-name", p, "down", "-t", "0", "-v");
        assertEquals(List.of(), c.containerNames());
        assertTrue(Files.exists(data.resolve("resultfile")), "down -v leaves the bound host directory alone");
    }

    @Test
    void testUpSwitchVolumes() throws Exception {
        String file = "testdata/TestUpSwitchVolumes/compose.yaml";
        c = E2eFixture.start(dir, file);
        String p = "e2eb-switch-volumes";
        String vol1 = p + "-ext-1";
        String vol2 = p + "-ext-2";
        String[] f = {"-f", E2eFixture.path(file), "-f", c.subnet(226), "--project-name", p};

        // "create the two external volumes"
        c.engine.volumes().create(vol1, "local", Map.of(), Map.of());
        c.engine.volumes().create(vol2, "local", Map.of(), Map.of());

        // "up mounts the first volume"
        c.withEnv(Map.of("EXTERNAL_VOLUME", vol1)).ok(PsTest.args(f, "up", "-d"));
        assertEquals(vol1, mount(c.engine.containers().inspect(p + "-app-1"), "/my_vol").source());

        // "up with the other volume reconnects the service"
        c.withEnv(Map.of("EXTERNAL_VOLUME", vol2)).ok(PsTest.args(f, "up", "-d"));
        assertEquals(vol2, mount(c.engine.containers().inspect(p + "-app-1"), "/my_vol").source());

        c.withEnv(Map.of("EXTERNAL_VOLUME", vol2)).ok("--project-name", p, "down", "-t", "0", "-v");
        assertEquals(List.of(), c.containerNames());
        assertTrue(volumes().containsAll(List.of(vol1, vol2)), "down -v leaves external volumes: " + volumes());
    }

    @Test
    void testUpRecreateVolumesIgnoreBinds() throws Exception {
        String file = "testdata/TestUpRecreateVolumesIgnoreBinds/compose.yaml";
        c = E2eFixture.start(dir, file);
        String p = "e2eb-recreate-binds";
        String[] f = {"-f", E2eFixture.path(file), "-f", c.subnet(227), "--project-name", p};
        ServiceStates states = new ServiceStates(c, p);

        // "up starts the service with its bind mount"
        c.ok(PsTest.args(f, "up", "-d"));
        String id = states.id("app");

        // "an unchanged up leaves the container alone"
        E2eFixture.Run again = c.ok(PsTest.args(f, "up", "-d"));
        assertFalse(again.combined().contains("Recreated"), again.combined());
        assertEquals(id, states.id("app"));

        c.downAndCheck(p);
    }
}
