package dev.jcompose.model.service;

import java.util.List;

/** What a service's containers mount: volumes (long form), tmpfs paths, volumes_from, secrets, configs, devices, /dev/shm size, read-only rootfs. */
public record ServiceStorage(List<ServiceVolume> volumes, List<String> tmpfs, List<String> volumesFrom, List<FileReference> secrets,
                             List<FileReference> configs, List<DeviceMapping> devices, Long shmSize, boolean readOnly) {
    public ServiceStorage {
        volumes = List.copyOf(volumes);
        tmpfs = List.copyOf(tmpfs);
        volumesFrom = List.copyOf(volumesFrom);
        secrets = List.copyOf(secrets);
        configs = List.copyOf(configs);
        devices = List.copyOf(devices);
    }
}
