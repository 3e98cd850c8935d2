package dev.jcompose.engine.api;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jcompose.engine.Engine;
import dev.jcompose.engine.EngineConfig;
import dev.jcompose.engine.lifecycle.BusyboxImage;
import dev.jcompose.engine.shim.UserNamespace;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A root test's own engine (state and socket under the test's directory) holding busybox-static as
 * {@code docker.io/library/<image>}, with the real docker CLI pointed at it. Skips the test when a
 * capability is missing; {@link #close} removes every container, network and volume, stops the
 * engine and checks that no mount under the test's directory is left.
 */
public record DockerCliEngine(Engine engine, DockerCli cli, Path dir) implements AutoCloseable {

    public static DockerCliEngine start(Path dir, String image) throws Exception {
        return start(dir, image, null);
    }

    /** With dockerd's {@code --userns-remap} maps ({@code null}: none). */
    public static DockerCliEngine start(Path dir, String image, UserNamespace usernsRemap) throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root: runs containers");
        assumeTrue(Files.isExecutable(Path.of("/bin/busybox")), "needs /bin/busybox (Debian package busybox-static)");
        Path docker = EngineApiTest.findOnPath("docker");
        assumeTrue(docker != null, "needs the docker CLI on PATH (a client only is enough)");
        Engine engine = new Engine(new EngineConfig(dir.resolve("root"), dir.resolve("run")).withUsernsRemap(usernsRemap));
        engine.start();
        try {
            BusyboxImage.install(engine.images(), "docker.io/library/" + image);
        } catch (Exception | Error e) {
            engine.close();
            throw e;
        }
        return new DockerCliEngine(engine, new DockerCli(docker, engine.config().socket(), dir), dir);
    }

    @Override
    public void close() throws Exception {
        engine.removeEverything();
        engine.close();
        assertTrue(Files.readAllLines(Path.of("/proc/self/mountinfo")).stream().noneMatch(l -> l.contains(dir.toString())),
                "no mount of the test left");
    }
}
