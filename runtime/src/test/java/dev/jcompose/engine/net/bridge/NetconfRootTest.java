package dev.jcompose.engine.net.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.engine.net.netlink.NetnsRef;
import dev.jcompose.engine.net.netlink.RtNetlink;
import dev.jcompose.engine.net.testutil.TestNetns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** jcompose-shim netconf driven through {@link Netconf}: errors, re-runs and removal. */
@Tag("root")
class NetconfRootTest {
    private final String tag = Long.toHexString(System.nanoTime() & 0xfffff);

    @Test
    void errorsRerunsAndRemove() throws Exception {
        Assumptions.assumeTrue(TestNetns.isRoot(), "needs root: creates veths in a netns");
        Assumptions.assumeTrue(Files.isExecutable(BridgeNetworksRootTest.shim()), "needs the shim built");
        Netconf netconf = new Netconf(BridgeNetworksRootTest.shim());
        String host = "jcnc" + tag;
        try (RtNetlink nl = RtNetlink.open(); TestNetns ns = TestNetns.start()) {
            try {
                IOException missing = assertThrows(IOException.class, () -> netconf.apply(ns.pid(),
                        new NetconfSpec("nope", Optional.empty(), Optional.empty(), 0, List.of(), List.of(), List.of(), false)));
                assertEquals("netconf: find link nope: No such device", missing.getMessage());

                nl.createVeth(host, "jcpn" + tag, 0, NetnsRef.pid(ns.pid()), Optional.empty());
                NetconfSpec spec = new NetconfSpec("jcpn" + tag, Optional.of("eth2"), Optional.empty(), 1300,
                        List.of("10.97.39.2/24"), List.of("10.97.39.1"),
                        List.of(new NetconfSpec.Route("10.97.40.0/24", Optional.empty())), false);
                netconf.apply(ns.pid(), spec);
                netconf.apply(ns.pid(), spec); // re-run after the rename: harmless
                String routes = ns.exec("ip", "route");
                assertTrue(routes.contains("default via 10.97.39.1 dev eth2"), routes);
                assertTrue(routes.contains("10.97.40.0/24 dev eth2 scope link"), routes);
                assertTrue(ns.exec("ip", "-o", "link", "show", "eth2").contains("mtu 1300"));
                assertTrue(ns.exec("ip", "-o", "link", "show", "lo").contains("UP"), "lo is up");

                IOException bad = assertThrows(IOException.class, () -> netconf.apply(ns.pid(),
                        new NetconfSpec("eth2", Optional.empty(), Optional.empty(), 0, List.of(), List.of(),
                                List.of(new NetconfSpec.Route("10.97.41.0/24", Optional.of("192.0.2.1"))), false)));
                assertEquals("netconf: add route 10.97.41.0/24 on eth2: Network is unreachable", bad.getMessage());

                netconf.apply(ns.pid(), NetconfSpec.removal("eth2"));
                assertFalse(Files.exists(Path.of("/sys/class/net", host)), "removing the peer removes the pair");
                netconf.apply(ns.pid(), NetconfSpec.removal("eth2")); // gone already: fine
            } finally {
                nl.deleteLinkIfPresent(host);
            }
        }
    }
}
