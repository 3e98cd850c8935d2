package dev.jcompose.model.load.normalize;

import static dev.jcompose.model.load.normalize.Normalized.attribute;
import static dev.jcompose.model.load.normalize.Normalized.error;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Ports in compose-go's long form (loader/full-struct_test.go and loader_test.go expectations). */
class PortsTest {
    @Test
    void shortSyntaxBecomesLongFormWithRangesExpanded() {
        String out = attribute("""
                services:
                  web:
                    image: nginx
                    ports:
                      - "3000"
                      - "8000:8000"
                      - "9090-9091:8080-8081"
                      - "127.0.0.1:8001:8001"
                      - 5000/udp
                """, "web", "ports");
        assertEquals("""
                ports:
                  - mode: ingress
                    target: 3000
                    protocol: tcp
                  - mode: ingress
                    target: 8000
                    published: "8000"
                    protocol: tcp
                  - mode: ingress
                    target: 8080
                    published: "9090"
                    protocol: tcp
                  - mode: ingress
                    target: 8081
                    published: "9091"
                    protocol: tcp
                  - mode: ingress
                    host_ip: 127.0.0.1
                    target: 8001
                    published: "8001"
                    protocol: tcp
                  - mode: ingress
                    target: 5000
                    protocol: udp
                """, out);
    }

    @Test
    void longSyntaxIsReorderedAndPublishedBecomesAString() {
        String out = attribute("""
                services:
                  web:
                    image: nginx
                    ports:
                      - protocol: udp
                        published: 8080
                        target: 80
                        name: http
                        app_protocol: http
                """, "web", "ports");
        assertEquals("""
                ports:
                  - name: http
                    mode: ingress
                    target: 80
                    published: "8080"
                    protocol: udp
                    app_protocol: http
                """, out);
    }

    @Test
    void badPortsAreLocatedErrors() {
        assertEquals("compose.yaml:5:9 services.web.ports[0]: invalid port \"80:abc\"",
                error("""
                        services:
                          web:
                            image: nginx
                            ports:
                              - "80:abc"
                        """).replaceAll(": invalid port \"80:abc\".*", ": invalid port \"80:abc\""));
        String ranges = error("""
                services:
                  web:
                    image: nginx
                    ports: ["8000-8002:80-81"]
                """);
        assertEquals(true, ranges.startsWith("compose.yaml:4:13 services.web.ports[0]: "), ranges);
        String proto = error("""
                services:
                  web:
                    image: nginx
                    ports: ["80:80/xyz"]
                """);
        assertEquals(true, proto.contains("xyz"), proto);
    }

    @Test
    void longSyntaxTargetWrittenAsAStringIsANumber() {
        assertEquals("""
                ports:
                  - mode: host
                    host_ip: 127.0.0.1
                    target: 80
                    published: 8080-8081
                    protocol: tcp
                """, attribute("""
                services:
                  web:
                    image: nginx
                    ports:
                      - {target: "80", published: "8080-8081", host_ip: 127.0.0.1, mode: host}
                """, "web", "ports"));
    }
}
