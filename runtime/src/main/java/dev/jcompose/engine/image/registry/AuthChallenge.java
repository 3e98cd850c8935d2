package dev.jcompose.engine.image.registry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed {@code WWW-Authenticate} challenge, e.g.
 * {@code Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/busybox:pull"}.
 *
 * @param scheme lower case: {@code bearer} or {@code basic}
 */
public record AuthChallenge(String scheme, Map<String, String> params) {
    public AuthChallenge {
        params = Map.copyOf(params);
    }

    /** The first challenge among the header values that this client can answer (bearer preferred). */
    public static Optional<AuthChallenge> pick(List<String> headerValues) {
        AuthChallenge basic = null;
        for (String v : headerValues) {
            AuthChallenge c = parse(v);
            if (c.scheme().equals("bearer")) {
                return Optional.of(c);
            }
            if (c.scheme().equals("basic") && basic == null) {
                basic = c;
            }
        }
        return Optional.ofNullable(basic);
    }

    /** Parses one header value: a scheme, then comma-separated {@code key=value} or {@code key="quoted value"} pairs. */
    public static AuthChallenge parse(String header) {
        String h = header.trim();
        int sp = h.indexOf(' ');
        String scheme = (sp < 0 ? h : h.substring(0, sp)).toLowerCase(Locale.ROOT);
        Map<String, String> params = new LinkedHashMap<>();
        int i = sp < 0 ? h.length() : sp + 1;
        while (i < h.length()) {
            while (i < h.length() && (h.charAt(i) == ' ' || h.charAt(i) == ',')) {
                i++;
            }
            int eq = h.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String key = h.substring(i, eq).trim().toLowerCase(Locale.ROOT);
            i = eq + 1;
            StringBuilder value = new StringBuilder();
            if (i < h.length() && h.charAt(i) == '"') {
                i++;
                while (i < h.length() && h.charAt(i) != '"') {
                    if (h.charAt(i) == '\\' && i + 1 < h.length()) {
                        i++;
                    }
                    value.append(h.charAt(i++));
                }
                i++;
            } else {
                while (i < h.length() && h.charAt(i) != ',') {
                    value.append(h.charAt(i++));
                }
            }
            params.put(key, value.toString().trim());
        }
        return new AuthChallenge(scheme, params);
    }

    public String realm() {
        return params.get("realm");
    }

    public String service() {
        return params.get("service");
    }

    public String scope() {
        return params.get("scope");
    }
}
