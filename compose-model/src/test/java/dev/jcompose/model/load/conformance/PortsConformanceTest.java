package dev.jcompose.model.load.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.model.service.ServicePort;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ports: compose-go loader/full-struct_test.go (short syntax, ranges, host IPs), override/mergeYaml_ports_test.go. */
class PortsConformanceTest {
    @TempDir
    Path dir;

    private static ServicePort port(String hostIp, int target, String published) {
        return new ServicePort("ingress", hostIp, target, published, "tcp", null, null);
    }

    @Test
    void shortSyntaxAndRangesAsFullStruct() {
        Compose c = Compose.in(dir).file("compose.yaml", """
                services:
                  foo:
                    image: busybox
                    ports:
                      - 3000
                      - "3001-3005"
                      - "8000:8000"
                      - "9090-9091:8080-8081"
                      - "49100:22"
                      - "127.0.0.1:8001:8001"
                      - "127.0.0.1:5000-5010:5000-5010"
                """);
        List<ServicePort> expected = new ArrayList<>();
        expected.add(port(null, 3000, null));
        for (int p = 3001; p <= 3005; p++) {
            expected.add(port(null, p, null));
        }
        expected.add(port(null, 8000, "8000"));
        expected.add(port(null, 8080, "9090"));
        expected.add(port(null, 8081, "9091"));
        expected.add(port(null, 22, "49100"));
        expected.add(port("127.0.0.1", 8001, "8001"));
        for (int p = 5000; p <= 5010; p++) {
            expected.add(port("127.0.0.1", p, String.valueOf(p)));
        }
        assertEquals(expected, c.service("foo").networking().ports());
    }

    @Test
    void longSyntaxCanonicalForm() {
        Compose c = Compose.in(dir).file("compose.yaml", """
                services:
                  foo:
                    image: busybox
                    ports:
                      - target: 8080
                        published: 80
                        protocol: udp
                        mode: host
                        host_ip: 127.0.0.1
                        name: web
                        app_protocol: http
                """);
        assertEquals("""
                ports:
                  - name: web
                    mode: host
                    host_ip: 127.0.0.1
                    target: 8080
                    published: "80"
                    protocol: udp
                    app_protocol: http
                """, c.attribute("foo", "ports"));
        assertEquals(new ServicePort("host", "127.0.0.1", 8080, "80", "udp", "http", "web"), c.service("foo").networking().ports().get(0));
    }

    @Test
    void anEqualPortIsNotRepeatedByAnOverride() {
        Compose c = Compose.in(dir).file("compose.yaml", """
                services:
                  test:
                    image: foo
                    ports:
                      - target: 8080
                        published: "80"
                        protocol: tcp
                """).file("override.yaml", """
                services:
                  test:
                    ports:
                      - target: 8080
                        published: "80"
                        protocol: tcp
                      - target: 8443
                        published: "443"
                        protocol: tcp
                """);
        assertEquals(List.of(port(null, 8080, "80"), port(null, 8443, "443")), c.service("test").networking().ports());
    }

    @Test
    void aBadPortIsALocatedError() {
        String e = Compose.in(dir).file("compose.yaml", """
                services:
                  foo:
                    image: busybox
                    ports:
                      - "8000:abc"
                """).error();
        assertTrue(e.contains("compose.yaml:5:9 services.foo.ports[0]: invalid port \"8000:abc\""), e);
    }
}
