package dev.jcompose.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.engine.container.EndpointSettings;
import dev.jcompose.engine.network.NetworkRecord;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docker/compose {@code pkg/e2e/networks_test.go}: "TestNetworks", "TestNetworkAliases",
 * "TestIPAMConfig", "TestNetworkModes", "TestNetworkConfigChanged", "TestMacAddress",
 * "TestInterfaceName" and "TestNetworkRecreate", each a method named after it.
 *
 * <p>Differences from the Go tests: every network gets a subnet of this area ({@code 10.166.2xx.0/24})
 * through a second {@code -f} (tests on this machine must not race for subnets), so the fixed
 * addresses of "TestIPAMConfig" and "TestNetworkConfigChanged" move into those subnets; the Go tests'
 * {@code docker network ls}/{@code inspect} read the engine's records. busybox has no {@code curl}:
 * a name is resolved as glibc would ({@code /etc/hosts}, then DNS with busybox's {@code nslookup})
 * and fetched with {@code nc}. "TestNetworks"' sentences images are replaced by the busybox stand-ins
 * (web is the {@code httpd} nginx stand-in, whose page is fetched instead of {@code /words/noun}).
 * The link step of "TestNetworkAliases" is a method of its own ({@code testNetworkAliasesLinkName}). Not ported: "TestNetworkLinks" (links on the engine's default {@code bridge} network, which every
 * engine on this machine would share as 172.17.0.0/16).
 */
class NetworksTest extends E2eTest {
    /** An HTTP GET of {@code http://NAME/} from inside a container, with busybox's tools only. */
    static final String FETCH = "a=$(awk -v n=\"$0\" '$2==n||$3==n||$4==n {print $1; exit}' /etc/hosts); "
            + "[ -n \"$a\" ] || a=$(nslookup \"$0\" 2>/dev/null | awk '/^Address/ {x=$NF} END {print x}'); "
            + "printf 'GET / HTTP/1.0\\r\\n\\r\\n' | nc -w 5 \"$a\" 80";

    private List<String> networks() {
        return c.engine.networks().list().stream().map(NetworkRecord::name).toList();
    }

    private static int hostPort(String portOutput) {
        Matcher m = Pattern.compile("0\\.0\\.0\\.0:(\\d+)").matcher(portOutput);
        assertTrue(m.find(), portOutput);
        return Integer.parseInt(m.group(1));
    }

    @Test
    void testNetworks() throws Exception {
        String file = "fixtures/network-test/compose.yaml";
        c = E2eFixture.start(dir, file);
        String p = "e2eb-network";
        String override = c.override("stand-ins.yaml", """
                services:
                  mydb:
                    image: alpine
                    command: sleep infinity
                  db:
                    image: alpine
                    command: sleep infinity
                  words:
                    image: alpine
                    command: sleep infinity
                  web:
                    image: nginx
                networks:
                  dbnet:
                    ipam: {config: [{subnet: 10.166.212.0/24}]}
                  servicenet:
                    ipam: {config: [{subnet: 10.166.213.0/24}]}
                  closesnetworkname1:
                    ipam: {config: [{subnet: 10.166.214.0/24}]}
                  closesnetworkname2:
                    ipam: {config: [{subnet: 10.166.215.0/24}]}
                """);
        E2eFixture e = c.withEnv(Map.of("COMPOSE_PROJECT_NAME", p, "COMPOSE_FILE", E2eFixture.path(file) + ":" + override));

        e.ok("down", "-t0", "-v");
        e.ok("up", "-d");
        assertTrue(e.ok("ps").out().contains("web"));

        int web = hostPort(e.ok("port", "web", "80").out());
        assertTrue(E2eFixture.httpGet("http://127.0.0.1:" + web + "/").contains("Welcome to nginx!"));

        assertTrue(networks().contains(p + "_dbnet"), networks().toString());
        assertTrue(networks().contains("microservices"), networks().toString());
        assertTrue(networks().containsAll(List.of("closenamenet", "closenamenet-2")), networks().toString());

        hostPort(e.ok("port", "words", "8080").out());

        e.ok("down", "-t0", "-v");
        assertTrue(networks().stream().noneMatch(n -> n.contains(p) || n.contains("microservices") || n.startsWith("closenamenet")),
                networks().toString());
        assertEquals(List.of(), c.containerNames());
    }

    @Test
    void testNetworkAliases() throws Exception {
        String file = "testdata/TestNetworkAliases/compose.yaml";
        c = E2eFixture.start(dir, file);
        String p = "e2eb-net-alias";
        String[] f = {"-f", E2eFixture.path(file), "-f", c.subnet(216), "--project-name", p};
        ServiceStates states = new ServiceStates(c, p);

        c.ok(PsTest.args(f, "up", "-d"));
        assertEquals("running", states.service("container1"));
        assertEquals("running", states.service("container2"));

        // "the network alias resolves"
        E2eFixture.Run alias = c.ok(PsTest.args(f, "exec", "-T", "container1", "sh", "-c", FETCH, "alias-of-container2"));
        assertTrue(alias.out().contains("Welcome to nginx!"), alias.combined());

        c.downAndCheck(p);
    }

    /** "TestNetworkAliases"' second step, apart so that the first one runs. */
    @Test
    void testNetworkAliasesLinkName() throws Exception {
        String file = "testdata/TestNetworkAliases/compose.yaml";
        c = E2eFixture.start(dir, file);
        String p = "e2eb-net-link";
        String[] f = {"-f", E2eFixture.path(file), "-f", c.subnet(228), "--project-name", p};
        c.ok(PsTest.args(f, "up", "-d"));

        // "the link name resolves"
        E2eFixture.Run link = c.ok(PsTest.args(f, "exec", "-T", "container1", "sh", "-c", FETCH, "container"));
        assertTrue(link.out().contains("Welcome to nginx!"), link.combined());

        // not in the Go test: a link alias is the linking container's own name (Docker's links on user-defined networks)
        E2eFixture.Run own = c.run(PsTest.args(f, "exec", "-T", "container1", "sh", "-c", "nslookup container; true"));
        assertTrue(own.out().contains("Name:"), own.combined());
        E2eFixture.Run other = c.run(PsTest.args(f, "exec", "-T", "container2", "sh", "-c", "nslookup container; true"));
        assertEquals(0, other.code(), other.combined());
        assertFalse(other.out().contains("Name:"), "container2 must not resolve container1's link alias: " + other.combined());

        c.downAndCheck(p);
    }

    @Test
    void testIPAMConfig() throws Exception {
        String file = "testdata/TestIPAMConfig/compose.yaml";
        c = E2eFixture.start(dir, file);
        String p = "e2eb-ipam";
        String override = c.override("ipam.yaml", """
                services:
                  foo:
                    networks:
                      default:
                        ipv4_address: 10.166.217.100
                networks:
                  default:
                    ipam:
                      config: !override
                        - subnet: 10.166.217.0/24
                """);
        String[] f = {"-f", E2eFixture.path(file), "-f", override, "--project-name", p};

        c.ok(PsTest.args(f, "up", "-d"));
        assertEquals("running", new ServiceStates(c, p).service("foo"));
        EndpointSettings ep = c.engine.containers().inspect(p + "-foo-1").networkSettings().networks().get(p + "_default");
        assertEquals("10.166.217.100", ep.ipamConfig().ipv4Address());
        assertEquals("10.166.217.100", ep.ipAddress());

        c.downAndCheck(p);
    }

    @Test
    void testNetworkModes() throws Exception {
        String file = "testdata/TestNetworkModes/compose.yaml";
        c = E2eFixture.start(dir, file);
        String p = "e2eb-net-mode";
        String[] f = {"-f", E2eFixture.path(file), "-f", c.subnet(218), "--project-name", p};

        // "run starts the network provider and shares its namespace"
        E2eFixture.Run r = c.ok(PsTest.args(f, "run", "-T", "mydb", "echo", "success"));
        assertTrue(r.combined().contains("success"), r.combined());
        assertEquals("running", new ServiceStates(c, p).service("db"));

        c.downAndCheck(p);
    }

    @Test
    void testNetworkConfigChanged() throws Exception {
        String file = "testdata/TestNetworkConfigChanged/compose.yaml";
        c = E2eFixture.start(dir, file);
        String p = "e2eb-net-changed";
        String[] f = {"-f", E2eFixture.path(file), "--project-name", p};
        ServiceStates states = new ServiceStates(c, p);
        // hostname -i needs glibc's NSS, which the static busybox lacks: the address is read with ip instead
        String[] address = PsTest.args(f, "exec", "-T", "test", "ip", "-4", "-o", "addr", "show", "eth0");

        // "up addresses the service in the default subnet"
        E2eFixture first = c.withEnv(Map.of("SUBNET", "10.166.219.0/24"));
        first.ok(PsTest.args(f, "up", "-d"));
        assertEquals("running", states.service("test"));
        String id = states.id("test");
        E2eFixture.Run before = first.ok(address);
        assertTrue(before.out().contains("10.166.219."), before.combined());

        // "up with a changed subnet replaces the network, reconnecting the same container"
        E2eFixture second = c.withEnv(Map.of("SUBNET", "10.166.220.0/24"));
        second.ok(PsTest.args(f, "up", "-d"));
        assertEquals("running", states.service("test"));
        assertEquals(id, states.id("test"), "the container was not recreated");

        // "the container's IP moved to the new subnet"
        E2eFixture.Run after = second.ok(address);
        assertTrue(after.out().contains("10.166.220."), after.combined());
        // not in the Go test: jcompose reconnects with the service's endpoint config, so the service name stays an alias
        EndpointSettings ep = c.engine.containers().inspect(p + "-test-1").networkSettings().networks().get(p + "_test");
        assertEquals(c.engine.networks().find(p + "_test").id(), ep.networkId());
        assertTrue(ep.aliases().contains("test"), ep.aliases().toString());

        second.ok("--project-name", p, "down", "-t", "0");
        assertEquals(List.of(), c.containerNames());
    }

    @Test
    void testMacAddress() throws Exception {
        String file = "testdata/TestMacAddress/compose.yaml";
        c = E2eFixture.start(dir, file);
        String p = "e2eb-mac";
        String[] f = {"-f", E2eFixture.path(file), "-f", c.subnet(221), "--project-name", p};

        c.ok(PsTest.args(f, "up", "-d"));
        assertEquals("running", new ServiceStates(c, p).service("test"));
        EndpointSettings ep = c.engine.containers().inspect(p + "-test-1").networkSettings().networks().get(p + "_default");
        assertEquals("00:e0:84:35:d0:e8", ep.macAddress());

        c.downAndCheck(p);
    }

    @Test
    void testInterfaceName() throws Exception {
        String file = "testdata/TestInterfaceName/compose.yaml";
        c = E2eFixture.start(dir, file);
        String p = "e2eb-ifname";
        String[] f = {"-f", E2eFixture.path(file), "-f", c.subnet(222), "--project-name", p};

        // "the container sees its interface under the declared name"
        E2eFixture.Run r = c.ok(PsTest.args(f, "run", "--rm", "test"));
        assertTrue(r.combined().contains("foobar@"), r.combined());

        c.downAndCheck(p);
    }

    @Test
    void testNetworkRecreate() throws Exception {
        String file = "fixtures/network-recreate/compose.yaml";
        c = E2eFixture.start(dir, file);
        String p = "e2eb-net-recreate";
        String override = c.override("subnet.yaml", "networks:\n  test:\n    ipam:\n      config:\n        - subnet: 10.166.223.0/24\n");
        String[] f = {"-f", E2eFixture.path(file), "-f", override, "--project-name", p};

        c.ok(PsTest.args(f, "up", "-d"));
        String before = c.engine.networks().find(p + "_test").id();
        E2eFixture.Run r = c.withEnv(Map.of("FOO", "bar")).ok(PsTest.args(f, "--progress=plain", "up", "-d"));
        String err = r.err();
        assertTrue(err.contains("Stopped"), err);
        assertTrue(err.contains("Started") || err.contains("Recreated"), err);
        NetworkRecord after = c.engine.networks().find(p + "_test");
        assertFalse(before.equals(after.id()), "the network was recreated");
        assertEquals("bar", after.labels().get("foo"));

        c.downAndCheck(p);
    }
}
