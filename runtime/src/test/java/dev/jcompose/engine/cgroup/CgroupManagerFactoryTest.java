package dev.jcompose.engine.cgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The factory picks the backend by layout; the hybrid manager splits work between v1 and cgroup2. */
class CgroupManagerFactoryTest {
    @TempDir
    Path tmp;
    final List<Long> killed = new ArrayList<>();
    final List<Path> filtered = new ArrayList<>();
    final DeviceFilter recording = (dir, rules) -> filtered.add(dir);

    /** A fake hybrid host like this machine: v1 hierarchies under tmp/v1, cgroup2 with hugetlb under tmp/unified. */
    private record Hybrid(FakeCgroupFsV1 v1, FakeCgroupFsV2 unified, CgroupLayout layout) {
    }

    private Hybrid hybrid() throws Exception {
        FakeCgroupFsV1 v1 = new FakeCgroupFsV1(tmp.resolve("v1"), CgroupV1ManagerTest.thisMachine().entrySet().stream()
                .filter(e -> !e.getKey().equals("hugetlb")).collect(java.util.stream.Collectors.toMap(
                        Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, java.util.LinkedHashMap::new)), true);
        FakeCgroupFsV2 v2 = new FakeCgroupFsV2(tmp.resolve("unified"), Set.of("hugetlb"), false);
        CgroupLayout layout = new CgroupLayout(CgroupLayout.Mode.HYBRID, v1.layoutHierarchies(),
                Optional.of(new CgroupLayout.UnifiedHierarchy(tmp.resolve("unified"), "/", Set.of("hugetlb"))),
                Set.of(), true);
        return new Hybrid(v1, v2, layout);
    }

    /** One fs that routes to the right fake by path, as the real cgroupfs does by mount. */
    private static CgroupFs routing(Hybrid h) {
        return new CgroupFs() {
            private CgroupFs pick(Path p) {
                return p.startsWith(h.unified().root) ? h.unified() : h.v1();
            }

            @Override
            public void write(Path dir, String file, String value) throws CgroupException {
                pick(dir).write(dir, file, value);
            }

            @Override
            public List<Path> mkdirs(Path dir) throws CgroupException {
                return pick(dir).mkdirs(dir);
            }

            @Override
            public void rmdir(Path dir) throws CgroupException {
                pick(dir).rmdir(dir);
            }
        };
    }

    @Test
    void hybridSendsHugetlbToCgroup2AndEverythingElseToV1() throws Exception {
        Hybrid h = hybrid();
        CgroupManager m = new CgroupManagerFactory(h.layout(), routing(h), killed::add, recording).forPath("jcompose/abc");
        assertInstanceOf(HybridCgroupManager.class, m);

        m.create();
        List<String> warnings = m.apply(Resources.none().withMemory(MemoryLimits.limit(64L << 20))
                .withHugepages(List.of(new HugepageLimit("2MB", 2L << 20)))
                .withDevices(List.of(DeviceRule.denyAll())));
        m.addProcess(99);

        assertEquals(List.of(), warnings);
        Path unifiedLeaf = tmp.resolve("unified/jcompose/abc");
        assertEquals(Long.toString(2L << 20), FakeCgroupFs.content(unifiedLeaf.resolve("hugetlb.2MB.max")));
        assertEquals(Long.toString(64L << 20), FakeCgroupFs.content(tmp.resolve("v1/memory/jcompose/abc/memory.limit_in_bytes")));
        assertFalse(Files.exists(unifiedLeaf.resolve("memory.max")));
        assertEquals(List.of(), filtered, "v1's devices controller enforces the rules");
        assertEquals("a *:* rwm", FakeCgroupFs.content(tmp.resolve("v1/devices/jcompose/abc/devices.deny")));
        assertEquals("99", FakeCgroupFs.content(unifiedLeaf.resolve("cgroup.procs")).trim(), "the process joins the unified tree too");
        assertEquals("99", FakeCgroupFs.content(tmp.resolve("v1/pids/jcompose/abc/cgroup.procs")).trim());
        assertEquals(10, m.directories().size(), "9 v1 hierarchies and the unified one");

        m.freeze();
        assertEquals("FROZEN", FakeCgroupFs.content(tmp.resolve("v1/freezer/jcompose/abc/freezer.state")), "v1's freezer is used");
        m.thaw();

        h.v1().exit(99);
        h.unified().exit(99);
        m.remove(Duration.ofMillis(50));
        assertFalse(Files.exists(unifiedLeaf));
        assertFalse(Files.exists(tmp.resolve("v1/memory/jcompose/abc")));
    }

    @Test
    void hybridWithoutV1DevicesFiltersDevicesOnCgroup2() throws Exception {
        FakeCgroupFsV1 v1 = new FakeCgroupFsV1(tmp.resolve("v1"), Map.of("memory", Set.of("memory")), true);
        FakeCgroupFsV2 v2 = new FakeCgroupFsV2(tmp.resolve("unified"), Set.of(), false);
        CgroupLayout layout = new CgroupLayout(CgroupLayout.Mode.HYBRID, v1.layoutHierarchies(),
                Optional.of(new CgroupLayout.UnifiedHierarchy(tmp.resolve("unified"), "/", Set.of())), Set.of(), true);
        CgroupManager m = new CgroupManagerFactory(layout, routing(new Hybrid(v1, v2, layout)), killed::add, recording)
                .forPath("c");
        m.create();

        m.apply(Resources.none().withDevices(DeviceRule.containerDefaults()));
        assertEquals(List.of(tmp.resolve("unified/c")), filtered);

        // no v1 freezer either: pause goes through cgroup2's cgroup.freeze
        m.freeze();
        assertEquals(FreezerState.FROZEN, m.freezerState());
        assertEquals("1", FakeCgroupFs.content(tmp.resolve("unified/c/cgroup.freeze")));
        m.thaw();
        assertEquals(FreezerState.THAWED, m.freezerState());
    }

    @Test
    void unifiedAndLegacyGetTheirBackends() throws Exception {
        CgroupLayout unified = new CgroupLayout(CgroupLayout.Mode.UNIFIED, List.of(),
                Optional.of(new CgroupLayout.UnifiedHierarchy(tmp, "/", Set.of("memory"))), Set.of(), true);
        assertInstanceOf(CgroupV2Manager.class, new CgroupManagerFactory(unified, new CgroupFs(), killed::add, recording).forPath("a/b"));

        CgroupLayout legacy = new CgroupLayout(CgroupLayout.Mode.LEGACY,
                List.of(new CgroupLayout.V1Hierarchy(Set.of("memory"), tmp.resolve("memory"), "/")), Optional.empty(), Set.of(), false);
        CgroupManager m = new CgroupManagerFactory(legacy, new CgroupFs(), killed::add, recording).forPath("/a/b/");
        assertInstanceOf(CgroupV1Manager.class, m);
        assertEquals("a/b", m.path());
        assertEquals(List.of(tmp.resolve("memory/a/b")), m.directories());
    }

    @Test
    void forHostMatchesTheDetectedLayout() throws Exception {
        CgroupManagerFactory f = CgroupManagerFactory.forHost();
        CgroupManager m = f.forPath("jcompose-never-created/x");
        assertFalse(m.exists(), "making a manager creates nothing");
        switch (f.layout().mode()) {
            case UNIFIED -> assertInstanceOf(CgroupV2Manager.class, m);
            case LEGACY -> assertInstanceOf(CgroupV1Manager.class, m);
            case HYBRID -> assertInstanceOf(HybridCgroupManager.class, m);
        }
        assertTrue(m.directories().stream().allMatch(d -> d.endsWith("jcompose-never-created/x")));
    }
}
