package dev.jcompose.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jcompose.engine.Engine;
import dev.jcompose.engine.EngineConfig;
import dev.jcompose.engine.container.ContainerFilters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * One ported docker/compose e2e test's world: its own engine (own state root under {@code dir})
 * holding the {@link E2eImages} stand-ins, and the jcompose CLI run as a real process against it,
 * with the fixtures read in place from the shared corpus (the test skips when the corpus is absent).
 */
final class E2eFixture implements AutoCloseable {
    static final Path E2E = corpus().resolve("docker-compose-e2e/pkg/e2e");

    /**
     * The shared corpus beside the checkout: {@code ../../shared} from a module of the main checkout,
     * one level further up from a worktree (as compose-model's {@code SharedCorpus}); absolute,
     * since the CLI runs in the fixture's directory.
     */
    private static Path corpus() {
        for (String up : new String[] {"../../shared", "../../../shared"}) {
            Path candidate = Path.of(up, "corpus");
            if (Files.isDirectory(candidate)) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        return Path.of("../../shared/corpus").toAbsolutePath().normalize();
    }

    record Run(int code, String out, String err) {
        String combined() {
            return out + err;
        }
    }

    /** A CLI process running in the background (attached {@code up}, {@code wait}), output to files. */
    static final class Background implements AutoCloseable {
        final Process process;
        private final Path out;
        private final Path err;

        Background(Process process, Path out, Path err) {
            this.process = process;
            this.out = out;
            this.err = err;
        }

        String combined() throws IOException {
            return Files.readString(out) + Files.readString(err);
        }

        String awaitCombined(Predicate<String> ok, int seconds, String what) throws Exception {
            long deadline = System.currentTimeMillis() + seconds * 1000L;
            while (System.currentTimeMillis() < deadline) {
                if (ok.test(combined())) {
                    return combined();
                }
                Thread.sleep(200);
            }
            throw new AssertionError("timed out after " + seconds + "s waiting for " + what + ":\n" + combined());
        }

        Run awaitExit(int seconds) throws Exception {
            assertTrue(process.waitFor(seconds, TimeUnit.SECONDS), "the CLI did not exit within " + seconds + "s:\n" + combined());
            return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
        }

        @Override
        public void close() throws Exception {
            if (process.isAlive()) {
                process.destroy();
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        }
    }

    final Path dir;
    final Engine engine;
    private final Map<String, String> env;
    /** Where the CLI runs: {@link #dir} unless {@link #inDirectory} chose another (the Go tests' {@code cmd.Dir}). */
    private final Path cwd;

    private E2eFixture(Path dir, Engine engine, Map<String, String> env) {
        this(dir, engine, env, dir);
    }

    private E2eFixture(Path dir, Engine engine, Map<String, String> env, Path cwd) {
        this.dir = dir;
        this.engine = engine;
        this.env = env;
        this.cwd = cwd;
    }

    /** Starts the engine, after checking root, busybox and the fixture files the test reads. */
    static E2eFixture start(Path dir, String... fixtures) throws Exception {
        return start(dir, Map.of(), fixtures);
    }

    static E2eFixture start(Path dir, Map<String, String> env, String... fixtures) throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root: runs containers");
        assumeTrue(Files.isExecutable(Path.of("/bin/busybox")), "needs /bin/busybox (Debian package busybox-static)");
        for (String f : fixtures) {
            assumeTrue(Files.exists(E2E.resolve(f)), "needs docker/compose's e2e fixture " + E2E.resolve(f));
        }
        Engine engine = new Engine(new EngineConfig(dir.resolve("root"), dir.resolve("run")));
        try {
            engine.start();
            E2eImages.installAll(engine.images());
        } catch (Exception | Error e) {
            engine.close();
            throw e;
        }
        return new E2eFixture(dir, engine, env);
    }

    /** The absolute path of a file under docker/compose's {@code pkg/e2e}, e.g. {@code fixtures/ps-test/compose.yaml}. */
    static String path(String relative) {
        return E2E.resolve(relative).toString();
    }

    /**
     * Writes a compose file of this test's own beside the engine's state and returns its path: used
     * as a second {@code -f} to give the fixture's default network a subnet of this area's
     * ({@code 10.166.<n>.0/24}) so concurrent tests on the machine cannot race for one, and to replace
     * fixed host ports by free ones.
     */
    String override(String name, String yaml) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, yaml);
        return p.toString();
    }

    /**
     * Writes a docker/compose e2e fixture that the shared corpus lacks, as docker/compose has it, into
     * {@code <dir>/<name>/}: {@code files} alternates file names and contents. Returns the directory.
     */
    Path missingFixture(String name, String... files) throws IOException {
        Path d = Files.createDirectories(dir.resolve(name));
        for (int i = 0; i + 1 < files.length; i += 2) {
            Files.writeString(d.resolve(files[i]), files[i + 1]);
        }
        return d;
    }

    /** {@link #override} with only the default network's subnet {@code 10.166.<n>.0/24}. */
    String subnet(int n) throws IOException {
        return override("subnet.yaml", defaultNetwork(n));
    }

    static String defaultNetwork(int n) {
        return "networks:\n  default:\n    ipam:\n      config:\n        - subnet: 10.166." + n + ".0/24\n";
    }

    /** A free TCP port on loopback, for a fixture's fixed host port. */
    static int freePort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** A fixture with the same environment plus {@code more} (as the Go tests' {@code WithEnv}). */
    E2eFixture withEnv(Map<String, String> more) {
        Map<String, String> all = new java.util.HashMap<>(env);
        all.putAll(more);
        return new E2eFixture(dir, engine, Map.copyOf(all), cwd);
    }

    /** A fixture whose CLI runs in {@code workdir} (the Go tests' {@code cmd.Dir}, e.g. a fixture's own directory). */
    E2eFixture inDirectory(Path workdir) {
        return new E2eFixture(dir, engine, env, workdir.toAbsolutePath());
    }

    private ProcessBuilder builder(String... args) {
        ProcessBuilder pb = new ProcessBuilder(dev.jcompose.cli.CliProcessCommand.of(args)).directory(cwd.toFile());
        pb.environment().put("JCOMPOSE_HOST", "unix://" + engine.config().socket());
        pb.environment().put("JCOMPOSE_DNS_UPSTREAM", "none");
        pb.environment().remove("COMPOSE_PROJECT_NAME");
        pb.environment().putAll(env);
        return pb.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    }

    Background spawn(String... args) throws IOException {
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        return new Background(builder(args).redirectOutput(out.toFile()).redirectError(err.toFile()).start(), out, err);
    }

    /** Runs jcompose to completion, whatever its exit code (the Go tests' {@code RunDockerComposeCmdNoCheck}). */
    Run run(String... args) throws Exception {
        try (Background b = spawn(args)) {
            return b.awaitExit(180);
        }
    }

    /** Runs jcompose with {@code input} piped to its stdin (the Go tests' {@code echo … | docker compose …}). */
    Run runWithInput(String input, String... args) throws Exception {
        Path in = Files.createTempFile(dir, "in", ".txt");
        Files.writeString(in, input);
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        try (Background b = new Background(builder(args).redirectInput(in.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start(),
                out, err)) {
            return b.awaitExit(180);
        }
    }

    /** Runs jcompose and requires exit code 0 (the Go tests' {@code RunDockerComposeCmd}). */
    Run ok(String... args) throws Exception {
        Run r = run(args);
        assertEquals(0, r.code(), () -> "jcompose " + String.join(" ", args) + " exited " + r.code() + ":\n" + r.combined());
        return r;
    }

    /** Polls {@code args} until its combined output satisfies {@code ok} (the Go tests' {@code WaitForCmdResult}). */
    Run awaitOutput(Predicate<String> ok, int seconds, String what, String... args) throws Exception {
        long deadline = System.currentTimeMillis() + seconds * 1000L;
        Run last = null;
        while (System.currentTimeMillis() < deadline) {
            last = run(args);
            if (ok.test(last.combined())) {
                return last;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("timed out after " + seconds + "s waiting for " + what + "; last output:\n" + (last == null ? "" : last.combined()));
    }

    /** {@code down -t 0 --remove-orphans} for {@code project}, then checks that no container is left. */
    void downAndCheck(String project) throws Exception {
        ok("--project-name", project, "down", "-t", "0", "--remove-orphans");
        assertEquals(List.of(), containerNames());
    }

    /** The body of a 200 answer to an HTTP GET of {@code url}, retried for 30 s (the Go tests' {@code HTTPGetWithRetry}). */
    static String httpGet(String url) throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        long deadline = System.currentTimeMillis() + 30_000;
        Exception last = null;
        while (System.currentTimeMillis() < deadline) {
            try {
                var r = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return r.body();
                }
            } catch (IOException e) {
                last = e;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("no 200 from " + url + " within 30 s", last);
    }

    /** Every container's name on this engine, running or not (what {@code docker ps --all} lists). */
    List<String> containerNames() {
        return engine.containers().list(true, ContainerFilters.NONE).stream().map(c -> c.names().get(0).replaceFirst("^/", "")).toList();
    }

    @Override
    public void close() {
        engine.removeEverything();
        engine.close();
    }
}
