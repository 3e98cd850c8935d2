package dev.jcompose.model.load.bind;

import dev.jcompose.model.load.YNode;
import dev.jcompose.model.ComposeException;
import dev.jcompose.model.service.BlkioConfig;
import dev.jcompose.model.service.PreStartHook;
import dev.jcompose.model.service.ServiceHook;
import dev.jcompose.model.service.ServiceOptions;
import dev.jcompose.model.service.ServiceProvider;
import dev.jcompose.model.service.WatchRule;
import java.util.ArrayList;
import java.util.List;

/** Binds a service's runtime, isolation, storage_opt, pre_start steps, post_start/pre_stop hooks and provider. */
final class OptionsBinder {
    private OptionsBinder() {
    }

    static ServiceOptions bind(Values v) {
        return new ServiceOptions(v.str("runtime"), v.str("isolation"), v.stringMap("storage_opt"), hooks(v, "post_start"),
                hooks(v, "pre_stop"), blkio(v), watch(v), preStart(v), provider(v));
    }

    private static ServiceProvider provider(Values v) {
        if (!v.has("provider")) {
            return null;
        }
        Values p = v.child("provider");
        java.util.Map<String, List<String>> options = new java.util.LinkedHashMap<>();
        Values o = p.child("options");
        for (String k : o.map().entries().keySet()) {
            options.put(k, List.copyOf(o.strings(k)));
        }
        return new ServiceProvider(p.str("type"), options);
    }

    private static List<PreStartHook> preStart(Values v) {
        List<PreStartHook> out = new ArrayList<>();
        List<YNode> items = v.items("pre_start");
        for (int i = 0; i < items.size(); i++) {
            Values h = Values.of(items.get(i), v.path("pre_start") + "[" + i + "]");
            out.add(new PreStartHook(h.strings("command"), h.str("image"), h.str("user"), h.bool("privileged", false),
                    h.str("working_dir"), h.stringMap("environment"), h.bool("per_replica", false)));
        }
        return out;
    }

    private static List<ServiceHook> hooks(Values v, String key) {
        List<ServiceHook> out = new ArrayList<>();
        List<YNode> items = v.items(key);
        for (int i = 0; i < items.size(); i++) {
            Values h = Values.of(items.get(i), v.path(key) + "[" + i + "]");
            out.add(new ServiceHook(h.strings("command"), h.str("user"), h.bool("privileged", false), h.str("working_dir"),
                    h.stringMap("environment")));
        }
        return out;
    }

    private static BlkioConfig blkio(Values v) {
        if (!v.has("blkio_config")) {
            return null;
        }
        Values b = v.child("blkio_config");
        List<BlkioConfig.WeightDevice> weights = new ArrayList<>();
        List<YNode> items = b.items("weight_device");
        for (int i = 0; i < items.size(); i++) {
            Values w = Values.of(items.get(i), b.path("weight_device") + "[" + i + "]");
            Integer weight = w.intOrNull("weight");
            if (weight == null) {
                throw new ComposeException(items.get(i).mark(), w.path("weight"), "a weight is required");
            }
            weights.add(new BlkioConfig.WeightDevice(w.str("path"), weight));
        }
        return new BlkioConfig(b.intOrNull("weight"), weights, throttles(b, "device_read_bps", true),
                throttles(b, "device_write_bps", true), throttles(b, "device_read_iops", false), throttles(b, "device_write_iops", false));
    }

    private static List<BlkioConfig.Throttle> throttles(Values b, String key, boolean bytes) {
        List<BlkioConfig.Throttle> out = new ArrayList<>();
        List<YNode> items = b.items(key);
        for (int i = 0; i < items.size(); i++) {
            Values t = Values.of(items.get(i), b.path(key) + "[" + i + "]");
            Long rate = bytes ? t.bytes("rate") : t.longOrNull("rate");
            if (rate == null) {
                throw new ComposeException(items.get(i).mark(), t.path("rate"), "a rate is required");
            }
            out.add(new BlkioConfig.Throttle(t.str("path"), rate));
        }
        return out;
    }

    private static List<WatchRule> watch(Values v) {
        List<WatchRule> out = new ArrayList<>();
        Values develop = v.child("develop");
        List<YNode> items = develop.items("watch");
        for (int i = 0; i < items.size(); i++) {
            Values w = Values.of(items.get(i), develop.path("watch") + "[" + i + "]");
            out.add(new WatchRule(w.str("path"), w.str("action"), w.str("target"), w.strings("ignore"), w.strings("include"),
                    w.bool("initial_sync", false)));
        }
        return out;
    }
}
