package dev.jcompose.model.load.assemble;

import dev.jcompose.model.ComposeException;
import dev.jcompose.model.load.Nodes;
import dev.jcompose.model.load.YMap;
import dev.jcompose.model.load.YNode;
import dev.jcompose.model.load.YScalar;
import dev.jcompose.model.load.YSeq;
import dev.jcompose.model.load.YamlReader;
import dev.jcompose.model.load.interpolation.Interpolator;
import dev.jcompose.model.load.merge.TreeMerger;
import dev.jcompose.model.load.schema.SchemaValidator;
import dev.jcompose.model.load.transform.ShortSyntax;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Files → one merged tree, as docker compose assembles a project: find the files, build the
 * environment, and per file read the YAML, interpolate it, expand short syntax, resolve
 * {@code extends} and {@code include}; merge the files in order; name the project; apply profiles.
 * The result still needs normalising ({@code dev.jcompose.model.load.normalize}).
 */
public final class ProjectAssembler {
    private final ProjectOptions options;
    private final List<String> warnings = new ArrayList<>();
    private final Set<String> unset = new LinkedHashSet<>();

    private ProjectAssembler(ProjectOptions options) {
        this.options = options;
    }

    public static RawProject assemble(ProjectOptions options) {
        return new ProjectAssembler(options).run();
    }

    private RawProject run() {
        Path cwd = options.workingDir();
        Path firstEnvDir = options.projectDirectory() != null ? cwd.resolve(options.projectDirectory()).normalize() : cwd;
        // as docker compose: the .env of the working directory (or --project-directory, or the
        // --env-files) completes the process environment first; it finds the files, and the project
        // directory's own .env is read under it (the nearer file wins, e2e TestNestedDotEnv)
        Map<String, String> discoveryEnv = ProjectEnvironment.load(firstEnvDir, envFiles(cwd), options.osEnv());
        List<String> files = ConfigFiles.resolve(cwd, firstEnvDir, options.files(), discoveryEnv, warnings);
        Path projectDir = options.projectDirectory() != null ? cwd.resolve(options.projectDirectory()).normalize()
                : files.get(0).equals(ConfigFiles.STDIN) ? cwd : Path.of(files.get(0)).getParent();
        Map<String, String> env = ProjectEnvironment.load(projectDir, envFiles(cwd), discoveryEnv);
        YMap merged = null;
        for (String f : files) {
            YMap tree = loadFile(f, env, projectDir, new ArrayList<>());
            merged = merged == null ? tree : TreeMerger.merge(merged, tree);
        }
        String name = projectName(merged, env, projectDir);
        merged = merged.with("name", Nodes.str(name, merged.mark()));
        Profiles.Result p = Profiles.apply(merged, options.profiles(), env.get("COMPOSE_PROFILES"), options.services());
        unset.forEach(v -> warnings.add("The \"" + v + "\" variable is not set. Defaulting to a blank string."));
        return new RawProject(name, projectDir, files, p.tree(), env, p.active(), p.disabled(), warnings,
                Selection.of(p.tree(), options.services()));
    }

    /** {@code --env-file}s, else docker compose's {@code COMPOSE_ENV_FILES} (comma-separated), relative to the working directory. */
    private List<Path> envFiles(Path cwd) {
        List<String> given = options.envFiles();
        String fromEnv = options.osEnv().get("COMPOSE_ENV_FILES");
        if (given.isEmpty() && fromEnv != null && !fromEnv.isEmpty()) {
            given = java.util.Arrays.stream(fromEnv.split(",")).map(String::strip).filter(f -> !f.isEmpty()).toList();
        }
        return given.stream().map(cwd::resolve).map(Path::normalize).toList();
    }

    /** One compose file: read, interpolate, long form, extends, include. */
    private YMap loadFile(String file, Map<String, String> env, Path projectDir, List<String> includeChain) {
        YMap tree = parse(file, env);
        Path fileDir = file.equals(ConfigFiles.STDIN) ? options.workingDir() : Path.of(file).getParent();
        tree = rebaseExtendsFiles(tree, fileDir);
        Extends ext = new Extends(other -> new RelativePaths(other.getParent(), home()).file(
                rebaseExtendsFiles(parse(other.toString(), env), other.getParent())));
        tree = ext.resolve(tree, file.equals(ConfigFiles.STDIN) ? options.workingDir().resolve("stdin") : Path.of(file));
        if (tree.get("include") != null) {
            tree = include(tree, file, fileDir, env, includeChain);
        }
        return tree;
    }

    private YMap parse(String file, Map<String, String> env) {
        String text;
        String display;
        if (file.equals(ConfigFiles.STDIN)) {
            text = options.stdin().get();
            display = "-";
        } else {
            try {
                text = Files.readString(Path.of(file));
            } catch (NoSuchFileException e) {
                throw new ComposeException("open " + file + ": no such file or directory");
            } catch (IOException e) {
                throw new ComposeException("reading " + file + ": " + e.getMessage());
            }
            display = file;
        }
        YMap tree = null;
        for (YNode doc : YamlReader.readAll(display, text)) {
            YMap m = doc instanceof YScalar s && s.isNull() ? YMap.empty(s.mark()) : Nodes.asMap(doc, "");
            tree = tree == null ? m : TreeMerger.merge(tree, m);
        }
        if (tree == null) {
            throw new ComposeException(display + ": empty compose file");
        }
        if (options.interpolate()) {
            Interpolator interpolator = new Interpolator(k -> Optional.ofNullable(env.get(k)), unset::add);
            tree = (YMap) interpolator.interpolate(tree, "");
            SchemaValidator.validate(tree);
        }
        if (tree.has("version")) {
            warnings.add(display + ": the attribute `version` is obsolete, it will be ignored, please remove it to avoid potential confusion");
            tree = tree.without("version");
        }
        return ShortSyntax.expand(tree);
    }

    /** {@code extends.file} is relative to the file that names it. */
    private YMap rebaseExtendsFiles(YMap tree, Path fileDir) {
        if (!(tree.get("services") instanceof YMap services)) {
            return tree;
        }
        RelativePaths rel = new RelativePaths(fileDir, home());
        Map<String, YNode> out = new LinkedHashMap<>();
        services.entries().forEach((k, v) -> out.put(k, v instanceof YMap m && m.get("extends") instanceof YMap e
                && e.get("file") instanceof YScalar f && !f.isNull() ? m.with("extends", e.with("file", Nodes.str(rel.resolve(f.text()), f.mark())))
                : v));
        return tree.with("services", new YMap(out, services.keyMarks(), services.mark(), services.tag()));
    }

    private YMap include(YMap tree, String file, Path fileDir, Map<String, String> env, List<String> chain) {
        if (chain.contains(file)) {
            chain.add(file);
            throw new ComposeException(tree.get("include").mark(), "include", "include cycle detected: " + String.join(" -> ", chain));
        }
        List<String> nextChain = new ArrayList<>(chain);
        nextChain.add(file);
        YSeq items = Nodes.asSeq(tree.get("include"), "include");
        YMap out = tree.without("include");
        for (int i = 0; i < items.items().size(); i++) {
            String p = "include[" + i + "]";
            YNode item = items.items().get(i);
            List<String> paths = new ArrayList<>();
            String projectDirectory = null;
            List<String> envFiles = new ArrayList<>();
            if (item instanceof YScalar s) {
                paths.add(s.text());
            } else {
                YMap m = Nodes.asMap(item, p);
                strings(m.get("path"), p + ".path", paths);
                strings(m.get("env_file"), p + ".env_file", envFiles);
                if (m.get("project_directory") instanceof YScalar d && !d.isNull()) {
                    projectDirectory = fileDir.resolve(d.text()).normalize().toString();
                }
            }
            if (paths.isEmpty()) {
                throw new ComposeException(item.mark(), p, "path is required");
            }
            List<String> absolute = paths.stream().map(x -> fileDir.resolve(x).normalize().toString()).toList();
            Path incDir = projectDirectory != null ? Path.of(projectDirectory) : Path.of(absolute.get(0)).getParent();
            List<Path> incEnvFiles = envFiles.stream().map(x -> fileDir.resolve(x).normalize()).toList();
            Map<String, String> incEnv = new LinkedHashMap<>(ProjectEnvironment.load(incDir, incEnvFiles, Map.of()));
            incEnv.putAll(env);
            YMap included = null;
            for (String f : absolute) {
                if (!Files.isRegularFile(Path.of(f))) {
                    throw new ComposeException(item.mark(), p, "included file " + f + " not found");
                }
                YMap t = loadFile(f, incEnv, incDir, nextChain);
                included = included == null ? t : TreeMerger.merge(included, t);
            }
            included = new RelativePaths(incDir, home()).file(included);
            out = importResources(out, included, absolute.get(0), p);
        }
        return out;
    }

    private static YMap importResources(YMap into, YMap included, String from, String path) {
        YMap out = into;
        for (String top : List.of("services", "networks", "volumes", "secrets", "configs")) {
            if (!(included.get(top) instanceof YMap inc)) {
                continue;
            }
            YMap existing = out.get(top) instanceof YMap e ? e : YMap.empty(inc.mark());
            for (var e : inc.entries().entrySet()) {
                if (existing.has(e.getKey())) {
                    throw new ComposeException(existing.keyMark(e.getKey()), top + "." + e.getKey(),
                            "conflicts with the " + top.substring(0, top.length() - 1) + " of the same name imported from " + from);
                }
                existing = existing.with(e.getKey(), e.getValue());
            }
            out = out.with(top, existing);
        }
        return out;
    }

    private static void strings(YNode n, String path, List<String> out) {
        if (n == null || (n instanceof YScalar s && s.isNull())) {
            return;
        }
        if (n instanceof YScalar s) {
            out.add(s.text());
            return;
        }
        for (YNode i : Nodes.asSeq(n, path).items()) {
            out.add(Nodes.asScalar(i, path).text());
        }
    }

    private String projectName(YMap tree, Map<String, String> env, Path projectDir) {
        if (options.projectName() != null && !options.projectName().isEmpty()) {
            return ProjectNames.validate(options.projectName(), "-p");
        }
        String fromEnv = env.get("COMPOSE_PROJECT_NAME");
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return ProjectNames.validate(fromEnv, "COMPOSE_PROJECT_NAME");
        }
        if (tree.get("name") instanceof YScalar n && !n.isNull() && !n.text().isEmpty()) {
            return ProjectNames.validate(n.text(), "the top-level name");
        }
        String fromDir = ProjectNames.normalize(projectDir.getFileName() == null ? "" : projectDir.getFileName().toString());
        if (fromDir.isEmpty()) {
            throw new ComposeException("project name must not be empty: name it with -p, COMPOSE_PROJECT_NAME or a top-level name");
        }
        return fromDir;
    }

    private Path home() {
        return Path.of(options.osEnv().getOrDefault("HOME", System.getProperty("user.home")));
    }
}
