package dev.jcompose.engine.container;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Container records and their rules, independent of HTTP: create (image defaults, names, IDs),
 * list with Docker's filters, inspect, rename and remove of containers that are not running.
 * Running containers are the business of the runtime, which updates records through the store.
 */
public final class ContainerService {
    private final ContainerStore store;
    private final ImageResolver images;
    private final ContainerNames names = new ContainerNames();
    private final Clock clock;
    private final boolean usernsRemap;

    public ContainerService(ContainerStore store, ImageResolver images, Clock clock) {
        this(store, images, clock, false);
    }

    /** @param usernsRemap whether containers are remapped into a user namespace (dockerd's --userns-remap): create refuses what it does */
    public ContainerService(ContainerStore store, ImageResolver images, Clock clock, boolean usernsRemap) {
        this.usernsRemap = usernsRemap;
        this.store = store;
        this.images = images;
        this.clock = clock;
    }

    public ContainerStore store() {
        return store;
    }

    /** Creates a container record; returns it. Name conflicts are 409s, unknown images 404s. */
    public ContainerRecord create(String requestedName, CreateRequest request) {
        ContainerConfig asked = request.config();
        if (asked.image() == null || asked.image().isBlank()) {
            throw ContainerException.badParameter("No image was specified");
        }
        if (usernsRemap) {
            UsernsConflicts.check(request.hostConfig());
        }
        String id = names.newId();
        String name;
        if (requestedName == null || requestedName.isEmpty()) {
            name = names.generate(candidate -> store.reserveName(candidate, id).isEmpty());
        } else {
            name = ContainerNames.validate(requestedName);
            store.reserveName(name, id).ifPresent(holder -> {
                throw ContainerException.nameInUse(name, holder);
            });
        }
        try {
            return create(id, name, request);
        } finally {
            store.releaseName(name, id);
        }
    }

    private ContainerRecord create(String id, String name, CreateRequest request) {
        ContainerConfig asked = request.config();
        ImageResolver.ResolvedImage image = images.resolve(asked.image())
                .orElseThrow(() -> new ContainerException(404, "No such image: " + asked.image()));
        ContainerConfig config = asked.withImageDefaults(image.defaults(), image.id());
        if (config.hostname() == null || config.hostname().isEmpty()) {
            config = withHostname(config, id.substring(0, 12));
        }
        List<String> argv = new ArrayList<>();
        if (config.entrypoint() != null) {
            argv.addAll(config.entrypoint());
        }
        if (config.cmd() != null) {
            argv.addAll(config.cmd());
        }
        if (argv.isEmpty()) {
            throw ContainerException.badParameter("no command specified");
        }
        var dir = store.directory(id);
        ContainerRecord record = new ContainerRecord(id, clock.instant().toString(), argv.get(0), argv.subList(1, argv.size()),
                ContainerState.created(), image.id(), dir.resolve("resolv.conf").toString(),
                dir.resolve("hostname").toString(), dir.resolve("hosts").toString(),
                dir.resolve(id + "-json.log").toString(), "/" + name, 0, "overlay2", "linux", null,
                request.hostConfig(), List.of(), config,
                new ContainerRecord.NetworkSettings(null, Map.of(), initialEndpoints(request)));
        store.add(record);
        return record;
    }

    private static Map<String, EndpointSettings> initialEndpoints(CreateRequest request) {
        Map<String, EndpointSettings> out = new LinkedHashMap<>(request.endpoints());
        String mode = request.hostConfig().effectiveNetworkMode();
        boolean attaches = !mode.equals("host") && !mode.equals("none") && !mode.startsWith("container:")
                && !mode.startsWith("service:");
        if (attaches && out.isEmpty()) {
            out.put(mode, new EndpointSettings(null, null, null, null, null, null, null, null, null, null, null, null, null,
                    null, null));
        }
        return out;
    }

    private static ContainerConfig withHostname(ContainerConfig c, String hostname) {
        return new ContainerConfig(hostname, c.domainname(), c.user(), c.attachStdin(), c.attachStdout(), c.attachStderr(),
                c.exposedPorts(), c.tty(), c.openStdin(), c.stdinOnce(), c.env(), c.cmd(), c.healthcheck(), c.image(),
                c.volumes(), c.workingDir(), c.entrypoint(), c.networkDisabled(), c.macAddress(), c.labels(), c.stopSignal(),
                c.stopTimeout());
    }

    /** {@code GET /containers/json}: running ones unless {@code all} (or a status filter), newest first. */
    public List<ContainerSummary> list(boolean all, ContainerFilters filters) {
        Instant now = clock.instant();
        boolean everything = all || filters.namesStatus();
        return store.list().stream()
                .filter(r -> everything || r.state().running())
                .filter(filters.predicate())
                .map(r -> ContainerSummary.of(r, now))
                .toList();
    }

    public ContainerRecord inspect(String idOrName) {
        return store.find(idOrName);
    }

    public void rename(String idOrName, String newName) {
        String valid = ContainerNames.validate(newName);
        ContainerRecord r = store.find(idOrName);
        if (r.shortName().equals(valid)) {
            throw ContainerException.badParameter("Renaming a container with the same name as its current name");
        }
        store.update(r.id(), c -> c.withName("/" + valid));
    }

    /**
     * IDs of containers attached to network {@code name}: by their endpoint settings, or by their network mode while
     * they run (a stopped container disconnected from its network-mode network no longer holds it, so compose can
     * recreate a changed network under it; it attaches by name when it starts).
     */
    public List<String> networkUsers(String name) {
        return store.list().stream().filter(r -> r.state().running() && name.equals(r.hostConfig().effectiveNetworkMode())
                || r.networkSettings() != null && r.networkSettings().networks().containsKey(name)).map(ContainerRecord::id).toList();
    }

    /** IDs of containers whose mounts (requested or made) name volume {@code name}. */
    public List<String> volumeUsers(String name) {
        return store.list().stream().filter(r -> usesVolume(r, name)).map(ContainerRecord::id).toList();
    }

    private static boolean usesVolume(ContainerRecord r, String name) {
        if (r.mounts().stream().anyMatch(m -> "volume".equals(m.type()) && name.equals(m.name()))) {
            return true;
        }
        HostConfig h = r.hostConfig();
        if (h.mounts() != null && h.mounts().stream().anyMatch(m -> "volume".equals(m.type()) && name.equals(m.source()))) {
            return true;
        }
        return h.binds() != null && h.binds().stream().anyMatch(b -> b.startsWith(name + ":"));
    }

    /** Removes a container that is not running; a running one is a 409 unless the caller stopped it first. */
    public ContainerRecord remove(String idOrName) {
        ContainerRecord r = store.find(idOrName);
        if (r.state().running()) {
            throw ContainerException.conflict("cannot remove container \"" + r.name()
                    + "\": container is running: stop the container before removing or force remove");
        }
        store.remove(r.id());
        return r;
    }
}
