package dev.jcompose.cli;

import dev.jcompose.model.load.project.LoadedProject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code jcompose config}: parse, resolve and render the compose files in canonical form, as docker compose does. */
@Command(name = "config", aliases = "convert", description = "Parse, resolve and render compose file in canonical format")
final class ConfigCommand implements Callable<Integer> {
    @ParentCommand
    JcomposeCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SERVICE", arity = "0..*")
    List<String> services = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", description = "Format the output. Values: [yaml | json]")
    String format = "yaml";

    @Option(names = {"-q", "--quiet"}, description = "Only validate the configuration, don't print anything")
    boolean quiet;

    @Option(names = "--services", description = "Print the service names, one per line")
    boolean listServices;

    @Option(names = "--volumes", description = "Print the volume names, one per line")
    boolean listVolumes;

    @Option(names = "--networks", description = "Print the network names, one per line")
    boolean listNetworks;

    @Option(names = "--profiles", description = "Print the profile names, one per line")
    boolean listProfiles;

    @Option(names = "--images", description = "Print the image names, one per line")
    boolean listImages;

    @Option(names = "--models", description = "Print the model names, one per line")
    boolean listModels;

    @Option(names = "--hash", paramLabel = "SERVICES", description = "Print the service config hash, one per line (\"*\" for all)")
    String hash;

    @Option(names = "--no-interpolate", description = "Don't interpolate environment variables")
    boolean noInterpolate;

    @Option(names = "--no-normalize", description = "Don't normalize compose model")
    boolean noNormalize;

    @Option(names = "--no-consistency", description = "Don't check model consistency - warning: may produce invalid Compose output")
    boolean noConsistency;

    @Option(names = "--variables", description = "Print model variables and default values")
    boolean variables;

    @Option(names = "--environment", description = "Print environment used for interpolation")
    boolean environment;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Save to file (default to stdout)")
    Path output;

    @Override
    public Integer call() throws IOException {
        if (!format.equals("yaml") && !format.equals("json")) {
            throw new UserError("unsupported format \"" + format + "\": use yaml or json");
        }
        PrintWriter err = spec.commandLine().getErr();
        if (variables) {
            java.util.List<String[]> rows = new ArrayList<>();
            ProjectLoading.variables(parent.global()).forEach(v -> rows.add(new String[] {v.name(), Boolean.toString(v.required()),
                v.defaultValue() == null ? "" : v.defaultValue(), v.alternateValue() == null ? "" : v.alternateValue()}));
            dev.jcompose.cli.render.Table.print(spec.commandLine().getOut(), new String[] {"NAME", "REQUIRED", "DEFAULT VALUE", "ALTERNATE VALUE"},
                    rows);
            spec.commandLine().getOut().flush();
            return 0;
        }
        LoadedProject project = ProjectLoading.load(parent.global(), services, !noInterpolate, !noConsistency, !noNormalize, err)
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
            PrintWriter out = spec.commandLine().getOut();
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
