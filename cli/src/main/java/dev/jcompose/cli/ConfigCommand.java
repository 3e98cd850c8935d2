package dev.jcompose.cli;

import dev.jcompose.cli.args.CommandSpec;
import dev.jcompose.cli.args.ParsedArgs;
import dev.jcompose.cli.args.PositionalSpec;
import dev.jcompose.model.load.project.LoadedProject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code jcompose config}: parse, resolve and render the compose files in canonical form, as docker compose does. */
final class ConfigCommand extends Verb {

    List<String> services = new ArrayList<>();
    String format = "yaml";
    boolean quiet;
    boolean listServices;
    boolean listVolumes;
    boolean listNetworks;
    boolean listProfiles;
    boolean listImages;
    boolean listModels;
    String hash;
    boolean noInterpolate;
    boolean noNormalize;
    boolean noConsistency;
    boolean variables;
    boolean environment;
    Path output;

    static final CommandSpec SPEC = CommandSpec.command("config", "Parse, resolve and render compose file in canonical format")
            .alias("convert")
            .positional("SERVICE", 0, PositionalSpec.UNBOUNDED)
            .option("FORMAT", "Format the output. Values: [yaml | json]", "--format")
            .flag("Only validate the configuration, don't print anything", "-q", "--quiet")
            .flag("Print the service names, one per line", "--services")
            .flag("Print the volume names, one per line", "--volumes")
            .flag("Print the network names, one per line", "--networks")
            .flag("Print the profile names, one per line", "--profiles")
            .flag("Print the image names, one per line", "--images")
            .flag("Print the model names, one per line", "--models")
            .option("SERVICES", "Print the service config hash, one per line (\"*\" for all)", "--hash")
            .flag("Don't interpolate environment variables", "--no-interpolate")
            .flag("Don't normalize compose model", "--no-normalize")
            .flag("Don't check model consistency - warning: may produce invalid Compose output", "--no-consistency")
            .flag("Print model variables and default values", "--variables")
            .flag("Print environment used for interpolation", "--environment")
            .option("FILE", "Save to file (default to stdout)", "-o", "--output")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    protected void bind(ParsedArgs args) {
        services = args.positionals();
        format = args.value("--format", "yaml");
        quiet = args.flag("--quiet");
        listServices = args.flag("--services");
        listVolumes = args.flag("--volumes");
        listNetworks = args.flag("--networks");
        listProfiles = args.flag("--profiles");
        listImages = args.flag("--images");
        listModels = args.flag("--models");
        hash = args.value("--hash");
        noInterpolate = args.flag("--no-interpolate");
        noNormalize = args.flag("--no-normalize");
        noConsistency = args.flag("--no-consistency");
        variables = args.flag("--variables");
        environment = args.flag("--environment");
        output = args.path("--output");
    }

    @Override
    public Integer call() throws IOException {
        if (!format.equals("yaml") && !format.equals("json")) {
            throw new UserError("unsupported format \"" + format + "\": use yaml or json");
        }
        PrintWriter err = err();
        if (variables) {
            java.util.List<String[]> rows = new ArrayList<>();
            ProjectLoading.variables(global()).forEach(v -> rows.add(new String[] {v.name(), Boolean.toString(v.required()),
                v.defaultValue() == null ? "" : v.defaultValue(), v.alternateValue() == null ? "" : v.alternateValue()}));
            dev.jcompose.cli.render.Table.print(out(), new String[] {"NAME", "REQUIRED", "DEFAULT VALUE", "ALTERNATE VALUE"},
                    rows);
            out().flush();
            return 0;
        }
        LoadedProject project = ProjectLoading.load(global(), services, !noInterpolate, !noConsistency, !noNormalize, err)
                .only(services);
        if (!noInterpolate && !noConsistency && !noNormalize) {
            project.project(); // binding checks every value's type, as docker compose's config does
        }
        if (quiet) {
            return 0;
        }
        String text;
        if (listServices) {
            text = lines(project.serviceNames());
        } else if (listVolumes) {
            text = lines(project.volumeNames());
        } else if (listNetworks) {
            text = lines(project.networkNames());
        } else if (listProfiles) {
            text = lines(project.profiles());
        } else if (listImages) {
            text = lines(project.images());
        } else if (listModels) {
            text = lines(project.models());
        } else if (hash != null) {
            List<String> names = hash.equals("*") ? project.serviceNames() : List.of(hash.split(","));
            List<String> out = new ArrayList<>();
            for (String s : names) {
                out.add(s + " " + project.configHash(s.strip()));
            }
            text = lines(out);
        } else if (environment) {
            List<String> out = new ArrayList<>();
            new java.util.TreeMap<>(project.environment()).forEach((k, v) -> out.add(k + "=" + v));
            text = lines(out);
        } else {
            text = format.equals("json") ? project.json() : project.yaml();
        }
        if (output != null) {
            Files.writeString(output, text);
        } else {
            PrintWriter out = out();
            out.print(text);
            out.flush();
        }
        return 0;
    }

    private static String lines(List<String> items) {
        StringBuilder sb = new StringBuilder();
        items.forEach(i -> sb.append(i).append('\n'));
        return sb.toString();
    }
}
