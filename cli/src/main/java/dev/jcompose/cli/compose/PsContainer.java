package dev.jcompose.cli.compose;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One container as {@code ps} shows it, read from the engine's container list (docker compose's
 * {@code api.ContainerSummary}): health and exit code come from the status text, as Docker words it
 * ({@code Up 5 seconds (healthy)}, {@code Exited (3) 2 seconds ago}).
 */
public record PsContainer(String id, String name, String image, String command, String project, String service, long created,
                          String state, String status, String health, int exitCode, List<Publisher> publishers,
                          Map<String, String> labels, List<String> networks, List<String> mounts, int localVolumes) {

    /** A port: published on {@code url}:{@code publishedPort}, or only exposed ({@code publishedPort} 0, url empty). */
    public record Publisher(String url, int targetPort, int publishedPort, String protocol) {
    }

    public static PsContainer of(JsonNode c) {
        Map<String, String> labels = new TreeMap<>();
        c.path("Labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        String status = c.path("Status").asText();
        List<Publisher> publishers = new ArrayList<>();
        for (JsonNode p : c.path("Ports")) {
            String ip = p.path("IP").asText("");
            publishers.add(new Publisher(p.has("PublicPort") ? (ip.isEmpty() ? "0.0.0.0" : ip) : "", p.path("PrivatePort").asInt(), p.path("PublicPort").asInt(0), p.path("Type").asText("tcp")));
        }
        // docker compose sorts a container's ports by private port (80, 443, 8080), not as the engine lists them
        publishers.sort(java.util.Comparator.comparingInt(Publisher::targetPort));
        List<String> networks = new ArrayList<>();
        c.path("NetworkSettings").path("Networks").fieldNames().forEachRemaining(networks::add);
        List<String> mounts = new ArrayList<>();
        int local = 0;
        for (JsonNode m : c.path("Mounts")) {
            boolean volume = "volume".equals(m.path("Type").asText());
            mounts.add(volume ? m.path("Name").asText() : m.path("Source").asText());
            if (volume) {
                local++;
            }
        }
        return new PsContainer(c.path("Id").asText(), ProjectContainers.name(c), c.path("Image").asText(), c.path("Command").asText(),
                labels.getOrDefault(Labels.PROJECT, ""), labels.getOrDefault(Labels.SERVICE, ""), c.path("Created").asLong(),
                c.path("State").asText(), status, health(status), exitCode(status), List.copyOf(publishers), Map.copyOf(labels),
                List.copyOf(networks), List.copyOf(mounts), local);
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
