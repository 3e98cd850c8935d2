package dev.jcompose.engine.image.registry;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * What a user logged in with: a username and password, or an identity token (an OAuth refresh
 * token, which docker stores when the registry hands one out at login).
 *
 * @param identityToken null unless the login produced one
 */
public record Credentials(String username, String password, String identityToken) {
    public static Credentials basic(String username, String password) {
        return new Credentials(username, password, null);
    }

    public static Credentials identityToken(String token) {
        return new Credentials("<token>", "", token);
    }

    /** The {@code Authorization} value for HTTP basic auth. */
    public String basicHeader() {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "Credentials[" + username + ", secret hidden]";
    }
}
