package dev.jcompose.cli.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcompose.cli.UserError;
import dev.jcompose.cli.compose.PsContainer;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ps --format}: {@code table} (docker compose's default columns), {@code json} (one object
 * per container per line, as compose v2 prints it), or a Go template of the subset users write:
 * {@code {{.Field}}}, {@code {{json .}}}, {@code {{json .Field}}}, {@code {{.Label "key"}}}, with a
 * leading {@code table} for aligned columns under headers and {@code \t} for a tab.
 */
public final class PsFormat {
    private static final String DEFAULT = "table {{.Name}}\\t{{.Image}}\\t{{.Command}}\\t{{.Service}}\\t{{.RunningFor}}\\t{{.Status}}\\t{{.Ports}}";

    private final String format;
    private final Instant now;
    private final boolean truncate;

    /** @param truncate shorten IDs and commands as the table does ({@code --no-trunc} turns it off) */
    public PsFormat(String format, Instant now, boolean truncate) {
        this.format = format == null || format.isEmpty() || format.equals("table") ? DEFAULT : format;
        this.now = now;
        this.truncate = truncate;
    }

    public void print(PrintWriter out, List<PsContainer> containers) {
        if (format.equals("json")) {
            containers.forEach(c -> out.println(json(c)));
            return;
        }
        GoTemplate t = GoTemplate.parse(format);
        List<String> lines = new ArrayList<>();
        for (PsContainer c : containers) {
            lines.add(t.expand(action -> evaluate(action, c)));
        }
        t.print(out, lines, field -> field.startsWith(".Label ") ? "LABEL"
                : PsFields.HEADERS.getOrDefault(field.replaceFirst("^\\.", ""), field.toUpperCase()), 0);
    }

    /** One container as compose v2's {@code --format json} line. */
    String json(PsContainer c) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        for (String field : PsFields.JSON_ORDER) {
            switch (field) {
                case "ExitCode", "LocalVolumes" -> o.put(field, Integer.parseInt(PsFields.text(c, field, false, now)));
                case "Publishers" -> {
                    var array = o.putArray(field);
                    c.publishers().forEach(p -> array.addObject().put("URL", p.url()).put("TargetPort", p.targetPort())
                            .put("PublishedPort", p.publishedPort()).put("Protocol", p.protocol()));
                }
                default -> o.put(field, PsFields.text(c, field, false, now));
            }
        }
        return o.toString();
    }

    private String evaluate(String action, PsContainer c) {
        if (action.equals("json .")) {
            return json(c);
        }
        if (action.startsWith("json ")) {
            String v = field(action.substring(5).strip(), c);
            return Json.MAPPER.getNodeFactory().textNode(v).toString();
        }
        Matcher label = Pattern.compile("\\.Label\\s+\"([^\"]*)\"").matcher(action);
        if (label.matches()) {
            return c.labels().getOrDefault(label.group(1), "");
        }
        return field(action, c);
    }

    private String field(String expr, PsContainer c) {
        String name = expr.startsWith(".") ? expr.substring(1) : null;
        String v = name == null ? null : PsFields.text(c, name, truncate, now);
        if (v == null) {
            throw new UserError("invalid --format template: can't evaluate \"" + expr
                    + "\" (fields: .ID .Name .Image .Command .Project .Service .CreatedAt .RunningFor .State .Status .Health .ExitCode"
                    + " .Ports .Labels .Label \"key\" .Networks .Mounts .LocalVolumes .Size)");
        }
        return v;
    }

    /** Jackson's databind for the {@code json} formats only: the default table does without it. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
}
