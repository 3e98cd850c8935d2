package dev.jcompose.engine.network;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The kernel side of bridge networks, done by {@code jcompose-shim net} over rtnetlink (the JVM
 * never enters network namespaces): a Linux bridge per network with the gateway address, and a veth
 * pair per container attachment with the container's address and default route inside its netns.
 */
public final class BridgeDriver {
    private final Path shim;

    public BridgeDriver(Path shim) {
        this.shim = shim;
    }

    /** {@code jc-<first 12 hex of the network ID>}: short enough for IFNAMSIZ, unique per network. */
    public static String bridgeName(NetworkRecord n) {
        String custom = n.options().get("com.docker.network.bridge.name");
        return custom != null ? custom : "jc-" + n.id().substring(0, 12);
    }

    /** Makes the bridge with its gateway address unless it is there already (then no process is spawned: a container start stays cheap). */
    public void ensureBridge(NetworkRecord n) throws IOException {
        if (java.nio.file.Files.isDirectory(Path.of("/sys/class/net", bridgeName(n), "bridge"))) {
            return;
        }
        NetworkRecord.Pool pool = n.ipam().config().get(0);
        String prefix = pool.subnet().substring(pool.subnet().indexOf('/') + 1);
        run("bridge", bridgeName(n), pool.gateway() + "/" + prefix, Integer.toString(mtu(n)));
    }

    /** Connects container init {@code pid} to the network as {@code ifname} with {@code address}. */
    public void attach(long pid, NetworkRecord n, String hostIf, String address, String ifname, boolean defaultRoute) throws IOException {
        NetworkRecord.Pool pool = n.ipam().config().get(0);
        String prefix = pool.subnet().substring(pool.subnet().indexOf('/') + 1);
        run("attach", Long.toString(pid), bridgeName(n), hostIf, address + "/" + prefix,
                defaultRoute && !n.internal() ? pool.gateway() : "-", Integer.toString(mtu(n)), ifname);
    }

    public void deleteBridge(NetworkRecord n) throws IOException {
        run("delete", bridgeName(n));
    }

    /** Deletes a link by name (nothing when it is gone); deleting a veth's host side deletes its peer in the container too. */
    public void deleteLink(String name) throws IOException {
        run("delete", name);
    }

    private static int mtu(NetworkRecord n) {
        String v = n.options().get("com.docker.network.driver.mtu");
        return v == null ? 1500 : Integer.parseInt(v);
    }

    private void run(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(shim.toString(), "net"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("jcompose-shim net " + args[0] + " timed out");
            }
            if (p.exitValue() != 0) {
                String msg = out.startsWith("error net\t") ? out.substring(out.indexOf('\t', 10) + 1) : out;
                throw new IOException("network " + args[0] + " " + args[1] + ": " + msg);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted during network setup", e);
        }
    }
}
