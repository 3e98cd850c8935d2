package dev.jcompose.engine.container;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Docker's {@code KEY=value} environment lists: merged by name, later entries win, order kept. */
final class EnvList {
    private EnvList() {
    }

    static List<String> merge(List<String> base, List<String> overrides) {
        Map<String, String> byName = new LinkedHashMap<>();
        for (List<String> list : List.of(base, overrides)) {
            for (String entry : list) {
                int eq = entry.indexOf('=');
                byName.put(eq < 0 ? entry : entry.substring(0, eq), entry);
            }
        }
        return new ArrayList<>(byName.values());
    }

    static Map<String, String> mergeLabels(Map<String, String> image, Map<String, String> container) {
        if (image.isEmpty()) {
            return container;
        }
        Map<String, String> out = new TreeMap<>(image);
        out.putAll(container);
        return out;
    }
}
