package dev.jcompose.cli.image;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcompose.cli.Verb;
import dev.jcompose.cli.args.CommandSpec;
import dev.jcompose.cli.args.ParsedArgs;
import dev.jcompose.cli.engine.EngineClient;
import dev.jcompose.cli.engine.EngineConnection;
import dev.jcompose.cli.render.Table;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** {@code jcompose image ls}: {@code REPOSITORY  TAG  IMAGE ID  SIZE}, as {@code docker image ls}. */
final class ImageListCommand extends Verb {
    boolean quiet;

    static final CommandSpec SPEC = CommandSpec.command("ls", "List the engine's images")
            .alias("list")
            .flag("Only display image IDs", "-q", "--quiet")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    protected void bind(ParsedArgs args) {
        quiet = args.flag("--quiet");
    }

    @Override
    public Integer call() {
        PrintWriter out = out();
        List<String[]> rows = new ArrayList<>();
        try (EngineClient engine = EngineConnection.connect(System.getenv())) {
            for (JsonNode image : engine.get("/images/json")) {
                String id = image.path("Id").asText().replaceFirst("^sha256:", "");
                String shortId = id.substring(0, Math.min(12, id.length()));
                if (quiet) {
                    out.println(shortId);
                    continue;
                }
                List<String> tags = new ArrayList<>();
                image.path("RepoTags").forEach(t -> tags.add(t.asText()));
                if (tags.isEmpty()) {
                    tags.add("<none>:<none>");
                }
                for (String tag : tags) {
                    int colon = tag.lastIndexOf(':');
                    rows.add(new String[] {tag.substring(0, colon), tag.substring(colon + 1), shortId,
                        humanSize(image.path("Size").asLong())});
                }
            }
        }
        if (!quiet) {
            Table.print(out, new String[] {"REPOSITORY", "TAG", "IMAGE ID", "SIZE"}, rows);
        }
        return 0;
    }

    /** docker/go-units HumanSize: decimal units, 3 significant digits ({@code 4.26MB}). */
    static String humanSize(long bytes) {
        String[] units = {"B", "kB", "MB", "GB", "TB", "PB"};
        double v = bytes;
        int u = 0;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        String n = new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
        return n + units[u];
    }
}
