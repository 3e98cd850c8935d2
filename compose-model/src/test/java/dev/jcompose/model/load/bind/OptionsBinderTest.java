package dev.jcompose.model.load.bind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.model.ComposeException;
import dev.jcompose.model.load.YMap;
import dev.jcompose.model.load.YamlReader;
import dev.jcompose.model.service.BlkioConfig;
import dev.jcompose.model.service.ServiceOptions;
import dev.jcompose.model.service.WatchRule;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** blkio_config and develop.watch bound into {@link ServiceOptions}. */
class OptionsBinderTest {
    private static ServiceOptions options(String yaml) {
        YMap tree = (YMap) YamlReader.read("compose.yaml", yaml).orElseThrow();
        return ProjectBinder.bind("demo", Path.of("/srv"), List.of(), tree, n -> "h").services().get("web").options();
    }

    @Test
    void bindsBlkioConfig() {
        BlkioConfig b = options("""
                services:
                  web:
                    image: nginx
                    blkio_config:
                      weight: 300
                      weight_device: [{path: /dev/sda, weight: 400}]
                      device_read_bps: [{path: /dev/sdb, rate: "12582912"}]
                      device_write_bps: [{path: /dev/sdb, rate: 1m}]
                      device_read_iops: [{path: /dev/sdb, rate: 120}]
                """).blkioConfig();
        assertEquals(300, b.weight());
        assertEquals(new BlkioConfig.WeightDevice("/dev/sda", 400), b.weightDevice().get(0));
        assertEquals(12L * 1024 * 1024, b.deviceReadBps().get(0).rate());
        assertEquals(1024L * 1024, b.deviceWriteBps().get(0).rate());
        assertEquals(120L, b.deviceReadIops().get(0).rate());
        assertTrue(b.deviceWriteIops().isEmpty());
    }

    @Test
    void bindsWatchRules() {
        ServiceOptions o = options("""
                services:
                  web:
                    image: nginx
                    develop:
                      watch:
                        - {path: /srv/src, action: sync, target: /app, ignore: [node_modules/], initial_sync: true}
                        - {path: /srv/package.json, action: rebuild}
                """);
        assertNull(o.blkioConfig());
        WatchRule sync = o.watch().get(0);
        assertEquals("/srv/src", sync.path());
        assertEquals("sync", sync.action());
        assertEquals("/app", sync.target());
        assertEquals(List.of("node_modules/"), sync.ignore());
        assertTrue(sync.initialSync());
        assertEquals("rebuild", o.watch().get(1).action());
        assertFalse(o.watch().get(1).initialSync());
    }

    @Test
    void aBadRateIsLocated() {
        ComposeException e = assertThrows(ComposeException.class, () -> options("""
                services:
                  web:
                    image: nginx
                    blkio_config:
                      device_read_bps: [{path: /dev/sdb, rate: fast}]
                """));
        assertEquals("services.web.blkio_config.device_read_bps[0].rate", e.path());
        assertTrue(e.getMessage().startsWith("compose.yaml:5:"), e.getMessage());
    }
}
