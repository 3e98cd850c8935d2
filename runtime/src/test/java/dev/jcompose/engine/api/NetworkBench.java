package dev.jcompose.engine.api;

import dev.jcompose.engine.Engine;
import dev.jcompose.engine.EngineConfig;
import dev.jcompose.engine.lifecycle.BusyboxImage;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Hand-run benchmark (as root; not a test): (1) dnsperf run in a container's network namespace
 * (nsenter) against the embedded DNS on the network's gateway, asking a container name; q/s from
 * dnsperf, p50/p99 from its per-answer latencies ({@code -v}); (2) network setup per container: the
 * median of {@code docker run -d} on a bridge network minus the median with {@code --network none} (noisy), and the
 * median of {@code docker network connect} of a running container (one CLI round trip included).
 * With a {@code rate} (queries/s), a third dnsperf run offers only that rate ({@code -Q}), for latency
 * without the queueing of dnsperf's 100 outstanding queries (at full speed the p50 is mostly that queue).
 * {@code java -cp runtime/target/classes:runtime/target/test-classes:DEPS dev.jcompose.engine.api.NetworkBench [seconds] [clients] [runs] [rate]}
 */
public final class NetworkBench {
    private NetworkBench() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        int rate = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        Path dir = Files.createTempDirectory("network-bench");
        Engine engine = new Engine(new EngineConfig(dir.resolve("root"), dir.resolve("run")));
        engine.start();
        try {
            BusyboxImage.install(engine.images(), "docker.io/library/tiny:1");
            DockerCli cli = new DockerCli(EngineApiTest.findOnPath("docker"), engine.config().socket(), dir);
            cli.ok("network", "create", "--subnet", "10.213.20.0/24", "network-bench");
            cli.ok("run", "-d", "--name", "network-target", "--network", "network-bench", "tiny:1", "sleep", "600");
            cli.ok("run", "-d", "--name", "network-client", "--network", "network-bench", "tiny:1", "sleep", "600");
            dns(cli, dir, seconds, clients, false, 0);
            dns(cli, dir, seconds, clients, true, 0);
            if (rate > 0) {
                dns(cli, dir, seconds, clients, true, rate);
            }
            setup(cli, runs);
        } finally {
            engine.removeEverything();
            engine.close();
        }
    }

    /**
     * @param verbose with per-answer latencies (for p50/p99; printing them costs dnsperf throughput, so q/s comes from a run without)
     * @param rate queries/s offered ({@code -Q}), 0 for as fast as answers come back
     */
    private static void dns(DockerCli cli, Path dir, int seconds, int clients, boolean verbose, int rate) throws Exception {
        String pid = cli.ok("inspect", "--format", "{{.State.Pid}}", "network-client");
        Path queries = dir.resolve("queries.txt");
        Files.writeString(queries, "network-target A\n".repeat(100));
        List<String> cmd = new ArrayList<>(List.of("nsenter", "-t", pid, "-n", "dnsperf", "-s", "10.213.20.1", "-d", queries.toString(),
                "-l", Integer.toString(seconds), "-c", Integer.toString(clients), "-T", "2"));
        if (verbose) {
            cmd.add("-v");
        }
        if (rate > 0) {
            cmd.addAll(List.of("-Q", Integer.toString(rate)));
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        List<Double> latencies = new ArrayList<>();
        List<String> summary = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("> ")) {
                    String[] f = line.trim().split("\\s+");
                    latencies.add(Double.parseDouble(f[f.length - 1]));
                } else if (line.contains("Queries") || line.contains("Latency") || line.contains("Run time") || line.contains("Response codes")) {
                    summary.add(line.strip());
                }
            }
        }
        p.waitFor();
        double[] l = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        String label = "dnsperf" + (verbose ? " -v" : "") + (rate > 0 ? " -Q " + rate : "") + ": ";
        summary.forEach(s -> System.out.println(label + s));
        if (l.length > 0) {
            System.out.printf("%s%d answers, p50 %.3f ms, p99 %.3f ms%n", label, l.length, l[l.length / 2] * 1000, l[(int) (l.length * 0.99)] * 1000);
        }
    }

    private static void setup(DockerCli cli, int runs) throws Exception {
        double none = medianRun(cli, runs, "none");
        double bridge = medianRun(cli, runs, "network-bench");
        System.out.printf("setup: docker run -d median %.1f ms with --network none, %.1f ms on a bridge network: %.1f ms for the network%n",
                none, bridge, bridge - none);
        cli.ok("network", "create", "--subnet", "10.213.21.0/24", "network-bench2");
        double[] ms = new double[runs];
        for (int i = -1; i < runs; i++) {
            long t0 = System.nanoTime();
            cli.ok("network", "connect", "network-bench2", "network-client");
            double took = (System.nanoTime() - t0) / 1e6;
            cli.ok("network", "disconnect", "network-bench2", "network-client");
            if (i >= 0) {
                ms[i] = took; // the first round makes the bridge and is left out
            }
        }
        Arrays.sort(ms);
        double[] base = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            cli.ok("network", "inspect", "--format", "{{.Id}}", "network-bench2");
            base[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(base);
        System.out.printf("setup: docker network connect of a running container (address, veth, DNS), median %.1f ms (min %.1f);"
                + " a docker network inspect round trip %.1f ms: %.1f ms for the network%n", ms[runs / 2], ms[0], base[runs / 2],
                ms[runs / 2] - base[runs / 2]);
    }

    private static double medianRun(DockerCli cli, int runs, String network) throws Exception {
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            String name = "network-setup-" + network + "-" + i;
            long t0 = System.nanoTime();
            cli.ok("run", "-d", "--name", name, "--network", network, "tiny:1", "sleep", "600");
            ms[i] = (System.nanoTime() - t0) / 1e6;
            cli.ok("rm", "-f", name);
        }
        Arrays.sort(ms);
        return ms[runs / 2];
    }
}
