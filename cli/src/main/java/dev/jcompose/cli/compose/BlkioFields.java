package dev.jcompose.cli.compose;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcompose.model.service.BlkioConfig;
import java.util.List;

/**
 * A service's {@code blkio_config} as HostConfig fields, as docker compose sends them: {@code BlkioWeight},
 * {@code BlkioWeightDevice} ({@code Path}, {@code Weight}) and the four {@code BlkioDevice*} throttles ({@code Path},
 * {@code Rate}).
 */
final class BlkioFields {
    private BlkioFields() {
    }

    static void put(ObjectNode hostConfig, BlkioConfig b) {
        if (b == null) {
            return;
        }
        if (b.weight() != null) {
            hostConfig.put("BlkioWeight", b.weight());
        }
        if (!b.weightDevice().isEmpty()) {
            ArrayNode weights = hostConfig.putArray("BlkioWeightDevice");
            b.weightDevice().forEach(w -> weights.addObject().put("Path", w.path()).put("Weight", w.weight()));
        }
        throttles(hostConfig, "BlkioDeviceReadBps", b.deviceReadBps());
        throttles(hostConfig, "BlkioDeviceWriteBps", b.deviceWriteBps());
        throttles(hostConfig, "BlkioDeviceReadIOps", b.deviceReadIops());
        throttles(hostConfig, "BlkioDeviceWriteIOps", b.deviceWriteIops());
    }

    private static void throttles(ObjectNode hostConfig, String field, List<BlkioConfig.Throttle> throttles) {
        if (!throttles.isEmpty()) {
            ArrayNode rates = hostConfig.putArray(field);
            throttles.forEach(t -> rates.addObject().put("Path", t.path()).put("Rate", t.rate()));
        }
    }
}
