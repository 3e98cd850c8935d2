package dev.jcompose.engine.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Name;

class UpstreamConfigTest {
    @Test
    void environmentWinsOverResolvConf(@TempDir Path dir) throws Exception {
        Path resolv = dir.resolve("resolv.conf");
        Files.writeString(resolv, """
                # generated
                search example.internal
                nameserver 192.0.2.53
                nameserver   2001:db8::53
                options ndots:2
                """);
        assertEquals(List.of("192.0.2.53", "2001:db8::53"), EmbeddedDns.upstreamFrom(Map.of(), resolv));
        assertEquals(List.of(), EmbeddedDns.upstreamFrom(Map.of("JCOMPOSE_DNS_UPSTREAM", "none"), resolv));
        assertEquals(List.of("127.0.0.9:5353", "127.0.0.10"),
                EmbeddedDns.upstreamFrom(Map.of("JCOMPOSE_DNS_UPSTREAM", "127.0.0.9:5353,127.0.0.10"), resolv));
        assertEquals(List.of(), EmbeddedDns.upstreamFrom(Map.of(), dir.resolve("missing")));
    }

    @Test
    void reverseNamesToAddresses() throws Exception {
        assertEquals("10.1.0.5", LocalAnswers.reverseAddress(Name.fromString("5.0.1.10.in-addr.arpa.")));
        assertEquals("fd00::3", LocalAnswers.reverseAddress(org.xbill.DNS.ReverseMap.fromAddress("fd00::3")));
        assertEquals(null, LocalAnswers.reverseAddress(Name.fromString("web.")));
    }
}
