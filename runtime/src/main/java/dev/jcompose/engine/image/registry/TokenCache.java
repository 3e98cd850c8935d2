package dev.jcompose.engine.image.registry;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Bearer tokens by (realm, service, scope), kept until shortly before they expire. */
final class TokenCache {
    private static final long MARGIN_SECONDS = 10;
    private final Map<String, Entry> tokens = new ConcurrentHashMap<>();
    private final Clock clock;

    private record Entry(String token, Instant expires) {
    }

    TokenCache(Clock clock) {
        this.clock = clock;
    }

    static String key(String realm, String service, String scope) {
        return realm + "|" + (service == null ? "" : service) + "|" + (scope == null ? "" : scope);
    }

    String get(String key) {
        Entry e = tokens.get(key);
        if (e == null || !clock.instant().isBefore(e.expires())) {
            return null;
        }
        return e.token();
    }

    void put(String key, String token, long expiresInSeconds) {
        long life = Math.max(1, expiresInSeconds - MARGIN_SECONDS);
        tokens.put(key, new Entry(token, clock.instant().plusSeconds(life)));
    }

    void invalidate(String key) {
        tokens.remove(key);
    }
}
