package dev.jcompose.engine.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerServiceTest {
    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final ImageDefaults BUSYBOX = new ImageDefaults(List.of("sh"), null, List.of("PATH=/bin", "A=image"), "/",
            "", Map.of("80/tcp", Map.of()), Map.of(), null, Map.of("org.image", "yes"), null);

    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);

    private ContainerService service() throws Exception {
        ImageResolver images = ref -> ref.equals("busybox") ? Optional.of(new ImageResolver.ResolvedImage("sha256:abc", BUSYBOX))
                : Optional.empty();
        return new ContainerService(new ContainerStore(dir), images, clock);
    }

    private static CreateRequest request(String json) throws Exception {
        return CreateRequest.parse(JSON.readTree(json), JSON);
    }

    @Test
    void createMergesImageDefaultsAsDocker() throws Exception {
        ContainerRecord r = service().create("web", request("""
                {"Image":"busybox","Env":["A=mine","B=2"],"Labels":{"com.docker.compose.service":"web"},
                 "HostConfig":{"NetworkMode":"demo_default"}}"""));
        assertEquals("/web", r.name());
        assertEquals("sh", r.path());
        assertEquals(List.of("PATH=/bin", "A=mine", "B=2"), r.config().env());
        assertEquals("yes", r.labels().get("org.image"));
        assertEquals("web", r.labels().get("com.docker.compose.service"));
        assertEquals(r.id().substring(0, 12), r.config().hostname());
        assertEquals("sha256:abc", r.image());
        assertEquals("created", r.state().status());
        assertTrue(r.networkSettings().networks().containsKey("demo_default"));
    }

    @Test
    void entrypointFromTheRequestDropsTheImageCmd() throws Exception {
        ContainerRecord r = service().create("xx", request("{\"Image\":\"busybox\",\"Entrypoint\":[\"echo\"]}"));
        assertEquals("echo", r.path());
        assertEquals(List.of(), r.args());
        assertNull(r.config().cmd());
    }

    @Test
    void nameConflictIsA409NamingTheHolder() throws Exception {
        ContainerService s = service();
        ContainerRecord first = s.create("web", request("{\"Image\":\"busybox\"}"));
        ContainerException e = assertThrows(ContainerException.class, () -> s.create("web", request("{\"Image\":\"busybox\"}")));
        assertEquals(409, e.status());
        assertTrue(e.getMessage().contains(first.id()), e.getMessage());
    }

    @Test
    void unknownImageIsA404AndBadNameA400() throws Exception {
        ContainerService s = service();
        assertEquals(404, assertThrows(ContainerException.class, () -> s.create("aa", request("{\"Image\":\"nope\"}"))).status());
        assertEquals(400, assertThrows(ContainerException.class, () -> s.create("x", request("{\"Image\":\"busybox\"}"))).status());
        assertTrue(s.store().list().isEmpty());
    }

    @Test
    void recordsSurviveReopeningTheStoreAndLookupsResolveNamesAndPrefixes() throws Exception {
        ContainerRecord r = service().create("db", request("{\"Image\":\"busybox\"}"));
        ContainerService reopened = service();
        assertEquals(r, reopened.inspect("db"));
        assertEquals(r, reopened.inspect("/db"));
        assertEquals(r, reopened.inspect(r.id().substring(0, 6)));
        assertEquals(404, assertThrows(ContainerException.class, () -> reopened.inspect("web")).status());
    }

    @Test
    void listShowsStoppedOnlyWithAllAndFiltersByLabel() throws Exception {
        ContainerService s = service();
        s.create("aa", request("{\"Image\":\"busybox\",\"Labels\":{\"p\":\"one\"}}"));
        s.create("bb", request("{\"Image\":\"busybox\",\"Labels\":{\"p\":\"two\"}}"));
        assertTrue(s.list(false, ContainerFilters.NONE).isEmpty());
        var filtered = s.list(true, ContainerFilters.parse("{\"label\":[\"p=two\"]}", JSON));
        assertEquals(List.of("/bb"), filtered.get(0).names());
        assertEquals(1, filtered.size());
        assertEquals("Created", filtered.get(0).status());
        assertEquals(2, s.list(false, ContainerFilters.parse("{\"status\":{\"created\":true}}", JSON)).size());
        assertEquals(0, s.list(true, ContainerFilters.parse("{\"label\":[\"p=one\",\"p=two\"]}", JSON)).size(),
                "several label filters must all match");
    }

    @Test
    void renameAndRemove() throws Exception {
        ContainerService s = service();
        ContainerRecord r = s.create("aa", request("{\"Image\":\"busybox\"}"));
        s.rename("aa", "bb");
        assertEquals("/bb", s.inspect(r.id()).name());
        s.remove("bb");
        assertEquals(404, assertThrows(ContainerException.class, () -> s.inspect(r.id())).status());
        assertTrue(!java.nio.file.Files.exists(dir.resolve(r.id())));
    }

    @Test
    void publishedPortsShowOnlyWhileRunningAsDockers() throws Exception {
        ContainerRecord created = service().create("web", request("{\"Image\":\"busybox\"}"));
        var bindings = Map.of("80/tcp", List.of(new HostConfig.PortBinding("127.0.0.1", "8080")));
        ContainerRecord running = created.withState(created.state().running(42, clock.instant()))
                .withNetworkSettings(new ContainerRecord.NetworkSettings("/proc/42/ns/net", bindings, created.networkSettings().networks()));
        assertEquals(bindings, running.asShown().networkSettings().ports());
        assertEquals(8080, ContainerSummary.of(running, clock.instant()).ports().get(0).publicPort());
        ContainerRecord exited = running.withState(running.state().exited(0, false, clock.instant()));
        assertEquals(bindings, exited.networkSettings().ports(), "the stored record keeps them for the next start");
        assertEquals(Map.of(), exited.asShown().networkSettings().ports(), "exited: no ports, as docker inspect");
        assertEquals(List.of(), ContainerSummary.of(exited, clock.instant()).ports(), "exited: none in the list, as docker ps -a");
        assertEquals(running.networkSettings().networks(), exited.asShown().networkSettings().networks());
    }

    @Test
    void listCommandQuotesArgumentsWithSpacesAsDockers() {
        assertEquals("sh -c 'sleep 1'", ContainerSummary.dockerCommand("sh", List.of("-c", "sleep 1")));
        assertEquals("nginx -g 'daemon off;'", ContainerSummary.dockerCommand("nginx", List.of("-g", "daemon off;")));
        assertEquals("sleep", ContainerSummary.dockerCommand("sleep", List.of()));
    }

    @Test
    void parallelCreatesWithoutNamesEachGetTheirOwnName() throws Exception {
        // the image lookup yields, so creates overlap between picking a name and storing the record
        ImageResolver slowImages = ref -> {
            Thread.yield();
            return Optional.of(new ImageResolver.ResolvedImage("sha256:abc", BUSYBOX));
        };
        ContainerService s = new ContainerService(new ContainerStore(dir), slowImages, clock);
        int threads = 8;
        int perThread = 40;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<List<String>>> futures = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    List<String> names = new java.util.ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        names.add(s.create(null, request("{\"Image\":\"busybox\"}")).name());
                    }
                    return names;
                }));
            }
            start.countDown();
            java.util.Set<String> all = new java.util.HashSet<>();
            for (var f : futures) {
                all.addAll(f.get(60, java.util.concurrent.TimeUnit.SECONDS)); // a 409 fails here
            }
            assertEquals(threads * perThread, all.size());
            assertEquals(threads * perThread, s.list(true, ContainerFilters.NONE).size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aNameIsTakenFromTheMomentItsCreateBegins() throws Exception {
        var resolving = new java.util.concurrent.CountDownLatch(1);
        var release = new java.util.concurrent.CountDownLatch(1);
        ImageResolver images = ref -> {
            if (ref.equals("slow")) {
                resolving.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return Optional.of(new ImageResolver.ResolvedImage("sha256:abc", BUSYBOX));
        };
        ContainerService s = new ContainerService(new ContainerStore(dir), images, clock);
        var first = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return s.create("same", request("{\"Image\":\"slow\"}"));
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
        ContainerException e;
        try {
            assertTrue(resolving.await(30, java.util.concurrent.TimeUnit.SECONDS));
            e = assertThrows(ContainerException.class, () -> s.create("same", request("{\"Image\":\"busybox\"}")));
            assertEquals(409, e.status());
            assertEquals(404, assertThrows(ContainerException.class, () -> s.inspect("same")).status(), "reserved, not yet a container");
        } finally {
            release.countDown();
        }
        ContainerRecord made = first.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertTrue(e.getMessage().contains("\"/same\" is already in use by container \"" + made.id() + "\""), e.getMessage());
        assertEquals("/same", s.inspect("same").name());
    }
}
