package dev.jcompose.engine.lifecycle;

import dev.jcompose.engine.container.ContainerException;
import dev.jcompose.engine.container.ContainerRecord;
import dev.jcompose.engine.container.ContainerService;
import dev.jcompose.engine.container.HostConfig;
import dev.jcompose.engine.image.ref.Digest;
import dev.jcompose.engine.image.store.ImageRecord;
import dev.jcompose.engine.image.store.ImageStore;
import dev.jcompose.engine.shim.DockerDefaults;
import dev.jcompose.engine.shim.ShimExec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Processes in running containers ({@code docker exec}, health checks): the user resolved from the image's
 * /etc/passwd and /etc/group, the container's capabilities (all of them when privileged), through {@code shim exec}.
 */
final class ContainerExec {
    /** Who a container's processes run as: the resolved user and the capability mask. */
    record Identity(UserResolver.Identity user, long capabilities) {
    }

    private final ContainerService containers;
    private final ImageStore images;
    private final Path shim;

    ContainerExec(ContainerService containers, ImageStore images, Path shim) {
        this.containers = containers;
        this.images = images;
        this.shim = shim;
    }

    /** {@code user} (the container's own when empty) resolved in the image of {@code r}, with the caps of {@code r} (all if privileged). */
    Identity identity(ContainerRecord r, String user, boolean privileged) throws IOException {
        ImageRecord image = images.get(Digest.parse(r.image())).orElseThrow(() -> new IOException("image " + r.image() + " is gone"));
        ImageRootfs rootfs = new ImageRootfs(images, image);
        UserResolver.Identity id = UserResolver.resolve(user == null || user.isEmpty() ? r.config().user() : user,
                rootfs.read("etc/passwd").orElse(null), rootfs.read("etc/group").orElse(null));
        HostConfig h = r.hostConfig();
        long caps = DockerDefaults.capabilities(h.capAdd() == null ? List.of() : h.capAdd(), h.capDrop() == null ? List.of() : h.capDrop(),
                privileged || Boolean.TRUE.equals(h.privileged()));
        return new Identity(id, caps);
    }

    /**
     * Starts {@code cmd} in a running container as {@code user} (the container's user when empty), with
     * the container's environment plus {@code env}, in {@code workDir} (the container's when empty).
     */
    Process start(String idOrName, List<String> cmd, List<String> env, String user, String workDir, boolean privileged, ShimExec.Io io)
            throws IOException {
        ContainerRecord r = containers.inspect(idOrName);
        if (!r.state().running()) {
            throw ContainerException.conflict("container " + r.id() + " is not running");
        }
        if (r.state().paused()) {
            throw ContainerException.conflict("container " + r.id() + " is paused, unpause the container before exec");
        }
        Identity who = identity(r, user, privileged);
        List<String> fullEnv = new ArrayList<>(r.config().env());
        fullEnv.addAll(env);
        String cwd = workDir == null || workDir.isEmpty() ? r.config().workingDir() : workDir;
        return ShimExec.start(shim, r.state().pid(), cmd, fullEnv, cwd, who.user().uid(), who.user().gid(), who.capabilities(),
                containers.store().directory(r.id()), io);
    }
}
