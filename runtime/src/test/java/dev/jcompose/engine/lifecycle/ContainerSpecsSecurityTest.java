package dev.jcompose.engine.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.engine.container.HostConfig;
import dev.jcompose.engine.seccomp.BpfProgram;
import dev.jcompose.engine.shim.DockerDefaults;
import dev.jcompose.engine.shim.LogRotation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a container's HostConfig chooses its seccomp filter and log rotation. */
class ContainerSpecsSecurityTest {
    private static final long DEFAULT_CAPS = DockerDefaults.capabilities(List.of(), List.of(), false);

    @Test
    void theDefaultProfileUnlessUnconfinedOrPrivileged() {
        assertNotNull(ContainerSpecs.seccomp(List.of(), false, DEFAULT_CAPS));
        assertNotNull(ContainerSpecs.seccomp(List.of("no-new-privileges"), false, DEFAULT_CAPS));
        assertNull(ContainerSpecs.seccomp(List.of("seccomp=unconfined"), false, DEFAULT_CAPS));
        assertNull(ContainerSpecs.seccomp(List.of("seccomp:unconfined"), false, DEFAULT_CAPS));
        assertNull(ContainerSpecs.seccomp(List.of(), true, DockerDefaults.capabilities(List.of(), List.of(), true)));
        assertThrows(IllegalArgumentException.class, () -> ContainerSpecs.seccomp(List.of("seccomp={\"defaultAction\":\"SCMP_ACT_ALLOW\"}"),
                false, DEFAULT_CAPS));
    }

    @Test
    void capAddChangesTheFilter() {
        BpfProgram plain = ContainerSpecs.seccomp(List.of(), false, DEFAULT_CAPS);
        BpfProgram admin = ContainerSpecs.seccomp(List.of(), false, DockerDefaults.capabilities(List.of("SYS_ADMIN"), List.of(), false));
        assertTrue(admin.instructions().size() != plain.instructions().size(), "CAP_SYS_ADMIN adds mount, unshare, setns …");
    }

    @Test
    void rotationOnlyForJsonFile() {
        assertEquals(new LogRotation(1L << 20, 2),
                ContainerSpecs.logRotation(new HostConfig.LogConfig("json-file", Map.of("max-size", "1m", "max-file", "2"))));
        assertEquals(new LogRotation(1L << 20, 1), ContainerSpecs.logRotation(new HostConfig.LogConfig(null, Map.of("max-size", "1m"))));
        assertEquals(LogRotation.NONE, ContainerSpecs.logRotation(new HostConfig.LogConfig("none", Map.of("max-size", "1m"))));
        assertEquals(LogRotation.NONE, ContainerSpecs.logRotation(null));
    }

    @Test
    void capabilityNamesAreTheKernelNames() {
        assertTrue(DockerDefaults.capabilityNames(DEFAULT_CAPS).contains("CAP_SYS_CHROOT"));
        assertEquals(14, DockerDefaults.capabilityNames(DEFAULT_CAPS).size());
    }
}
