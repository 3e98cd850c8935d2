package dev.jcompose.model.service;

import java.util.List;
import java.util.Map;

/**
 * The less common container options: OCI runtime, isolation, storage driver options, the
 * lifecycle hooks run after start and before stop, block IO settings (null when not set),
 * {@code develop.watch} rules, and the {@code pre_start} steps run in ephemeral containers before
 * start; {@code provider} (null when not set) names the external component managing the service. {@code x-*} extensions are not kept in the typed model (they are in the normalised tree the config command prints).
 */
public record ServiceOptions(String runtime, String isolation, Map<String, String> storageOpt, List<ServiceHook> postStart,
                             List<ServiceHook> preStop, BlkioConfig blkioConfig, List<WatchRule> watch, List<PreStartHook> preStart,
                             ServiceProvider provider) {
    public ServiceOptions {
        storageOpt = Map.copyOf(storageOpt);
        postStart = List.copyOf(postStart);
        preStop = List.copyOf(preStop);
        watch = List.copyOf(watch);
        preStart = List.copyOf(preStart);
    }
}
