package dev.jcompose.engine.volume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VolumeSourceTest {
    private static VolumeRecord volume(Map<String, String> options) {
        return new VolumeRecord("v", "local", "/var/lib/jcompose/volumes/v/_data", "2026-01-01T00:00:00Z", Map.of(), "local", options);
    }

    @Test
    void plainVolumeBindsItsDataDirectory() {
        VolumeSource s = VolumeSource.of(volume(Map.of()));
        assertEquals(new VolumeSource("bind", "/var/lib/jcompose/volumes/v/_data", List.of("rbind"), null), s);
        assertTrue(s.isDataDirectory());
    }

    @Test
    void bindDeviceKeepsFlags() {
        VolumeSource s = VolumeSource.of(volume(Map.of("type", "none", "o", "bind,ro", "device", "/srv/data")));
        assertEquals(new VolumeSource("bind", "/srv/data", List.of("bind", "ro"), null), s);
        assertFalse(s.isDataDirectory());
    }

    @Test
    void tmpfsSplitsFlagsFromData() {
        VolumeSource s = VolumeSource.of(volume(Map.of("type", "tmpfs", "device", "tmpfs", "o", "size=100m,uid=1000,noexec")));
        assertEquals(new VolumeSource("tmpfs", "tmpfs", List.of("noexec"), "size=100m,uid=1000"), s);
    }

    @Test
    void refusesWhatTheLocalDriverCannotMount() {
        assertTrue(assertThrows(VolumeException.class, () -> VolumeSource.of(volume(Map.of("type", "none", "o", "bind"))))
                .getMessage().contains("needs an absolute host path as device"));
        assertTrue(assertThrows(VolumeException.class, () -> VolumeSource.of(volume(Map.of("type", "none", "device", "/x"))))
                .getMessage().contains("none needs o=bind"));
        assertEquals(400, assertThrows(VolumeException.class, () -> VolumeSource.of(volume(Map.of("type", "ext4")))).status());
    }
}
