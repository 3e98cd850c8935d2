package dev.jcompose.engine.image.archive;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcompose.engine.image.ImageException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code changes} of {@code docker import} / {@code docker commit} ({@code --change 'CMD ["sh"]'}):
 * Dockerfile instructions applied to an image config's {@code config} object, in Docker's field
 * names. Allowed, as docker's: CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, ONBUILD, USER, VOLUME, WORKDIR.
 */
public final class ImageChanges {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ImageChanges() {
    }

    /** Applies each change in order to {@code config} (modified in place, and returned). */
    public static ObjectNode apply(ObjectNode config, List<String> changes) {
        for (String change : changes) {
            String line = change.strip();
            if (line.isEmpty()) {
                continue;
            }
            int sp = firstSpace(line);
            String instruction = (sp < 0 ? line : line.substring(0, sp)).toUpperCase(Locale.ROOT);
            String rest = sp < 0 ? "" : line.substring(sp + 1).strip();
            switch (instruction) {
                case "CMD" -> config.set("Cmd", command(rest));
                case "ENTRYPOINT" -> config.set("Entrypoint", command(rest));
                case "ENV" -> env(config, rest, change);
                case "LABEL" -> pairs(rest, change).forEach(kv -> config.with("Labels").put(kv[0], kv[1]));
                case "EXPOSE" -> expose(config, rest, change);
                case "USER" -> config.put("User", required(rest, change));
                case "WORKDIR" -> config.put("WorkingDir", workdir(config.path("WorkingDir").asText(""), required(rest, change)));
                case "VOLUME" -> words(rest, change).forEach(v -> config.with("Volumes").putObject(v));
                case "ONBUILD" -> config.withArray("OnBuild").add(required(rest, change));
                default -> throw new ImageException(instruction + " is not a valid change command");
            }
        }
        return config;
    }

    private static int firstSpace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static String required(String rest, String change) {
        if (rest.isEmpty()) {
            throw new ImageException("change \"" + change.strip() + "\": the instruction needs an argument");
        }
        return rest;
    }

    /** JSON (exec) form as given; anything else is the shell form {@code /bin/sh -c "…"}, as in a Dockerfile. */
    private static ArrayNode command(String rest) {
        ArrayNode out = JSON.createArrayNode();
        JsonNode parsed = jsonArray(rest);
        if (parsed != null) {
            parsed.forEach(out::add);
            return out;
        }
        return out.add("/bin/sh").add("-c").add(rest);
    }

    private static JsonNode jsonArray(String rest) {
        if (!rest.startsWith("[")) {
            return null;
        }
        try {
            JsonNode n = JSON.readTree(rest);
            if (n.isArray()) {
                for (JsonNode e : n) {
                    if (!e.isTextual()) {
                        return null;
                    }
                }
                return n;
            }
        } catch (JsonProcessingException e) {
            // not JSON: the shell form
        }
        return null;
    }

    private static void env(ObjectNode config, String rest, String change) {
        List<String[]> vars;
        int sp = firstSpace(rest);
        String firstWord = sp < 0 ? rest : rest.substring(0, sp);
        if (!firstWord.contains("=")) {
            // legacy form: ENV NAME value with spaces
            vars = List.<String[]>of(new String[] {firstWord, sp < 0 ? "" : rest.substring(sp + 1).strip()});
        } else {
            vars = pairs(rest, change);
        }
        ArrayNode env = config.withArray("Env");
        for (String[] kv : vars) {
            for (int i = env.size() - 1; i >= 0; i--) {
                if (env.get(i).asText().startsWith(kv[0] + "=")) {
                    env.remove(i);
                }
            }
            env.add(kv[0] + "=" + kv[1]);
        }
    }

    private static void expose(ObjectNode config, String rest, String change) {
        for (String port : words(rest, change)) {
            int slash = port.indexOf('/');
            String proto = slash < 0 ? "tcp" : port.substring(slash + 1).toLowerCase(Locale.ROOT);
            String number = slash < 0 ? port : port.substring(0, slash);
            if (!number.matches("\\d{1,5}(-\\d{1,5})?") || !proto.matches("tcp|udp|sctp")) {
                throw new ImageException("change \"" + change.strip() + "\": invalid port \"" + port + "\"");
            }
            String[] range = number.split("-");
            int from = Integer.parseInt(range[0]);
            int to = range.length == 2 ? Integer.parseInt(range[1]) : from;
            for (int p = from; p <= to; p++) {
                config.with("ExposedPorts").putObject(p + "/" + proto);
            }
        }
    }

    private static String workdir(String previous, String dir) {
        if (dir.startsWith("/")) {
            return dir;
        }
        String base = previous.isEmpty() ? "/" : previous;
        return base.endsWith("/") ? base + dir : base + "/" + dir;
    }

    /** Words of the shell form, or the strings of a JSON array (VOLUME ["/a", "/b"]). */
    private static List<String> words(String rest, String change) {
        JsonNode arr = jsonArray(rest);
        List<String> out = new ArrayList<>();
        if (arr != null) {
            arr.forEach(n -> out.add(n.asText()));
        } else {
            out.addAll(tokens(rest));
        }
        if (out.isEmpty()) {
            throw new ImageException("change \"" + change.strip() + "\": the instruction needs an argument");
        }
        return out;
    }

    /** {@code KEY=value KEY2="value with spaces"} pairs. */
    private static List<String[]> pairs(String rest, String change) {
        List<String[]> out = new ArrayList<>();
        for (String token : tokens(rest)) {
            int eq = token.indexOf('=');
            if (eq <= 0) {
                throw new ImageException("change \"" + change.strip() + "\": \"" + token + "\" is not KEY=VALUE");
            }
            out.add(new String[] {token.substring(0, eq), token.substring(eq + 1)});
        }
        if (out.isEmpty()) {
            throw new ImageException("change \"" + change.strip() + "\": the instruction needs an argument");
        }
        return out;
    }

    /** Splits on whitespace outside double or single quotes, removing the quotes; a backslash escapes the next character. */
    private static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inToken = false;
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && quote != '\'') {
                cur.append(s.charAt(++i));
                inToken = true;
            } else if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    cur.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inToken = true;
            } else if (Character.isWhitespace(c)) {
                if (inToken) {
                    out.add(cur.toString());
                    cur.setLength(0);
                    inToken = false;
                }
            } else {
                cur.append(c);
                inToken = true;
            }
        }
        if (inToken) {
            out.add(cur.toString());
        }
        return out;
    }
}
