package dev.jcompose.model.load.interpolation;

import java.util.List;

/**
 * The places where compose-go turns a string value back into a number or a boolean after
 * interpolation (its cast mapping): {@code deploy.replicas}, {@code ports[].target}, {@code cpus},
 * {@code privileged}, {@code ulimits.*}, {@code networks.*.external}, … Everywhere else an interpolated
 * value stays a string, so {@code user: ${UID}} with {@code UID=1000} is the string "1000" the schema wants.
 * Paths are key segments from the document root; {@code *} matches one key, {@code []} one list index.
 */
final class Casts {
    private static final List<List<String>> PATHS = List.of(
            svc("configs", "[]", "mode"), svc("secrets", "[]", "mode"), svc("cpu_count"), svc("cpu_percent"), svc("cpu_period"),
            svc("cpu_quota"), svc("cpu_rt_period"), svc("cpu_rt_runtime"), svc("cpus"), svc("cpu_shares"), svc("init"),
            svc("deploy", "replicas"), svc("deploy", "update_config", "parallelism"), svc("deploy", "update_config", "max_failure_ratio"),
            svc("deploy", "rollback_config", "parallelism"), svc("deploy", "rollback_config", "max_failure_ratio"),
            svc("deploy", "restart_policy", "max_attempts"), svc("deploy", "placement", "max_replicas_per_node"),
            svc("healthcheck", "retries"), svc("healthcheck", "disable"), svc("oom_kill_disable"), svc("oom_score_adj"),
            svc("pids_limit"), svc("ports", "[]", "target"), svc("privileged"), svc("read_only"), svc("scale"), svc("shm_size"),
            svc("stdin_open"), svc("stop_grace_period"), svc("tty"), svc("ulimits", "*"), svc("ulimits", "*", "hard"),
            svc("ulimits", "*", "soft"), svc("volumes", "[]", "read_only"), svc("volumes", "[]", "volume", "nocopy"),
            svc("volumes", "[]", "tmpfs", "size"),
            List.of("networks", "*", "external"), List.of("networks", "*", "internal"), List.of("networks", "*", "attachable"),
            List.of("networks", "*", "enable_ipv4"), List.of("networks", "*", "enable_ipv6"), List.of("volumes", "*", "external"),
            List.of("secrets", "*", "external"), List.of("configs", "*", "external"));

    private Casts() {
    }

    private static List<String> svc(String... rest) {
        java.util.ArrayList<String> p = new java.util.ArrayList<>(List.of("services", "*"));
        p.addAll(List.of(rest));
        return List.copyOf(p);
    }

    /** Whether a string at {@code segments} is cast to the type its text has. */
    static boolean applies(List<String> segments) {
        for (List<String> p : PATHS) {
            if (p.size() == segments.size() && matches(p, segments)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(List<String> pattern, List<String> segments) {
        for (int i = 0; i < pattern.size(); i++) {
            String want = pattern.get(i);
            String got = segments.get(i);
            boolean index = got.equals("[]");
            if (want.equals("[]") ? !index : want.equals("*") ? index : !want.equals(got)) {
                return false;
            }
        }
        return true;
    }
}
