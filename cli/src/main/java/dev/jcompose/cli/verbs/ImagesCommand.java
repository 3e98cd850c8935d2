package dev.jcompose.cli.verbs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jcompose.cli.UserError;
import dev.jcompose.cli.args.CommandSpec;
import dev.jcompose.cli.args.ParsedArgs;
import dev.jcompose.cli.args.PositionalSpec;
import dev.jcompose.cli.compose.Labels;
import dev.jcompose.cli.compose.ProjectContainers;
import dev.jcompose.cli.engine.EngineClient;
import dev.jcompose.cli.render.Humanize;
import dev.jcompose.cli.render.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code jcompose images}: the image of each of the project's containers, as docker compose prints it
 * ({@code CONTAINER  REPOSITORY  TAG  PLATFORM  IMAGE ID  SIZE  CREATED}), or {@code --format json}, or {@code -q} IDs.
 */
public final class ImagesCommand extends ProjectCommand {
    List<String> services = new ArrayList<>();
    String format = "table";
    boolean quiet;

    static final CommandSpec SPEC = CommandSpec.command("images", "List images used by the created containers")
            .positional("SERVICE", 0, PositionalSpec.UNBOUNDED)
            .option("FORMAT", "Format the output. Values: [table | json]", "--format")
            .flag("Only display IDs", "-q", "--quiet")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    protected void bind(ParsedArgs args) {
        services = args.positionals();
        format = args.value("--format", "table");
        quiet = args.flag("--quiet");
    }

    /** One row: the container and its image. */
    record Row(String container, String repository, String tag, String platform, String id, long size, Instant created) {
    }

    @Override
    public Integer call() {
        if (!format.equals("table") && !format.equals("json")) {
            throw new UserError("unsupported format \"" + format + "\": use table or json");
        }
        String project = projectName(services);
        List<Row> rows = new ArrayList<>();
        try (EngineClient engine = engine()) {
            for (JsonNode c : ProjectContainers.list(engine, project, null)) {
                if (!services.isEmpty() && !services.contains(c.path("Labels").path(Labels.SERVICE).asText())) {
                    continue;
                }
                JsonNode image = engine.get("/images/" + c.path("ImageID").asText() + "/json");
                rows.add(row(ProjectContainers.name(c), c.path("Image").asText(), image));
            }
        }
        rows.sort(java.util.Comparator.comparing(Row::container));
        if (quiet) {
            quietIds(rows).forEach(out()::println);
        } else if (format.equals("json")) {
            ObjectMapper json = new ObjectMapper();
            var array = json.createArrayNode();
            for (Row r : rows) {
                var o = array.addObject().put("ID", r.id()).put("ContainerName", r.container()).put("Repository", r.repository())
                        .put("Tag", r.tag());
                String[] platform = r.platform().split("/");
                o.putObject("Platform").put("architecture", platform.length > 1 ? platform[1] : "").put("os", platform[0]);
                o.put("Size", r.size()).put("LastTagTime", r.created().toString());
            }
            out().println(array.toString());
        } else {
            List<String[]> cells = new ArrayList<>();
            for (Row r : rows) {
                cells.add(new String[] {r.container(), r.repository(), r.tag(), r.platform(), shortId(r.id()), Humanize.size(r.size()),
                    Humanize.duration(Duration.between(r.created(), Instant.now())) + " ago"});
            }
            Table.print(out(), new String[] {"CONTAINER", "REPOSITORY", "TAG", "PLATFORM", "IMAGE ID", "SIZE", "CREATED"}, cells);
        }
        out().flush();
        return 0;
    }

    /** The repository and tag the container asked for (among the image's tags), else the image's first tag, else {@code <none>}. */
    static Row row(String container, String asked, JsonNode image) {
        List<String> tags = new ArrayList<>();
        image.path("RepoTags").forEach(t -> tags.add(t.asText()));
        String chosen = tags.stream().filter(t -> t.equals(asked) || t.endsWith("/" + asked) || t.equals(asked + ":latest")
                || t.endsWith("/" + asked + ":latest")).findFirst().orElse(tags.isEmpty() ? null : tags.get(0));
        String repository = "<none>";
        String tag = "<none>";
        if (chosen != null) {
            int colon = chosen.lastIndexOf(':');
            boolean hasTag = colon > chosen.lastIndexOf('/');
            repository = hasTag ? chosen.substring(0, colon) : chosen;
            tag = hasTag ? chosen.substring(colon + 1) : "latest";
        }
        String platform = image.path("Os").asText("linux") + "/" + image.path("Architecture").asText("amd64")
                + (image.path("Variant").asText("").isEmpty() ? "" : "/" + image.path("Variant").asText());
        Instant created;
        try {
            created = Instant.parse(image.path("Created").asText());
        } catch (RuntimeException e) {
            created = Instant.EPOCH;
        }
        return new Row(container, repository, tag, platform, image.path("Id").asText(), image.path("Size").asLong(), created);
    }

    /** {@code -q}: each image ID once, without its {@code sha256:} prefix, as docker compose prints them. */
    static Set<String> quietIds(List<Row> rows) {
        Set<String> ids = new LinkedHashSet<>();
        rows.forEach(r -> ids.add(r.id().substring(r.id().indexOf(':') + 1)));
        return ids;
    }

    static String shortId(String id) {
        String hex = id.replaceFirst("^sha256:", "");
        return hex.substring(0, Math.min(12, hex.length()));
    }
}
