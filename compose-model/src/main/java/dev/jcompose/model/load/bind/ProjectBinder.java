package dev.jcompose.model.load.bind;

import dev.jcompose.model.FileObjectConfig;
import dev.jcompose.model.NetworkConfig;
import dev.jcompose.model.Project;
import dev.jcompose.model.Service;
import dev.jcompose.model.VolumeConfig;
import dev.jcompose.model.load.YMap;
import dev.jcompose.model.load.YNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The normalised tree → the typed {@link Project}. Wrong types become located
 * {@link dev.jcompose.model.ComposeException}s; nothing else escapes.
 *
 * <p>Chaining: the tree is the normaliser's output (docker compose's {@code config} shape, long
 * forms, defaults filled); {@code name} and {@code workingDir} are already final; {@code configHash}
 * maps a service name to its config hash. One binder per family: {@link ServiceBinder} (process,
 * storage, security, resources, lifecycle), {@link NetworkingBinder}, {@link DeployBinder},
 * {@link OptionsBinder} (runtime, hooks, blkio, develop.watch); typed reads with located errors in
 * {@link Values}. {@code x-*} extensions are not bound (they stay in the normalised tree).
 */
public final class ProjectBinder {
    private ProjectBinder() {
    }

    public static Project bind(String name, Path workingDir, List<String> configFiles, YMap tree, Function<String, String> configHash) {
        Map<String, Service> services = new LinkedHashMap<>();
        Values s = Values.of(tree.get("services"), "services");
        for (var e : s.map().entries().entrySet()) {
            try {
                services.put(e.getKey(), ServiceBinder.bind(e.getKey(), e.getValue(), configHash.apply(e.getKey())));
            } catch (IllegalArgumentException bad) {
                // a record's own check (port range, enum value) that no binder check caught first
                throw new dev.jcompose.model.ComposeException(e.getValue().mark(), "services." + e.getKey(), bad.getMessage());
            }
        }
        Map<String, NetworkConfig> networks = new LinkedHashMap<>();
        Values n = Values.of(tree.get("networks"), "networks");
        for (String k : n.map().entries().keySet()) {
            Values c = n.child(k);
            List<NetworkConfig.IpamPool> pools = new ArrayList<>();
            for (YNode p : c.child("ipam").items("config")) {
                Values pv = Values.of(p, c.path("ipam.config"));
                pools.add(new NetworkConfig.IpamPool(pv.str("subnet"), pv.str("ip_range"), pv.str("gateway"), pv.stringMap("aux_addresses")));
            }
            networks.put(k, new NetworkConfig(k, c.str("name", name + "_" + k), c.str("driver", "bridge"), c.stringMap("driver_opts"),
                    c.child("ipam").str("driver"), pools, c.bool("external", false), c.bool("internal", false), c.bool("attachable", false),
                    c.boolOrNull("enable_ipv6"), c.stringMap("labels"), c.boolOrNull("enable_ipv4"),
                    c.child("ipam").stringMap("options")));
        }
        Map<String, VolumeConfig> volumes = new LinkedHashMap<>();
        Values vs = Values.of(tree.get("volumes"), "volumes");
        for (String k : vs.map().entries().keySet()) {
            Values c = vs.child(k);
            volumes.put(k, new VolumeConfig(k, c.str("name", name + "_" + k), c.str("driver", "local"), c.stringMap("driver_opts"),
                    c.bool("external", false), c.stringMap("labels")));
        }
        return new Project(name, workingDir, configFiles, services, networks, volumes, objects(tree, "secrets", name),
                objects(tree, "configs", name));
    }

    private static Map<String, FileObjectConfig> objects(YMap tree, String top, String project) {
        Map<String, FileObjectConfig> out = new LinkedHashMap<>();
        Values v = Values.of(tree.get(top), top);
        for (String k : v.map().entries().keySet()) {
            Values c = v.child(k);
            out.put(k, new FileObjectConfig(k, c.str("name", project + "_" + k), c.str("file"), c.str("environment"), c.str("content"),
                    c.bool("external", false), c.stringMap("labels"), c.str("driver"), c.str("template_driver")));
        }
        return out;
    }
}
