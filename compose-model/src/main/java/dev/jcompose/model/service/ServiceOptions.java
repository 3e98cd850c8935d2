package dev.jcompose.model.service;

import java.util.List;
import java.util.Map;

/**
 * The less common container options: OCI runtime, isolation, storage driver options, and the
 * lifecycle hooks run after start and before stop, block IO
 * settings (null when not set) and {@code develop.watch} rules. {@code x-*} extensions are not kept in the typed
 * model (they are in the normalised tree the config command prints).
 */
public record ServiceOptions(String runtime, String isolation, Map<String, String> storageOpt, List<ServiceHook> postStart,
                             List<ServiceHook> preStop, BlkioConfig blkioConfig, List<WatchRule> watch) {
    public ServiceOptions {
        storageOpt = Map.copyOf(storageOpt);
        postStart = List.copyOf(postStart);
        preStop = List.copyOf(preStop);
        watch = List.copyOf(watch);
    }
}
