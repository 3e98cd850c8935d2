package dev.jcompose.model.load.output;

import dev.jcompose.model.load.YMap;
import dev.jcompose.model.load.YNode;
import dev.jcompose.model.load.YSeq;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Puts the keys of a normalised project in the order {@code docker compose config} prints them:
 * compose-go's struct field order for each type (service, port, volume, healthcheck, deploy, …),
 * mapping-typed values (environment, labels, networks, …) sorted by key as Go sorts maps, unknown
 * keys after the known ones in their own order, and {@code x-*} extensions last, sorted.
 */
public final class CanonicalOrder {
    /** A type: its keys in struct order, and the type of the value under some of those keys. */
    private record Type(List<String> order, Map<String, Type> children, boolean sortedMap, Type elements) {
    }

    private static final Type LEAF = new Type(List.of(), Map.of(), false, null);
    private static final Type SORTED = new Type(List.of(), Map.of(), true, null);

    private static final Type PROJECT;

    static {
        Type secretRef = struct("source target uid gid mode");
        Type ulimit = struct("single soft hard");
        Type port = struct("name mode host_ip target published protocol app_protocol");
        Type volume = struct("type source target read_only consistency bind volume tmpfs image", Map.of(
                "bind", struct("propagation create_host_path selinux recursive"),
                "volume", struct("nocopy subpath", Map.of("labels", SORTED)),
                "tmpfs", struct("size mode")));
        Type healthcheck = struct("test timeout interval retries start_period start_interval disable");
        Type update = struct("parallelism delay failure_action monitor max_failure_ratio order");
        Type resource = struct("cpus memory pids devices generic_resources", Map.of(
                "devices", listOf(struct("capabilities driver count device_ids options", Map.of("options", SORTED))),
                "generic_resources", listOf(struct("discrete_resource_spec", Map.of("discrete_resource_spec", struct("kind value"))))));
        Type deploy = struct("mode replicas labels update_config rollback_config resources restart_policy placement endpoint_mode", Map.of(
                "labels", SORTED, "update_config", update, "rollback_config", update,
                "resources", struct("limits reservations", Map.of("limits", resource, "reservations", resource)),
                "restart_policy", struct("condition delay max_attempts window"),
                "placement", struct("constraints preferences max_replicas_per_node", Map.of("preferences", listOf(struct("spread"))))));
        Type build = struct("context dockerfile dockerfile_inline entitlements args ssh labels cache_from cache_to no_cache "
                + "additional_contexts pull extra_hosts isolation network target secrets tags ulimits platforms privileged shm_size", Map.of(
                "args", SORTED, "labels", SORTED, "additional_contexts", SORTED, "secrets", listOf(secretRef),
                "ulimits", mapOf(ulimit)));
        Type serviceNetwork = struct("priority gw_priority aliases ipv4_address ipv6_address link_local_ips mac_address driver_opts interface_name",
                Map.of("driver_opts", SORTED));
        Map<String, Type> serviceChildren = new LinkedHashMap<>();
        serviceChildren.put("annotations", SORTED);
        Type throttle = listOf(struct("path rate"));
        serviceChildren.put("blkio_config", struct("weight weight_device device_read_bps device_read_iops device_write_bps device_write_iops",
                Map.of("weight_device", listOf(struct("path weight")), "device_read_bps", throttle, "device_read_iops", throttle,
                        "device_write_bps", throttle, "device_write_iops", throttle)));
        serviceChildren.put("credential_spec", struct("config file registry"));
        serviceChildren.put("develop", struct("watch", Map.of("watch", listOf(struct("path action target exec ignore include initial_sync")))));
        serviceChildren.put("build", build);
        serviceChildren.put("configs", listOf(secretRef));
        serviceChildren.put("secrets", listOf(secretRef));
        serviceChildren.put("depends_on", mapOf(struct("condition restart required")));
        serviceChildren.put("deploy", deploy);
        serviceChildren.put("devices", listOf(struct("source target permissions")));
        serviceChildren.put("environment", SORTED);
        serviceChildren.put("env_file", listOf(struct("path format required")));
        serviceChildren.put("healthcheck", healthcheck);
        serviceChildren.put("labels", SORTED);
        serviceChildren.put("logging", struct("driver options", Map.of("options", SORTED)));
        serviceChildren.put("log_opt", SORTED);
        serviceChildren.put("networks", mapOf(serviceNetwork));
        serviceChildren.put("ports", listOf(port));
        serviceChildren.put("storage_opt", SORTED);
        serviceChildren.put("sysctls", SORTED);
        serviceChildren.put("ulimits", mapOf(ulimit));
        serviceChildren.put("volumes", listOf(volume));
        serviceChildren.put("models", mapOf(struct("endpoint_var model_var")));
        serviceChildren.put("gpus", listOf(struct("capabilities driver count device_ids options", Map.of("options", SORTED))));
        serviceChildren.put("provider", struct("type options", Map.of("options", SORTED)));
        Type hook = struct("command user privileged working_dir environment", Map.of("environment", SORTED));
        serviceChildren.put("pre_start", listOf(struct("command image user privileged working_dir environment per_replica",
                Map.of("environment", SORTED))));
        serviceChildren.put("post_start", listOf(hook));
        serviceChildren.put("pre_stop", listOf(hook));
        Type service = struct("profiles annotations attach build develop blkio_config cap_add cap_drop cgroup_parent cgroup "
                + "cpu_count cpu_percent cpu_period cpu_quota cpu_rt_period cpu_rt_runtime cpus cpuset cpu_shares command configs "
                + "container_name credential_spec depends_on deploy device_cgroup_rules devices dns dns_opt dns_search dockerfile "
                + "domainname entrypoint provider environment env_file expose extends external_links extra_hosts group_add gpus "
                + "hostname healthcheck image init ipc isolation labels label_file links logging log_driver log_opt mem_limit "
                + "mem_reservation memswap_limit mem_swappiness mac_address models net network_mode networks oom_kill_disable "
                + "oom_score_adj pid pids_limit platform ports privileged pull_policy read_only restart runtime scale secrets "
                + "security_opt shm_size stdin_open stop_grace_period stop_signal storage_opt sysctls tmpfs tty ulimits "
                + "use_api_socket user userns_mode uts volume_driver volumes volumes_from working_dir pre_start post_start pre_stop",
                serviceChildren);
        Type ipam = struct("driver config options", Map.of(
                "config", listOf(struct("subnet gateway ip_range aux_addresses", Map.of("aux_addresses", SORTED))),
                "options", SORTED));
        Type network = struct("name driver driver_opts ipam external internal attachable labels enable_ipv4 enable_ipv6",
                Map.of("driver_opts", SORTED, "ipam", ipam, "labels", SORTED));
        Type topVolume = struct("name driver driver_opts external labels", Map.of("driver_opts", SORTED, "labels", SORTED));
        Type fileObject = struct("name file environment content external labels driver driver_opts template_driver",
                Map.of("labels", SORTED, "driver_opts", SORTED));
        PROJECT = struct("name services networks volumes secrets configs models", Map.of(
                "services", mapOf(service), "networks", mapOf(network), "volumes", mapOf(topVolume),
                "secrets", mapOf(fileObject), "configs", mapOf(fileObject),
                "models", mapOf(struct("name model context_size runtime_flags"))));
    }

    private CanonicalOrder() {
    }

    /** The project with every mapping's keys in canonical order (values and marks unchanged). */
    public static YMap project(YMap project) {
        return (YMap) apply(project, PROJECT);
    }

    /** One service in canonical order. */
    public static YMap service(YMap service) {
        return (YMap) apply(service, ((Type) PROJECT.children().get("services")).elements());
    }

    private static Type struct(String order) {
        return new Type(List.of(order.split(" ")), Map.of(), false, null);
    }

    private static Type struct(String order, Map<String, Type> children) {
        return new Type(List.of(order.split(" ")), Map.copyOf(children), false, null);
    }

    private static Type listOf(Type element) {
        return new Type(List.of(), Map.of(), false, element);
    }

    /** A mapping from user-chosen names (sorted) to values of {@code element}. */
    private static Type mapOf(Type element) {
        return new Type(List.of(), Map.of(), true, element);
    }

    private static YNode apply(YNode node, Type type) {
        if (type == null || type == LEAF) {
            return node;
        }
        if (node instanceof YSeq seq) {
            if (type.elements() == null || type.sortedMap()) {
                return node;
            }
            List<YNode> items = new ArrayList<>(seq.items().size());
            seq.items().forEach(i -> items.add(apply(i, type.elements())));
            return new YSeq(items, seq.mark(), seq.tag());
        }
        if (!(node instanceof YMap map)) {
            return node;
        }
        Map<String, YNode> out = new LinkedHashMap<>();
        if (type.sortedMap()) {
            new TreeMap<>(map.entries()).forEach((k, v) -> out.put(k, apply(v, type.elements())));
        } else {
            for (String k : type.order()) {
                if (map.has(k)) {
                    out.put(k, apply(map.get(k), type.children().get(k)));
                }
            }
            Map<String, YNode> extensions = new TreeMap<>();
            map.entries().forEach((k, v) -> {
                if (k.startsWith("x-")) {
                    extensions.put(k, v);
                } else if (!out.containsKey(k)) {
                    out.put(k, v);
                }
            });
            out.putAll(extensions);
        }
        return new YMap(out, map.keyMarks(), map.mark(), map.tag());
    }
}
