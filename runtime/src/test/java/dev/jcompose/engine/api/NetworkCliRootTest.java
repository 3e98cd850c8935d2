package dev.jcompose.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code docker network ls/inspect/create/rm/connect/disconnect/prune} with the real docker CLI
 * against real bridges: connecting a running container gives it a new interface with an address (named by the
 * endpoint driver option {@code com.docker.network.endpoint.ifname}) and puts its name in the network's DNS;
 * disconnecting takes both away again.
 */
@Tag("root")
class NetworkCliRootTest {
    /** Prints the container's IPv4 interfaces every 0.2 s, one line each, between "== tick" markers. */
    private static final String WATCH_ADDRESSES = "while true; do echo '== tick'; ip -4 -o addr show; sleep 0.2; done";
    @TempDir
    Path dir;
    private NetworkTestEngine t;

    @BeforeEach
    void start() throws Exception {
        t = NetworkTestEngine.start(dir);
    }

    @AfterEach
    void stop() throws Exception {
        if (t != null) {
            t.close();
        }
    }

    @Test
    void createListInspectFilterPruneRemove() throws Exception {
        String id = t.cli.ok("network", "create", "--subnet", "10.213.11.0/24", "--label", "network-test=one", "network-one");
        assertEquals(64, id.length());
        t.cli.ok("network", "create", "--subnet", "10.213.12.0/24", "--internal", "network-two");
        assertEquals("network-one bridge local", t.cli.ok("network", "ls", "--filter", "name=network-one", "--format",
                "{{.Name}} {{.Driver}} {{.Scope}}"));
        assertEquals("network-one", t.cli.ok("network", "ls", "--filter", "label=network-test=one", "--format", "{{.Name}}"));
        assertEquals("network-one", t.cli.ok("network", "ls", "--filter", "id=" + id.substring(0, 10), "--format", "{{.Name}}"));
        assertEquals("network-one\nnetwork-two", t.cli.ok("network", "ls", "--filter", "type=custom", "--format", "{{.Name}}"));
        assertEquals("network-two true", t.cli.ok("network", "inspect", "--format", "{{.Name}} {{.Internal}}", "network-two"));

        t.run("network-member", "true", "--network", "network-one");
        String ip = t.ip("network-member", "network-one");
        assertEquals("network-member " + ip + "/24", t.cli.ok("network", "inspect", "--format",
                "{{range .Containers}}{{.Name}} {{.IPv4Address}}{{end}}", "network-one"));
        assertEquals("network-one", t.cli.ok("network", "ls", "--filter", "dangling=false", "--format", "{{.Name}}"));
        DockerCli.Result inUse = t.cli.run("network", "rm", "network-one");
        assertNotEquals(0, inUse.code());
        assertTrue(inUse.err().contains("has active endpoints"), inUse.err());

        String pruned = t.cli.ok("network", "prune", "-f");
        assertTrue(pruned.contains("network-two") && !pruned.contains("network-one"), "only the unused network goes: " + pruned);
        assertEquals("network-one", t.cli.ok("network", "ls", "--format", "{{.Name}}"));
        t.cli.ok("rm", "-f", "network-member");
        t.cli.ok("network", "rm", "network-one");
        assertEquals("", t.cli.ok("network", "ls", "-q"));
        DockerCli.Result missing = t.cli.run("network", "inspect", "network-one");
        assertNotEquals(0, missing.code());
        assertTrue(missing.err().contains("network network-one not found"), missing.err());
    }

    @Test
    void connectAndDisconnectARunningContainer() throws Exception {
        t.cli.ok("network", "create", "--subnet", "10.213.13.0/24", "network-front");
        t.cli.ok("network", "create", "--subnet", "10.213.14.0/24", "network-back");
        t.run("network-app", WATCH_ADDRESSES, "--network", "network-front");
        t.run("network-asker", "while true; do echo '== ask'; nslookup network-app 10.213.14.1 2>&1; sleep 0.2; done",
                "--network", "network-back");
        assertTrue(t.logsWith("network-asker", "== ask").contains("== ask"));

        // interface_name's way in: the endpoint driver option names the container's interface (else it would be eth1)
        t.cli.ok("network", "connect", "--alias", "network-api", "--driver-opt", "com.docker.network.endpoint.ifname=backif",
                "network-back", "network-app");
        String back = t.ip("network-app", "network-back");
        assertTrue(back.startsWith("10.213.14."), back);
        t.logsWithAfter("network-app", "== tick", "inet " + back + "/24");
        String block = lastTick(t.cli.ok("logs", "network-app"));
        assertTrue(block.contains("backif") && block.contains("inet " + back + "/24"), "the running container got backif: " + block);
        t.logsWithAfter("network-asker", "== ask", back);
        assertTrue(lastAsk(t.cli.ok("logs", "network-asker")).contains(back), "the network's DNS answers the new member's name");
        assertEquals("network-app network-asker", members("network-back"));
        DockerCli.Result twice = t.cli.run("network", "connect", "network-back", "network-app");
        assertNotEquals(0, twice.code());
        assertTrue(twice.err().contains("already exists in network network-back"), twice.err());

        t.cli.ok("network", "disconnect", "network-back", "network-app");
        long deadline = System.currentTimeMillis() + 5000;
        while (lastTick(t.cli.ok("logs", "network-app")).contains(back) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertFalse(lastTick(t.cli.ok("logs", "network-app")).contains(back), "eth1 left the container");
        deadline = System.currentTimeMillis() + 15_000; // an unanswerable name may cost nslookup its full timeout per round
        while (lastAsk(t.cli.ok("logs", "network-asker")).contains(back) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertFalse(lastAsk(t.cli.ok("logs", "network-asker")).contains(back), "the name left the network's DNS");
        assertEquals("<nil>", t.cli.ok("inspect", "--format", "{{index .NetworkSettings.Networks \"network-back\"}}", "network-app"),
                "the endpoint left the container's record");
        assertEquals("network-asker", members("network-back"));
        DockerCli.Result notOn = t.cli.run("network", "disconnect", "network-back", "network-app");
        assertNotEquals(0, notOn.code());
        assertTrue(notOn.err().contains("is not connected to network network-back"), notOn.err());
    }

    /** The names of the network's containers as inspect lists them, sorted, space-separated. */
    private String members(String network) throws Exception {
        return String.join(" ", t.cli.ok("network", "inspect", "--format", "{{range .Containers}}{{.Name}}\n{{end}}", network)
                .lines().filter(l -> !l.isBlank()).sorted().toList());
    }

    /** The lines after the last complete "== tick" marker block. */
    private static String lastTick(String logs) {
        return lastBlock(logs, "== tick");
    }

    private static String lastAsk(String logs) {
        return lastBlock(logs, "== ask");
    }

    private static String lastBlock(String logs, String marker) {
        List<String> lines = logs.lines().toList();
        int last = -1;
        int previous = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).equals(marker)) {
                previous = last;
                last = i;
            }
        }
        if (previous < 0) {
            return "";
        }
        return String.join("\n", lines.subList(previous + 1, last));
    }
}
