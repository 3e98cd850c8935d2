package dev.jcompose.cli.render;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcompose.cli.UserError;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code stats --format}: {@code docker stats}' table (CONTAINER ID, NAME, CPU %, MEM USAGE / LIMIT, MEM %, NET I/O,
 * BLOCK I/O, PIDS), {@code json} (one object per container, docker's field names in their sorted order), or a Go
 * template of {@code {{.Field}}} and {@code {{json .}}}, with a leading {@code table} for aligned columns under headers.
 */
public final class StatsFormat {
    private static final String DEFAULT = "table {{.ID}}\t{{.Name}}\t{{.CPUPerc}}\t{{.MemUsage}}\t{{.MemPerc}}\t{{.NetIO}}\t{{.BlockIO}}\t{{.PIDs}}";
    /** docker's field names in the order its {@code json} output has them, with their table headers. */
    private static final Map<String, String> HEADERS = Map.of("BlockIO", "BLOCK I/O", "CPUPerc", "CPU %", "Container", "CONTAINER",
            "ID", "CONTAINER ID", "MemPerc", "MEM %", "MemUsage", "MEM USAGE / LIMIT", "Name", "NAME", "NetIO", "NET I/O", "PIDs", "PIDS");
    private static final List<String> JSON_ORDER = List.of("BlockIO", "CPUPerc", "Container", "ID", "MemPerc", "MemUsage", "Name", "NetIO", "PIDs");

    private final String format;
    private final boolean truncate;

    /** @param truncate shorten IDs to 12 characters ({@code --no-trunc} turns it off) */
    public StatsFormat(String format, boolean truncate) {
        this.format = format == null || format.isEmpty() || format.equals("table") ? DEFAULT : format;
        this.truncate = truncate;
        render(GoTemplate.parse(this.format), new StatsEntry("", "", 0, 0, 0, 0, 0, 0, 0, 0, 0)); // an unknown field fails now
    }

    public void print(PrintWriter out, List<StatsEntry> entries) {
        if (format.equals("json")) {
            entries.forEach(e -> out.println(json(e)));
            return;
        }
        GoTemplate t = GoTemplate.parse(format);
        List<String> lines = new ArrayList<>();
        entries.forEach(e -> lines.add(render(t, e)));
        t.print(out, lines, f -> HEADERS.getOrDefault(f.replaceFirst("^\\.", ""), f.replaceFirst("^\\.", "").toUpperCase(Locale.ROOT)), 10);
    }

    /** The text of one field as docker's stats formatter writes it; null for an unknown field. */
    String field(String name, StatsEntry e) {
        return switch (name) {
            case "Container", "ID" -> truncate && e.id().length() > 12 ? e.id().substring(0, 12) : e.id();
            case "Name" -> e.name().isEmpty() ? "--" : e.name();
            case "CPUPerc" -> percent(e.cpuPercent());
            case "MemUsage" -> Humanize.bytesSize(e.memory()) + " / " + Humanize.bytesSize(e.memoryLimit());
            case "MemPerc" -> percent(e.memPercent());
            case "NetIO" -> Humanize.size(e.netRx()) + " / " + Humanize.size(e.netTx());
            case "BlockIO" -> Humanize.size(e.blockRead()) + " / " + Humanize.size(e.blockWrite());
            case "PIDs" -> Long.toString(e.pids());
            default -> null;
        };
    }

    String json(StatsEntry e) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        JSON_ORDER.forEach(f -> o.put(f, field(f, e)));
        return o.toString();
    }

    private static String percent(double v) {
        return String.format(Locale.ROOT, "%.2f%%", v);
    }

    private String render(GoTemplate t, StatsEntry e) {
        return t.expand(action -> {
            if (action.equals("json .")) {
                return json(e);
            }
            if (action.startsWith("json ")) {
                return JsonNodeFactory.instance.textNode(value(action.substring(5).strip(), e)).toString();
            }
            return value(action, e);
        });
    }

    private String value(String expr, StatsEntry e) {
        String v = expr.startsWith(".") ? field(expr.substring(1), e) : null;
        if (v == null) {
            throw new UserError("invalid --format template: can't evaluate \"" + expr
                    + "\" (fields: .Container .ID .Name .CPUPerc .MemUsage .MemPerc .NetIO .BlockIO .PIDs)");
        }
        return v;
    }
}
