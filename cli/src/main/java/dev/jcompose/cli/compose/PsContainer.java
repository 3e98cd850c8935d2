package dev.jcompose.cli.compose;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One container as {@code ps} shows it, read from the engine's container list by {@link ContainerSummaries} (docker compose's
 * {@code api.ContainerSummary}): health and exit code come from the status text, as Docker words it
 * ({@code Up 5 seconds (healthy)}, {@code Exited (3) 2 seconds ago}).
 */
public record PsContainer(String id, String name, String image, String command, String project, String service, long created,
                          String state, String status, String health, int exitCode, List<Publisher> publishers,
                          Map<String, String> labels, List<String> networks, List<String> mounts, int localVolumes) {

    /** A port: published on {@code url}:{@code publishedPort}, or only exposed ({@code publishedPort} 0, url empty). */
    public record Publisher(String url, int targetPort, int publishedPort, String protocol) {
    }

    /**
     * A container from the fields of its list entry ({@link ContainerSummaries}): {@code mounts} as
     * {@code [Type, Name, Source]}; ports sorted by private port as docker compose shows them (80, 443,
     * 8080), not as the engine lists them.
     */
    static PsContainer of(String id, String name, String image, String command, long created, String state, String status,
                          Map<String, String> labels, List<Publisher> publishers, List<String> networks, List<String[]> mounts) {
        List<Publisher> ports = new ArrayList<>(publishers);
        ports.sort(java.util.Comparator.comparingInt(Publisher::targetPort));
        List<String> shown = new ArrayList<>();
        int local = 0;
        for (String[] m : mounts) {
            boolean volume = "volume".equals(m[0]);
            shown.add(volume ? m[1] : m[2]);
            if (volume) {
                local++;
            }
        }
        return new PsContainer(id, name, image, command, labels.getOrDefault(Labels.PROJECT, ""), labels.getOrDefault(Labels.SERVICE, ""),
                created, state, status, health(status), exitCode(status), List.copyOf(ports), Map.copyOf(labels), List.copyOf(networks),
                List.copyOf(shown), local);
    }

    static String health(String status) {
        for (String h : new String[] {"healthy", "unhealthy", "health: starting"}) {
            if (status.contains("(" + h + ")")) {
                return h.equals("health: starting") ? "starting" : h;
            }
        }
        return "";
    }

    static int exitCode(String status) {
        var m = java.util.regex.Pattern.compile("^Exited \\((-?[0-9]+)\\)").matcher(status);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    public boolean oneOff() {
        return "True".equalsIgnoreCase(labels.get(Labels.ONEOFF));
    }
}
