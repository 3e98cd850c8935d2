package dev.jcompose.model.load.bind;

import dev.jcompose.model.ComposeException;
import dev.jcompose.model.Service;
import dev.jcompose.model.service.BuildConfig;
import dev.jcompose.model.service.DependsOn;
import dev.jcompose.model.service.DeviceMapping;
import dev.jcompose.model.service.EnvFile;
import dev.jcompose.model.service.FileReference;
import dev.jcompose.model.service.Healthcheck;
import dev.jcompose.model.service.Logging;
import dev.jcompose.model.service.ServiceLifecycle;
import dev.jcompose.model.service.ServiceProcess;
import dev.jcompose.model.service.ServiceResources;
import dev.jcompose.model.service.ServiceSecurity;
import dev.jcompose.model.service.ServiceStorage;
import dev.jcompose.model.service.Ulimit;
import dev.jcompose.model.load.YNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One normalised service mapping → {@link Service}; networking and volumes are bound by {@link NetworkingBinder}. */
final class ServiceBinder {
    private ServiceBinder() {
    }

    static Service bind(String name, YNode node, String configHash) {
        String path = "services." + name;
        Values v = Values.of(node, path);
        BuildConfig build = null;
        if (v.has("build")) {
            Values b = v.child("build");
            build = new BuildConfig(b.str("context"), b.str("dockerfile", "Dockerfile"), b.stringMap("args"), b.str("target"),
                    b.strings("tags"), b.strings("platforms"), b.stringMap("labels"));
        }
        if (v.str("image") == null && build == null && !v.has("provider")) {
            throw new ComposeException(v.map().mark(), path, "service \"" + name + "\" has neither an image nor a build context specified");
        }
        return new Service(name, v.str("image"), build, v.str("container_name"), v.stringMap("labels"), v.stringMap("annotations"),
                process(v), NetworkingBinder.bind(v), storage(v), security(v), resources(v), lifecycle(v), configHash, OptionsBinder.bind(v),
                DeployBinder.bind(v));
    }

    private static ServiceProcess process(Values v) {
        List<EnvFile> envFiles = new ArrayList<>();
        for (YNode f : v.items("env_file")) {
            Values e = Values.of(f, v.path("env_file"));
            envFiles.add(new EnvFile(e.str("path"), e.bool("required", true), e.str("format")));
        }
        Map<String, Ulimit> ulimits = new LinkedHashMap<>();
        Values u = v.child("ulimits");
        for (String k : u.map().entries().keySet()) {
            Values l = u.child(k);
            Long soft = l.longOrNull("soft");
            Long hard = l.longOrNull("hard");
            if (soft == null || hard == null) {
                throw u.error(k, "needs both soft and hard");
            }
            ulimits.put(k, new Ulimit(soft, hard));
        }
        return new ServiceProcess(v.stringsOrNull("command"), v.stringsOrNull("entrypoint"), v.stringMap("environment"), envFiles,
                v.str("user"), v.strings("group_add"), v.str("working_dir"), v.bool("tty", false), v.bool("stdin_open", false),
                v.boolOrNull("init"), v.str("stop_signal"), v.duration("stop_grace_period"), v.str("hostname"), v.str("domainname"),
                ulimits, v.stringMap("sysctls"));
    }

    private static ServiceStorage storage(Values v) {
        List<FileReference> secrets = refs(v, "secrets");
        List<FileReference> configs = refs(v, "configs");
        List<DeviceMapping> devices = new ArrayList<>();
        for (YNode d : v.items("devices")) {
            Values dv = Values.of(d, v.path("devices"));
            devices.add(new DeviceMapping(dv.str("source"), dv.str("target"), dv.str("permissions", "rwm")));
        }
        return new ServiceStorage(NetworkingBinder.volumes(v), v.strings("tmpfs"), v.strings("volumes_from"), secrets, configs, devices,
                v.bytes("shm_size"), v.bool("read_only", false));
    }

    private static List<FileReference> refs(Values v, String key) {
        List<FileReference> out = new ArrayList<>();
        for (YNode n : v.items(key)) {
            Values r = Values.of(n, v.path(key));
            String mode = r.str("mode");
            Integer m = null;
            if (mode != null) {
                try {
                    m = mode.startsWith("0o") ? Integer.parseInt(mode.substring(2), 8) : Integer.decode(mode);
                } catch (NumberFormatException e) {
                    throw r.error("mode", "must be a file mode such as 0440, not \"" + mode + "\"");
                }
            }
            out.add(new FileReference(r.str("source"), r.str("target"), r.str("uid"), r.str("gid"), m));
        }
        return out;
    }

    private static ServiceSecurity security(Values v) {
        return new ServiceSecurity(v.bool("privileged", false), v.strings("cap_add"), v.strings("cap_drop"), v.strings("security_opt"),
                v.str("userns_mode"), v.str("ipc"), v.str("pid"), v.str("uts"), v.str("cgroup"), v.str("cgroup_parent"));
    }

    private static ServiceResources resources(Values v) {
        Values limits = v.child("deploy").child("resources").child("limits");
        Values reservations = v.child("deploy").child("resources").child("reservations");
        Long mem = limits.has("memory") ? limits.bytes("memory") : v.bytes("mem_limit");
        Double cpus = limits.has("cpus") ? limits.doubleOrNull("cpus") : v.doubleOrNull("cpus");
        Long pids = limits.has("pids") ? limits.longOrNull("pids") : v.longOrNull("pids_limit");
        Long memRes = reservations.has("memory") ? reservations.bytes("memory") : v.bytes("mem_reservation");
        return new ServiceResources(mem, memRes, v.bytes("memswap_limit"), v.intOrNull("mem_swappiness"), v.boolOrNull("oom_kill_disable"),
                v.intOrNull("oom_score_adj"), cpus, v.longOrNull("cpu_shares"), v.longOrNull("cpu_quota"), v.longOrNull("cpu_period"),
                v.str("cpuset"), pids, DeployBinder.deviceRequests(v, "gpus"));
    }

    private static ServiceLifecycle lifecycle(Values v) {
        Integer scale = v.intOrNull("scale");
        Integer replicas = v.child("deploy").intOrNull("replicas");
        int count = replicas != null ? replicas : scale != null ? scale : 1;
        if (count < 0) {
            throw v.error(replicas != null ? "deploy" : "scale", "replicas must not be negative: " + count);
        }
        Map<String, DependsOn> deps = new LinkedHashMap<>();
        Values d = v.child("depends_on");
        for (String k : d.map().entries().keySet()) {
            Values dep = d.child(k);
            String condition = dep.str("condition", "service_started");
            try {
                deps.put(k, new DependsOn(condition, dep.bool("restart", false), dep.bool("required", true)));
            } catch (IllegalArgumentException e) {
                throw dep.error("condition", "unknown condition \"" + condition
                        + "\": use service_started, service_healthy or service_completed_successfully");
            }
        }
        Healthcheck health = null;
        if (v.has("healthcheck")) {
            Values h = v.child("healthcheck");
            List<String> test = h.stringsOrNull("test");
            boolean disable = h.bool("disable", false) || (test != null && !test.isEmpty() && test.get(0).equals("NONE"));
            health = new Healthcheck(test, h.duration("interval"), h.duration("timeout"), h.intOrNull("retries"),
                    h.duration("start_period"), h.duration("start_interval"), disable);
        }
        Logging logging = v.has("logging") ? new Logging(v.child("logging").str("driver", "json-file"),
                v.child("logging").stringMap("options")) : null;
        String restart = v.str("restart", "no");
        if (!restart.matches("no|always|unless-stopped|on-failure(:[0-9]+)?")) {
            throw v.error("restart", "invalid restart policy \"" + restart + "\": use no, always, unless-stopped or on-failure[:max-retries]");
        }
        return new ServiceLifecycle(count, restart, deps, health, v.strings("profiles"), v.str("pull_policy"), v.str("platform"),
                v.bool("attach", true), logging);
    }
}
