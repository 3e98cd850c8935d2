package dev.jcompose.cli;

import java.util.List;
import java.util.Set;

/**
 * Compiles the bundled compose schema, then (for the verbs that talk to the engine) makes the engine
 * client's JSON mapper, on a daemon thread while the main thread parses the command line and reads the
 * compose files. Reading the schema's 76 KB of JSON through the YAML parser, cold,
 * is the largest single step of a short verb (about a third of {@code config}'s run); on a second core
 * it overlaps the JVM's loading of the verb's classes and the compose file's parsing instead of following them. The main thread
 * needs no hand-over: the JVM makes it wait for a class initialisation another thread has begun. A
 * wrong guess costs only time: the verbs below never load a compose file, so they skip it, and
 * {@code config} never calls the engine.
 */
final class LoadWarmup {
    static final String SCHEMA = "dev.jcompose.model.load.schema.SchemaValidator";
    static final String ENGINE_CLIENT = "dev.jcompose.cli.engine.EngineClient";
    private static final Set<String> NO_ENGINE = Set.of("config", "convert");
    private static final Set<String> NO_PROJECT = Set.of("engine", "version", "image", "ls", "help", "-h", "--help", "-V", "--version");

    private LoadWarmup() {
    }

    /** Starts the warm-up unless {@code args} name no verb or one that loads no compose file. */
    static void start(String... args) {
        List<String> classes = classesFor(args);
        if (classes.isEmpty()) {
            return;
        }
        Thread t = new Thread(() -> {
            for (String c : classes) {
                init(c);
            }
        }, "load-warmup");
        t.setDaemon(true);
        t.start();
    }

    /** The classes to initialise ahead for {@code args}, in order: none, the schema, or the schema and the engine client. */
    static List<String> classesFor(String... args) {
        // plain loops: a stream here is the first of the run and costs its set-up on the main thread
        boolean engine = true;
        for (String a : args) {
            if (NO_PROJECT.contains(a)) {
                return List.of();
            }
            engine &= !NO_ENGINE.contains(a);
        }
        if (args.length == 0) {
            return List.of();
        }
        return engine ? List.of(SCHEMA, ENGINE_CLIENT) : List.of(SCHEMA);
    }

    private static void init(String className) {
        try {
            Class.forName(className, true, LoadWarmup.class.getClassLoader());
        } catch (Throwable e) { // the main thread meets the same failure where it uses the class, and reports it
        }
    }
}
