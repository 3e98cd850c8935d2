package dev.jcompose.engine.net.bridge;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code jcompose-shim netconf --netns /proc/PID/ns/net} with a {@link NetconfSpec}: the shim
 * enters the container's netns (the JVM never does) and configures the interface there.
 */
public final class Netconf {
    private final Path shim;

    public Netconf(Path shim) {
        this.shim = shim;
    }

    public void apply(int pid, NetconfSpec spec) throws IOException {
        String netns = "/proc/" + pid + "/ns/net";
        Process p = new ProcessBuilder(shim.toString(), "netconf", "--netns", netns).redirectErrorStream(true).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(spec.render().getBytes(StandardCharsets.UTF_8));
        }
        String reply = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("netconf: configure " + spec.link() + " in " + netns + ": no reply within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("netconf: configure " + spec.link() + " in " + netns + ": interrupted", e);
        }
        if (p.exitValue() != 0 || !reply.equals("ok")) {
            String line = reply.lines().findFirst().orElse("exit status " + p.exitValue());
            throw new IOException(line.startsWith("netconf:") ? line : "netconf: " + line);
        }
    }
}
