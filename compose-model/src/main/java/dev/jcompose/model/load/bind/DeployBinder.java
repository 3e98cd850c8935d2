package dev.jcompose.model.load.bind;

import dev.jcompose.model.load.YNode;
import dev.jcompose.model.service.Deploy;
import java.util.ArrayList;
import java.util.List;

/** Binds {@code deploy}: null when the service has none. */
final class DeployBinder {
    private DeployBinder() {
    }

    static Deploy bind(Values service) {
        if (!service.has("deploy")) {
            return null;
        }
        Values d = service.child("deploy");
        Values resources = d.child("resources");
        return new Deploy(d.str("mode"), d.intOrNull("replicas"), d.stringMap("labels"), restartPolicy(d), d.str("endpoint_mode"),
                d.child("placement").strings("constraints"), resources(resources, "limits"), resources(resources, "reservations"),
                update(d, "update_config"), update(d, "rollback_config"));
    }

    private static Deploy.RestartPolicy restartPolicy(Values d) {
        if (!d.has("restart_policy")) {
            return null;
        }
        Values r = d.child("restart_policy");
        return new Deploy.RestartPolicy(r.str("condition"), r.duration("delay"), r.intOrNull("max_attempts"), r.duration("window"));
    }

    private static Deploy.Resources resources(Values parent, String key) {
        if (!parent.has(key)) {
            return null;
        }
        Values r = parent.child(key);
        return new Deploy.Resources(r.doubleOrNull("cpus"), r.bytes("memory"), r.longOrNull("pids"), deviceRequests(r, "devices"));
    }

    /** Device requests ({@code deploy.resources.*.devices}, {@code gpus}): {@code count} -1 for {@code all}. */
    static List<Deploy.DeviceRequest> deviceRequests(Values parent, String key) {
        List<Deploy.DeviceRequest> devices = new ArrayList<>();
        List<YNode> items = parent.items(key);
        for (int i = 0; i < items.size(); i++) {
            Values dev = Values.of(items.get(i), parent.path(key) + "[" + i + "]");
            Long count = "all".equals(dev.str("count")) ? Long.valueOf(-1) : dev.longOrNull("count");
            devices.add(new Deploy.DeviceRequest(dev.strings("capabilities"), dev.str("driver"), count, dev.strings("device_ids"),
                    dev.stringMap("options")));
        }
        return devices;
    }

    private static Deploy.UpdateConfig update(Values d, String key) {
        if (!d.has(key)) {
            return null;
        }
        Values u = d.child(key);
        return new Deploy.UpdateConfig(u.intOrNull("parallelism"), u.duration("delay"), u.str("failure_action"), u.duration("monitor"),
                u.doubleOrNull("max_failure_ratio"), u.str("order"));
    }
}
