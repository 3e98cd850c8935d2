package dev.jcompose.cli.compose;

import java.util.Map;

/**
 * Whether {@code up}, {@code create} and {@code down} remove orphan containers, resolved as docker
 * compose does: an explicit {@code --remove-orphans[=BOOL]} wins; without it,
 * {@code COMPOSE_REMOVE_ORPHANS} from the process environment, else from the project's {@code .env}
 * (or {@code --env-file}s) — the environment the project was loaded with, where the process wins.
 */
public final class RemoveOrphans {
    public static final String VARIABLE = "COMPOSE_REMOVE_ORPHANS";

    private RemoveOrphans() {
    }

    /** {@code flag} is null when the flag was not given; {@code environment} is the project's (process over .env). */
    public static boolean resolve(Boolean flag, Map<String, String> environment) {
        if (flag != null) {
            return flag;
        }
        return truthy(environment.get(VARIABLE));
    }

    /** Go's {@code strconv.ParseBool} true values, as docker compose reads its boolean variables. */
    static boolean truthy(String value) {
        if (value == null) {
            return false;
        }
        return switch (value.strip()) {
            case "1", "t", "T", "true", "TRUE", "True" -> true;
            default -> false;
        };
    }
}
