package dev.jcompose.model.load.bind;

import dev.jcompose.model.load.YNode;
import dev.jcompose.model.service.ServiceHook;
import dev.jcompose.model.service.ServiceOptions;
import java.util.ArrayList;
import java.util.List;

/** Binds a service's runtime, isolation, storage_opt and post_start/pre_stop hooks. */
final class OptionsBinder {
    private OptionsBinder() {
    }

    static ServiceOptions bind(Values v) {
        return new ServiceOptions(v.str("runtime"), v.str("isolation"), v.stringMap("storage_opt"), hooks(v, "post_start"),
                hooks(v, "pre_stop"));
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
}
