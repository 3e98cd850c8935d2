package dev.jcompose.engine.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jcompose.engine.shim.ShimSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class TmpfsOptionsTest {
    @Test
    void dockerDefaultsAndSizeModeAsData() {
        assertEquals(new ShimSpec.Mount("tmpfs", "tmpfs", "/run", List.of("nosuid", "nodev", "noexec"), "size=64m,mode=1777"),
                TmpfsOptions.mount("/run", "size=64m,mode=1777"));
        assertEquals(new ShimSpec.Mount("tmpfs", "tmpfs", "/run", List.of("nosuid", "nodev", "noexec"), null), TmpfsOptions.mount("/run", ""));
    }

    @Test
    void execLiftsNoexecAndFlagsStayFlags() {
        assertEquals(new ShimSpec.Mount("tmpfs", "tmpfs", "/t", List.of("nosuid", "nodev", "ro"), "uid=1000"),
                TmpfsOptions.mount("/t", "exec,ro,uid=1000"));
    }
}
