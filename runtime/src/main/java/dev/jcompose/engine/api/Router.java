package dev.jcompose.engine.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps a method and a path such as {@code /v1.47/containers/abc/json} to its {@link Route}. Patterns
 * are written as Docker documents them ({@code /containers/{id}/json}); a {@code {name:.*}} parameter
 * may span slashes (image names). The version prefix is optional, as in Docker.
 */
public final class Router {
    private static final Pattern VERSION_PREFIX = Pattern.compile("^/v(\\d+\\.\\d+)(/.*)$");
    private static final Pattern PARAM = Pattern.compile("\\{(\\w+)(?::([^}]+))?}");

    private final List<Entry> entries = new ArrayList<>();

    /** A matched route with its path parameters and the API version the client asked for (or null). */
    public record Match(Route route, Map<String, String> params, String apiVersion) {
    }

    private record Entry(String method, Pattern pattern, List<String> names, Route route) {
    }

    public Router add(String method, String template, Route route) {
        List<String> names = new ArrayList<>();
        Matcher m = PARAM.matcher(template);
        StringBuilder regex = new StringBuilder("^");
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start())));
            names.add(m.group(1));
            regex.append('(').append(m.group(2) == null ? "[^/]+" : m.group(2)).append(')');
            last = m.end();
        }
        regex.append(Pattern.quote(template.substring(last))).append('$');
        entries.add(new Entry(method, Pattern.compile(regex.toString()), names, route));
        return this;
    }

    public Optional<Match> match(String method, String rawPath) {
        String path = rawPath;
        String version = null;
        Matcher v = VERSION_PREFIX.matcher(rawPath);
        if (v.matches()) {
            version = v.group(1);
            path = v.group(2);
        }
        String lookup = method.equals("HEAD") ? "GET" : method;
        for (Entry e : entries) {
            if (!e.method.equals(method) && !e.method.equals(lookup)) {
                continue;
            }
            Matcher m = e.pattern.matcher(path);
            if (m.matches()) {
                Map<String, String> params = new HashMap<>();
                for (int i = 0; i < e.names.size(); i++) {
                    params.put(e.names.get(i), m.group(i + 1));
                }
                return Optional.of(new Match(e.route, params, version));
            }
        }
        return Optional.empty();
    }
}
