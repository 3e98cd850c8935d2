package dev.jcompose.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RouterTest {
    private final Route inspect = ex -> { };
    private final Route image = ex -> { };
    private final Route ping = ex -> { };
    private final Router router = new Router()
            .add("GET", "/containers/{id}/json", inspect)
            .add("GET", "/images/{name:.+}/json", image)
            .add("GET", "/_ping", ping);

    @Test
    void matchesWithAndWithoutTheVersionPrefix() {
        Router.Match m = router.match("GET", "/v1.47/containers/abc/json").orElseThrow();
        assertSame(inspect, m.route());
        assertEquals(Map.of("id", "abc"), m.params());
        assertEquals("1.47", m.apiVersion());
        Router.Match bare = router.match("GET", "/containers/abc/json").orElseThrow();
        assertNull(bare.apiVersion());
    }

    @Test
    void imageNamesMaySpanSlashes() {
        Router.Match m = router.match("GET", "/v1.41/images/127.0.0.1:5000/library/busybox:1.36/json").orElseThrow();
        assertEquals("127.0.0.1:5000/library/busybox:1.36", m.params().get("name"));
    }

    @Test
    void headIsServedByTheGetRouteAndOtherMethodsAreNot() {
        assertSame(ping, router.match("HEAD", "/_ping").orElseThrow().route());
        assertTrue(router.match("POST", "/_ping").isEmpty());
        assertTrue(router.match("GET", "/containers/abc/json/extra").isEmpty());
    }
}
