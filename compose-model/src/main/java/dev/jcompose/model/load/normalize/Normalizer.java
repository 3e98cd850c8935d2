package dev.jcompose.model.load.normalize;

import dev.jcompose.model.ComposeException;
import dev.jcompose.model.load.Nodes;
import dev.jcompose.model.load.YMap;
import dev.jcompose.model.load.YNode;
import dev.jcompose.model.load.YScalar;
import dev.jcompose.model.load.YSeq;
import dev.jcompose.model.load.assemble.RawProject;
import dev.jcompose.model.load.assemble.RelativePaths;
import dev.jcompose.model.load.output.CanonicalOrder;
import dev.jcompose.model.load.dotenv.DotEnv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A merged project in the shape {@code docker compose config} prints (the contract is
 * {@code compose-model/NORMALIZED.md}): services in name order with absolute paths, environment
 * resolved (env_file values under the service's own, bare names from the compose environment or
 * dropped, env_file then discarded), the default network attached where a service names none,
 * build defaults, implicit dependencies, durations, byte sizes, modes and integers in compose-go's
 * forms ({@link Durations}, {@link ByteSizes}, {@link ScalarForms}, {@link Integers},
 * {@link ImplicitDependencies}, {@link StringMaps}, {@link ZeroValues}), the top-level networks, volumes, secrets and configs with their
 * engine names, keys in compose-go's order; then {@link Consistency} checks references.
 *
 * <p>Chaining: {@code YamlReader} → {@code SchemaValidator.validate(file)} (per file) → assembler
 * (interpolation, long form, extends, merge, profiles) → {@link #normalize(YMap, NormalizeContext)}
 * → {@code YamlWriter.write} / {@code JsonWriter.write} for {@code config}, {@code ConfigHash.of}
 * per service, or the binder for typed records.
 */
public final class Normalizer {
    private final NormalizeContext ctx;
    private final boolean implicit;
    private final RelativePaths paths;
    private final Map<String, YSeq> envFiles = new TreeMap<>();

    private Normalizer(NormalizeContext ctx, boolean implicit) {
        this.ctx = ctx;
        this.implicit = implicit;
        this.paths = new RelativePaths(ctx.workingDir(), ctx.home());
    }

    /** {@link #normalize(YMap, NormalizeContext)} with the assembler's result as input and context. */
    public static YMap normalize(RawProject raw) {
        return normalize(raw.tree(), NormalizeContext.of(raw, true));
    }

    /**
     * The merged, interpolated, long-form tree in docker compose's canonical shape (see
     * {@code compose-model/NORMALIZED.md}), checked for consistency. Errors are located
     * {@link ComposeException}s.
     */
    public static YMap normalize(YMap merged, NormalizeContext ctx) {
        return normalize(merged, ctx, true).tree();
    }

    /**
     * The normalised tree of {@code raw} and, per service, the {@code env_file} entries the tree no longer
     * holds (long form, absolute paths) for the typed model; {@code consistency} false skips the
     * {@link Consistency} checks ({@code config --no-consistency}).
     */
    public static NormalizedProject normalize(RawProject raw, boolean consistency) {
        return normalize(raw, consistency, true);
    }

    /**
     * {@link #normalize(RawProject, boolean)}; {@code implicit} false ({@code config --no-normalize}) leaves
     * out what compose-go's {@code Normalize} adds (loader/normalize.go): the {@code default} network of
     * services that name none (and its top-level entry), the engine {@code name} of networks, volumes,
     * secrets and configs, build's default {@code context} and {@code dockerfile} and its args taken from
     * the environment, the dependencies implied by {@code links}, {@code volumes_from} and
     * {@code service:} namespaces, and {@code pull_policy: if_not_present} → {@code missing}. The canonical
     * forms (long syntax, durations, sizes, absolute paths) and the environment resolution stay, as in
     * docker compose, where other flags turn them off.
     */
    public static NormalizedProject normalize(RawProject raw, boolean consistency, boolean implicit) {
        return normalize(raw, consistency, implicit, true);
    }

    /** {@code envFilesRequired} false: a missing env file is skipped (verbs that only read what exists). */
    public static NormalizedProject normalize(RawProject raw, boolean consistency, boolean implicit, boolean envFilesRequired) {
        return normalize(raw.tree(), NormalizeContext.of(raw, envFilesRequired), consistency, implicit);
    }

    private static NormalizedProject normalize(YMap merged, NormalizeContext ctx, boolean consistency) {
        return normalize(merged, ctx, consistency, true);
    }

    private static NormalizedProject normalize(YMap merged, NormalizeContext ctx, boolean consistency, boolean implicit) {
        Normalizer n = new Normalizer(ctx, implicit);
        YMap out = CanonicalOrder.project(n.run(merged));
        if (consistency) {
            Consistency.check(out, ctx.disabledServices());
        }
        return new NormalizedProject(out, n.envFiles);
    }

    private YMap run(YMap merged) {
        YMap tree = paths.file(merged);
        Map<String, YNode> top = new LinkedHashMap<>();
        top.put("name", Nodes.str(ctx.projectName(), tree.mark()));
        boolean usesDefault = false;
        if (tree.get("services") instanceof YMap services) {
            Map<String, YNode> sorted = new TreeMap<>();
            for (var e : services.entries().entrySet()) {
                YMap s = service(Nodes.asMap(e.getValue(), "services." + e.getKey()), "services." + e.getKey());
                usesDefault |= s.get("networks") instanceof YMap n && n.has("default");
                sorted.put(e.getKey(), s);
            }
            top.put("services", new YMap(sorted, services.keyMarks(), services.mark(), services.tag()));
        } else {
            top.put("services", YMap.empty(tree.mark()));
        }
        YMap networks = tree.get("networks") instanceof YMap n ? n : YMap.empty(tree.mark());
        if (implicit && usesDefault && !networks.has("default")) {
            networks = networks.with("default", YMap.empty(tree.mark()));
        }
        putNamed(top, "networks", networks);
        putNamed(top, "volumes", tree.get("volumes"));
        putNamed(top, "secrets", tree.get("secrets"));
        putNamed(top, "configs", tree.get("configs"));
        if (tree.get("models") instanceof YMap models && !models.entries().isEmpty()) {
            top.put("models", new YMap(new TreeMap<>(models.entries()), models.keyMarks(), models.mark(), models.tag()));
        }
        for (var e : tree.entries().entrySet()) {
            if (e.getKey().startsWith("x-")) {
                top.put(e.getKey(), e.getValue());
            }
        }
        return Nodes.map(top, tree.mark());
    }

    private void putNamed(Map<String, YNode> top, String key, YNode value) {
        if (!(value instanceof YMap m) || m.entries().isEmpty()) {
            return;
        }
        Map<String, YNode> out = new TreeMap<>();
        for (var e : m.entries().entrySet()) {
            YMap def = e.getValue() instanceof YScalar s && s.isNull() ? YMap.empty(s.mark()) : Nodes.asMap(e.getValue(), key + "." + e.getKey());
            boolean external = def.get("external") instanceof YScalar x && x.text().equals("true")
                    || def.get("external") instanceof YMap;
            if (def.get("external") instanceof YMap ext && ext.get("name") instanceof YScalar n) {
                def = def.with("name", n).with("external", Nodes.bool(true, ext.mark()));
            }
            if (def.get("ipam") instanceof YMap ipam && ipam.entries().isEmpty()) {
                def = def.without("ipam");
            }
            if (implicit && !def.has("name")) {
                def = def.with("name", Nodes.str(external ? e.getKey() : ctx.projectName() + "_" + e.getKey(), def.mark()));
            }
            if (key.equals("volumes")) {
                def = bindDevice(def);
            }
            def = ZeroValues.definition(StringMaps.definition(def));
            out.put(e.getKey(), def);
        }
        top.put(key, new YMap(out, m.keyMarks(), m.mark(), m.tag()));
    }

    private YMap service(YMap s, String path) {
        YMap out = s;
        for (String k : List.of("command", "entrypoint")) {
            if (out.get(k) instanceof YScalar c && c.isNull()) {
                out = out.without(k);
            }
        }
        out = environment(out, path);
        out = LabelFiles.apply(out, path, ctx.environment());
        if (implicit && out.get("pull_policy") instanceof YScalar p && p.text().equals("if_not_present")) {
            out = out.with("pull_policy", p.withText("missing"));
        }
        if (out.get("deploy") instanceof YMap d) {
            for (String k : List.of("resources", "placement")) { // empty structs the JSON form carries
                if (d.get(k) instanceof YMap m && m.entries().isEmpty()) {
                    d = d.without(k);
                }
            }
            out = out.with("deploy", d);
        }
        out = Durations.normalize(out, path);
        out = ByteSizes.normalize(out, path);
        out = ScalarForms.normalize(out, path);
        out = Integers.normalize(out, path);
        if (implicit) {
            out = ImplicitDependencies.add(out);
        }
        out = StringMaps.service(out);
        out = Hooks.normalize(out, path);
        out = ZeroValues.service(out);
        boolean noNetworks = !out.has("networks") || out.get("networks") instanceof YMap n && n.entries().isEmpty()
                || out.get("networks") instanceof YScalar ns && ns.isNull();
        if (implicit && !out.has("network_mode") && noNetworks) {
            out = out.with("networks", Nodes.map(Map.of("default", Nodes.nul(s.mark())), s.mark()));
        }
        if (out.get("build") instanceof YMap b) {
            if (implicit && !b.has("context")) {
                b = b.with("context", Nodes.str(ctx.workingDir().toString(), b.mark()));
            }
            if (implicit && b.get("args") instanceof YMap args) {
                b = b.with("args", resolved(args));
            }
            if (b.get("additional_contexts") instanceof YMap contexts) {
                YMap nc = contexts;
                for (var e : contexts.entries().entrySet()) {
                    if (e.getValue() instanceof YScalar c && !c.isNull() && !c.text().contains("://") && !c.text().contains(":")) {
                        nc = nc.with(e.getKey(), c.withText(paths.resolve(c.text())));
                    }
                }
                b = b.with("additional_contexts", nc);
            }
            if (b.get("secrets") instanceof YSeq secrets) {
                b = b.with("secrets", new YSeq(secrets.items().stream().map(i -> i instanceof YScalar sc
                        ? (YNode) Nodes.map(Map.of("source", sc), sc.mark()) : i).toList(), secrets.mark(), secrets.tag()));
            }
            if (implicit && !b.has("dockerfile") && !b.has("dockerfile_inline")) {
                b = b.with("dockerfile", Nodes.str("Dockerfile", b.mark()));
            }
            out = out.with("build", b);
        }
        return out;
    }

    /** A local volume that is really a bind mount ({@code o: bind}) has its {@code device} made absolute. */
    private YMap bindDevice(YMap volume) {
        if (volume.get("driver_opts") instanceof YMap opts && opts.get("o") instanceof YScalar o && o.text().equals("bind")
                && (!volume.has("driver") || volume.get("driver") instanceof YScalar d && d.text().equals("local"))
                && opts.get("device") instanceof YScalar dev) {
            return volume.with("driver_opts", opts.with("device", dev.withText(paths.resolve(dev.text()))));
        }
        return volume;
    }

    /** Build args without a value take the environment's value or are dropped, as compose-go resolves them. */
    private YMap resolved(YMap args) {
        YMap out = args;
        for (var e : args.entries().entrySet()) {
            if (e.getValue() instanceof YScalar v && v.isNull()) {
                String fromEnv = ctx.environment().get(e.getKey());
                out = fromEnv == null ? out.without(e.getKey()) : out.with(e.getKey(), Nodes.str(fromEnv, v.mark()));
            }
        }
        return out;
    }

    /**
     * env_file values first, then the service's own; bare names from the compose environment, else
     * dropped. {@code env_file} itself is then removed, as docker compose discards it once read.
     */
    private YMap environment(YMap s, String path) {
        Map<String, YNode> env = new LinkedHashMap<>();
        if (s.get("env_file") instanceof YSeq files) {
            envFiles.put(path.substring(path.indexOf('.') + 1), files);
            for (YNode f : files.items()) {
                YMap m = Nodes.asMap(f, path + ".env_file");
                String file = ((YScalar) m.get("path")).text();
                boolean required = !(m.get("required") instanceof YScalar r && r.text().equals("false"));
                if (!Files.isRegularFile(Path.of(file))) {
                    if (required && ctx.envFilesRequired(path.substring(path.indexOf('.') + 1))) {
                        throw new ComposeException(m.mark(), path + ".env_file", "env file " + file + " not found");
                    }
                    continue;
                }
                // values inside env files are interpolated from the project environment first, then the service's own
                Map<String, String> loaded = DotEnv.read(Path.of(file), k -> Optional.ofNullable(ctx.environment().get(k))
                        .or(() -> Optional.ofNullable(s.get("environment") instanceof YMap own && own.get(k) instanceof YScalar v
                                && !v.isNull() ? v.text() : null)));
                loaded.forEach((k, v) -> env.put(k, Nodes.str(v, m.mark())));
            }
        }
        if (s.get("environment") instanceof YMap own) {
            for (var e : own.entries().entrySet()) {
                if (e.getValue() instanceof YScalar v && v.isNull()) {
                    String fromEnv = ctx.environment().get(e.getKey());
                    if (fromEnv != null) {
                        env.put(e.getKey(), Nodes.str(fromEnv, v.mark()));
                    } else {
                        env.remove(e.getKey());
                    }
                } else {
                    env.put(e.getKey(), e.getValue());
                }
            }
        }
        YMap out = s.without("env_file"); // docker compose loads with WithDiscardEnvFile: values live on in environment
        if (env.isEmpty()) {
            return out.without("environment");
        }
        return out.with("environment", Nodes.map(new TreeMap<>(env), s.mark()));
    }
}
