package dev.jcompose.bench;

import dev.jcompose.model.Project;
import dev.jcompose.model.load.assemble.ProjectOptions;
import dev.jcompose.model.load.project.ComposeLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Warm load of a compose file through the whole pipeline (read, interpolate, schema, long form,
 * merge, normalise, bind). Run: {@code mvn -Pbench -pl bench -am package -DskipTests &&
 * java -jar bench/target/benchmarks.jar LoadBenchmark -p file=<path>}; the default file is the largest
 * file of the corpus that is a loadable project (compose-go.s larger using-variables.yaml is a schema-only fixture).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LoadBenchmark {
    @Param("../shared/corpus/awesome-compose/pihole-cloudflared-DoH/compose.yaml")
    public String file;

    private ProjectOptions options;

    @Setup
    public void setup() throws Exception {
        Path f = Path.of(file).toAbsolutePath().normalize();
        if (!Files.isRegularFile(f)) {
            throw new IllegalStateException("benchmark input " + f + " not found (run from the repository root)");
        }
        options = new ProjectOptions(f.getParent(), List.of(f.toString()), "bench", null, List.of(), List.of("*"), List.of(),
                Map.of("HOME", "/root"), () -> "", true);
    }

    @Benchmark
    public Project loadAndBind() {
        return ComposeLoader.load(options).project();
    }
}
