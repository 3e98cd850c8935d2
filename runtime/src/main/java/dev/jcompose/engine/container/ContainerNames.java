package dev.jcompose.engine.container;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** Container IDs (64 hex) and names: Docker's name rule, and a generated name when none is given. */
public final class ContainerNames {
    private static final Pattern VALID = Pattern.compile("^/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$");
    private static final String[] LEFT = {"brave", "calm", "eager", "gentle", "happy", "jolly", "keen", "lucid", "merry",
        "nimble", "proud", "quiet", "sharp", "tender", "vivid", "witty"};
    private static final String[] RIGHT = {"ada", "babbage", "curie", "dijkstra", "euler", "fermat", "gauss", "hopper",
        "knuth", "lamport", "liskov", "noether", "pascal", "ritchie", "turing", "wirth"};

    private final SecureRandom random = new SecureRandom();

    public String newId() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The name without its leading slash; a 400 naming the rule when it breaks it. */
    public static String validate(String name) {
        if (!VALID.matcher(name).matches()) {
            throw ContainerException.badParameter("Invalid container name (" + name + "), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
        }
        return name.startsWith("/") ? name.substring(1) : name;
    }

    /**
     * An {@code adjective_scientist} name (a number appended after ten tries) that {@code reserve} accepted: it
     * reserves a candidate atomically, or answers false when the name is taken.
     */
    public String generate(Predicate<String> reserve) {
        for (int attempt = 0; ; attempt++) {
            String name = LEFT[random.nextInt(LEFT.length)] + "_" + RIGHT[random.nextInt(RIGHT.length)]
                    + (attempt < 10 ? "" : String.valueOf(random.nextInt(1000)));
            if (reserve.test(name)) {
                return name;
            }
        }
    }
}
