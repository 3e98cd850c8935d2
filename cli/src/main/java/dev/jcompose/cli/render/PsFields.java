package dev.jcompose.cli.render;

import dev.jcompose.cli.compose.PsContainer;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The fields of a {@code ps} row by their Go template names ({@code .Name}, {@code .Service},
 * {@code .State}, {@code .Status}, {@code .Ports} …) with the text docker compose prints for each,
 * and the column headers of its tables.
 */
public final class PsFields {
    /** Template field → table header, in the order of docker compose's JSON output. */
    static final Map<String, String> HEADERS = Map.ofEntries(Map.entry("Command", "COMMAND"), Map.entry("CreatedAt", "CREATED AT"),
            Map.entry("ExitCode", "EXIT CODE"), Map.entry("Health", "HEALTH"), Map.entry("ID", "CONTAINER ID"), Map.entry("Image", "IMAGE"),
            Map.entry("Labels", "LABELS"), Map.entry("LocalVolumes", "LOCAL VOLUMES"), Map.entry("Mounts", "MOUNTS"), Map.entry("Name", "NAME"),
            Map.entry("Names", "NAMES"), Map.entry("Networks", "NETWORKS"), Map.entry("Ports", "PORTS"), Map.entry("Project", "PROJECT"),
            Map.entry("RunningFor", "CREATED"), Map.entry("Service", "SERVICE"), Map.entry("Size", "SIZE"), Map.entry("State", "STATE"),
            Map.entry("Status", "STATUS"));
    static final List<String> JSON_ORDER = List.of("Command", "CreatedAt", "ExitCode", "Health", "ID", "Image", "Labels", "LocalVolumes",
            "Mounts", "Name", "Names", "Networks", "Ports", "Project", "Publishers", "RunningFor", "Service", "Size", "State", "Status");
    private static final DateTimeFormatter CREATED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z 'UTC'").withZone(ZoneOffset.UTC);

    private PsFields() {
    }

    /** The text of {@code field} for {@code c}; {@code truncate} shortens COMMAND as the table does. Null for an unknown field. */
    public static String text(PsContainer c, String field, boolean truncate, Instant now) {
        return switch (field) {
            case "ID" -> truncate ? c.id().substring(0, Math.min(12, c.id().length())) : c.id();
            case "Name", "Names" -> c.name();
            case "Image" -> c.image();
            case "Command" -> quote(truncate && c.command().length() > 20 ? c.command().substring(0, 19) + "…" : c.command());
            case "Project" -> c.project();
            case "Service" -> c.service();
            case "CreatedAt" -> CREATED_AT.format(Instant.ofEpochSecond(c.created()));
            case "RunningFor" -> ago(Duration.between(Instant.ofEpochSecond(c.created()), now));
            case "State" -> c.state();
            case "Status" -> c.status();
            case "Health" -> c.health();
            case "ExitCode" -> Integer.toString(c.exitCode());
            case "Ports" -> ports(c);
            case "Labels" -> c.labels().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
            case "Networks" -> String.join(",", c.networks());
            case "Mounts" -> String.join(",", c.mounts());
            case "LocalVolumes" -> Integer.toString(c.localVolumes());
            case "Size" -> "0B";
            default -> null;
        };
    }

    /** Docker's PORTS column: {@code 127.0.0.1:8080->80/tcp, 5432/tcp}. */
    static String ports(PsContainer c) {
        List<String> out = new ArrayList<>();
        for (PsContainer.Publisher p : c.publishers()) {
            String target = p.targetPort() + "/" + p.protocol();
            out.add(p.publishedPort() == 0 ? target : p.url() + ":" + p.publishedPort() + "->" + target);
        }
        return String.join(", ", out);
    }

    /** Go's {@code units.HumanDuration} + " ago", as docker's CREATED column. */
    static String ago(Duration d) {
        long s = Math.max(0, d.getSeconds());
        String human;
        if (s < 1) {
            human = "Less than a second";
        } else if (s == 1) {
            human = "1 second";
        } else if (s < 60) {
            human = s + " seconds";
        } else if (s / 60 == 1) {
            human = "About a minute";
        } else if (s < 3600) {
            human = s / 60 + " minutes";
        } else if (Math.round(s / 3600.0) == 1) {
            human = "About an hour";
        } else if (s < 48 * 3600) {
            human = Math.round(s / 3600.0) + " hours";
        } else if (s < 7 * 24 * 3600 * 2) {
            human = s / (24 * 3600) + " days";
        } else if (s < 30L * 24 * 3600 * 2) {
            human = s / (7 * 24 * 3600) + " weeks";
        } else if (s < 365L * 24 * 3600 * 2) {
            human = s / (30L * 24 * 3600) + " months";
        } else {
            human = s / (365L * 24 * 3600) + " years";
        }
        return human + " ago";
    }

    /** Go's {@code strconv.Quote}, as docker compose prints COMMAND: backslash, quote and control characters escaped. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (cp < 0x20 || cp == 0x7f) {
                        sb.append(String.format("\\x%02x", cp));
                    } else {
                        sb.appendCodePoint(cp);
                    }
                }
            }
        });
        return sb.append('"').toString();
    }
}
