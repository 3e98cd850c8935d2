package dev.jcompose.cli.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcompose.model.Project;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A service's {@code blkio_config} reaches the engine's HostConfig in docker compose's fields, sizes in bytes. */
class HostConfigBlkioTest {
    @TempDir
    Path dir;

    @Test
    void weightsAndThrottles() throws Exception {
        Project p = TestProjects.load(dir, """
                name: blkio
                services:
                  db:
                    image: busybox
                    blkio_config:
                      weight: 300
                      weight_device: [{path: /dev/sda, weight: 400}]
                      device_read_bps: [{path: /dev/sda, rate: 12mb}]
                      device_write_bps: [{path: /dev/sdb, rate: 1024k}]
                      device_read_iops: [{path: /dev/sda, rate: 120}]
                      device_write_iops: [{path: /dev/sdb, rate: 30}]
                  plain:
                    image: busybox
                """);
        ObjectNode db = HostConfigBuilder.build(p, p.services().get("db"));
        ObjectMapper json = new ObjectMapper();
        assertEquals(300, db.get("BlkioWeight").asInt());
        assertEquals(json.readTree("[{\"Path\":\"/dev/sda\",\"Weight\":400}]"), db.get("BlkioWeightDevice"));
        assertEquals(json.readTree("[{\"Path\":\"/dev/sda\",\"Rate\":12582912}]").toString(), db.get("BlkioDeviceReadBps").toString());
        assertEquals(json.readTree("[{\"Path\":\"/dev/sdb\",\"Rate\":1048576}]").toString(), db.get("BlkioDeviceWriteBps").toString());
        assertEquals("[{\"Path\":\"/dev/sda\",\"Rate\":120}]", db.get("BlkioDeviceReadIOps").toString());
        assertEquals("[{\"Path\":\"/dev/sdb\",\"Rate\":30}]", db.get("BlkioDeviceWriteIOps").toString());
        ObjectNode plain = HostConfigBuilder.build(p, p.services().get("plain"));
        assertFalse(plain.has("BlkioWeight") || plain.has("BlkioDeviceReadBps"), plain.toString());
    }
}
