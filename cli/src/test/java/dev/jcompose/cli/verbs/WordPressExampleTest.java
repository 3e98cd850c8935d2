package dev.jcompose.cli.verbs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue check for the example, as a user does it: run-offline.sh up, WordPress's installer through
 * its web form, down, up again — the site keeps its title (the database volume kept it) — and
 * down -v leaves nothing behind. Builds the images from Debian's packages the first time (minutes).
 */
@Tag("root")
class WordPressExampleTest {
    private static final Path EXAMPLE = Path.of("../examples/wordpress").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void installDownUpKeepsTheSiteAndDownVolumesCleansUp() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root: builds images with mmdebstrap and runs containers");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/mmdebstrap")), "needs mmdebstrap (Debian package)");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path launcher = dir.resolve("jcompose");
        Files.writeString(launcher, "#!/bin/sh\nexec '" + ProcessHandle.current().info().command().orElse("java") + "' -cp '"
                + System.getProperty("java.class.path") + "' dev.jcompose.cli.Main \"$@\"\n");
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        var env = new java.util.HashMap<String, String>();
        env.put("JCOMPOSE", launcher.toString());
        env.put("JCOMPOSE_ROOT", dir.resolve("root").toString());
        env.put("JCOMPOSE_RUN_DIR", dir.resolve("run").toString());
        env.put("WORDPRESS_PORT", Integer.toString(port));
        List<String> bridges = List.of();
        try {
            run(env, "up");
            String base = "http://127.0.0.1:" + port;
            assertEquals(200, waitFor(base + "/wp-admin/install.php"));
            String form = "weblog_title=jcompose+e2e+site&user_name=admin&admin_password=Sup3r-secret-pw&admin_password2=Sup3r-secret-pw"
                    + "&pw_weak=1&admin_email=admin%40example.com&blog_public=0&language=";
            HttpResponse<String> install = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base
                    + "/wp-admin/install.php?step=2")).header("Content-Type", "application/x-www-form-urlencoded")
                    .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(install.body().contains("<h1>Success!</h1>"), install.body());
            run(env, "down");
            run(env, "up");
            assertEquals(200, waitFor(base + "/"));
            String home = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(home.contains("<title>jcompose e2e site"), "the database volume kept the site: " + home);
        } finally {
            bridges = bridgesOf(dir.resolve("root/networks"));
            run(env, "down", "-v");
        }
        try (var s = Files.list(dir.resolve("root/containers"))) {
            assertEquals(0, s.count(), "no containers left");
        }
        try (var s = Files.list(dir.resolve("root/volumes"))) {
            assertEquals(0, s.count(), "no volumes left");
        }
        assertTrue(!bridges.isEmpty(), "the stack had a bridge network");
        for (String b : bridges) {
            assertTrue(!Files.exists(Path.of("/sys/class/net", b)), "no bridge left: " + b);
        }
        assertTrue(Files.readAllLines(Path.of("/proc/self/mountinfo")).stream().noneMatch(l -> l.contains(dir.toString())), "no mounts left");
        String pid = Files.exists(dir.resolve("run/jcompose.pid")) ? Files.readString(dir.resolve("run/jcompose.pid")).strip() : null;
        if (pid != null) {
            ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroy);
        }
    }

    /** The kernel bridge names of the engine's networks ({@code jc-} and the network ID's first 12 hex). */
    private static List<String> bridgesOf(Path networks) throws IOException {
        if (!Files.isDirectory(networks)) {
            return List.of();
        }
        try (var files = Files.list(networks)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).map(n -> "jc-" + n.substring(0, 12)).toList();
        }
    }

    private static void run(java.util.Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of(EXAMPLE.resolve("run-offline.sh").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(20, TimeUnit.MINUTES), "run-offline.sh " + String.join(" ", args) + " timed out");
        assertEquals(0, p.exitValue(), "run-offline.sh " + String.join(" ", args) + ":\n" + out);
    }

    private static int waitFor(String url) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        while (true) {
            try {
                int code = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (code == 200 || System.nanoTime() > deadline) {
                    return code;
                }
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            }
            Thread.sleep(500);
        }
    }
}
