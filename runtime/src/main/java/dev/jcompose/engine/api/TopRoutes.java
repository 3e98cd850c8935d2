package dev.jcompose.engine.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jcompose.engine.container.ContainerRecord;
import dev.jcompose.engine.container.ContainerService;
import dev.jcompose.engine.proc.ContainerProcesses;
import dev.jcompose.engine.proc.PsTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /containers/{id}/top}: the container's processes in Docker's {@code {Titles, Processes}}
 * shape. Without {@code ps_args} (or with {@code -ef}) the rows are {@code ps -ef}'s, computed from
 * /proc; other {@code ps_args} run the host's {@code ps} with them and keep the container's rows,
 * as Docker does. 409 when the container is not running.
 */
public final class TopRoutes {
    /** Docker's {@code ContainerTopOKBody}. */
    record Top(@JsonProperty("Titles") List<String> titles, @JsonProperty("Processes") List<List<String>> processes) {
    }

    private final ContainerService containers;
    private final ContainerProcesses processes;

    public TopRoutes(ContainerService containers) {
        this(containers, new ContainerProcesses(Path.of("/proc")));
    }

    TopRoutes(ContainerService containers, ContainerProcesses processes) {
        this.containers = containers;
        this.processes = processes;
    }

    public void register(Router router) {
        router.add("GET", "/containers/{id}/top", ContainerRoutes.guarded(this::top));
    }

    private void top(ApiExchange ex) throws IOException {
        ContainerRecord r = containers.inspect(ex.path("id"));
        if (!r.state().running()) {
            throw ApiError.conflict("Container " + r.id() + " is not running");
        }
        List<Long> pids = processes.pids(r.id(), r.state().pid());
        String args = ex.query("ps_args").orElse("").strip();
        if (args.isEmpty() || args.equals("-ef")) {
            ex.sendJson(200, new Top(PsTable.TITLES, processes.psRows(pids, ZoneId.systemDefault())));
        } else {
            ex.sendJson(200, hostPs(args, Set.copyOf(pids)));
        }
    }

    /** Docker's way for other ps_args: the host's ps output, the rows whose PID column is one of the container's. */
    private static Top hostPs(String args, Set<Long> pids) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("ps"));
        cmd.addAll(Arrays.asList(args.split("\\s+")));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new ApiError(500, "ps " + args + " failed: " + output.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiError(500, "ps " + args + ": interrupted");
        }
        List<String> lines = output.lines().filter(l -> !l.isBlank()).toList();
        List<String> titles = lines.isEmpty() ? List.of() : Arrays.asList(lines.get(0).strip().split("\\s+"));
        int pidColumn = titles.indexOf("PID");
        if (pidColumn < 0) {
            throw ApiError.badRequest("Couldn't find PID field in ps output");
        }
        List<List<String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.strip().split("\\s+", titles.size());
            if (f.length > pidColumn && f[pidColumn].matches("[0-9]+") && pids.contains(Long.parseLong(f[pidColumn]))) {
                rows.add(Arrays.asList(f));
            }
        }
        return new Top(titles, rows);
    }
}
