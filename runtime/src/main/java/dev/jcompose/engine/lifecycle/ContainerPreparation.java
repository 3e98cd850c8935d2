package dev.jcompose.engine.lifecycle;

import dev.jcompose.engine.container.ContainerException;
import dev.jcompose.engine.container.ContainerRecord;
import dev.jcompose.engine.container.ContainerService;
import dev.jcompose.engine.image.ref.Digest;
import dev.jcompose.engine.image.store.ImageRecord;
import dev.jcompose.engine.image.store.ImageStore;
import dev.jcompose.engine.shim.ShimSpec;
import dev.jcompose.engine.shim.UserNamespace;
import dev.jcompose.engine.volume.VolumeRecord;
import dev.jcompose.engine.volume.VolumeSource;
import dev.jcompose.engine.volume.VolumeStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything on disk before a container's shim runs: its {@code Mounts} (volumes made once), the
 * user resolved from the image's /etc/passwd and /etc/group, the /etc files, named volumes filled
 * from the image, {@code :U} binds chowned, all owned for the user namespace when remapping — and the
 * shim spec that puts them together.
 */
final class ContainerPreparation {
    /** What a start needs from the preparation: the spec to hand the shim, and who the process runs as. */
    record Prepared(ShimSpec spec, UserResolver.Identity user) {
    }

    private final ContainerService containers;
    private final ImageStore images;
    private final VolumeStore volumes;
    /** dockerd's --userns-remap: the user namespace of every container not created with UsernsMode host (null: none). */
    private final UserNamespace remap;

    ContainerPreparation(ContainerService containers, ImageStore images, VolumeStore volumes, UserNamespace remap) {
        this.containers = containers;
        this.images = images;
        this.volumes = volumes;
        this.remap = remap;
    }

    /**
     * The container's {@code Mounts} recorded, its named and anonymous volumes made once (Docker's create does it, so
     * inspect shows them before the first start; each start does it again). Not under the store's lock: volume rm takes both.
     */
    ContainerRecord recordMounts(ContainerRecord r) {
        List<ContainerRecord.MountPoint> mounts = ContainerMounts.of(r, this::volume);
        return containers.store().update(r.id(), c -> c.withMounts(mounts));
    }

    /** Prepares container {@code r} (its mounts recorded) in its directory {@code dir}; the spec is not written yet. */
    Prepared prepare(ContainerRecord r, Path dir) throws IOException {
        ImageRecord image = images.get(Digest.parse(r.image()))
                .orElseThrow(() -> new ContainerException(404, "No such image: " + r.config().image()));
        ImageRootfs rootfs = new ImageRootfs(images, image);
        UserResolver.Identity user = UserResolver.resolve(r.config().user(), rootfs.read("etc/passwd").orElse(null),
                rootfs.read("etc/group").orElse(null));
        UserNamespace userns = "host".equals(r.hostConfig().usernsMode()) ? null : remap;
        EtcFiles.write(r, dir, null, Path.of("/etc/resolv.conf"));
        EtcFiles.ownBy(dir, userns);
        if (userns != null) {
            RemappedPaths.searchable(dir);
        }
        VolumeCopyUp.copyUpNamedVolumes(r, rootfs, this::volume, userns);
        BindOwnership.apply(r.hostConfig().binds(), user, this::volumeSource, userns);
        ShimSpec spec = ContainerSpecs.build(r, user, rootfs.overlayData(dir), dir, this::volumeSource, this::netnsOf,
                containers::inspect).withUserns(userns);
        Files.deleteIfExists(spec.exitFile());
        return new Prepared(spec, user);
    }

    private VolumeRecord volume(String name) {
        return volumes.create(name, null, null, null);
    }

    private VolumeSource volumeSource(String name) {
        return VolumeSource.of(volumes.create(name, null, null, null));
    }

    /** {@code network_mode: container:X}: the network namespace of running container X. */
    private Path netnsOf(String idOrName) {
        ContainerRecord other = containers.inspect(idOrName);
        if (!other.state().running()) {
            throw new IllegalArgumentException("cannot join the network of container " + other.shortName() + ": it is not running");
        }
        return Path.of("/proc/" + other.state().pid() + "/ns/net");
    }
}
