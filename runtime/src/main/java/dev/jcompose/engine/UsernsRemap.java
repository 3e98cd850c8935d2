package dev.jcompose.engine;

import dev.jcompose.engine.shim.UserNamespace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * dockerd's {@code --userns-remap}: every container gets a user namespace whose ids 0.. are the
 * subordinate ranges of a host user. {@code default} is dockerd's user {@code dockremap};
 * {@code USER[:GROUP]} (names or numeric ids) is looked up in {@code /etc/subuid} and
 * {@code /etc/subgid} (by name, or by numeric id), each range following the previous one inside as
 * dockerd stacks them. jcompose also takes an explicit range {@code UID:GID:SIZE} (three numbers: ids
 * 0..SIZE-1 inside are UID.. and GID.. outside), which needs no entry in /etc.
 */
public final class UsernsRemap {
    /** The user dockerd remaps to with {@code default}. */
    public static final String DEFAULT_USER = "dockremap";

    private UsernsRemap() {
    }

    /** @param etc the directory holding passwd, group, subuid and subgid ({@code /etc}) */
    public static UserNamespace parse(String value, Path etc) {
        String v = value.strip();
        String[] parts = v.split(":", -1);
        if (parts.length == 3 && v.matches("\\d+:\\d+:\\d+")) {
            return explicit(v, parts);
        }
        if (v.isEmpty() || parts.length > 2 || parts[0].isEmpty() || (parts.length == 2 && parts[1].isEmpty())) {
            throw new IllegalArgumentException("--userns-remap \"" + value + "\": expected default, USER[:GROUP] or UID:GID:SIZE");
        }
        String user = v.equals("default") ? DEFAULT_USER : parts[0];
        String group = parts.length == 2 ? parts[1] : user;
        try {
            Entry u = lookup(etc.resolve("passwd"), user, "user");
            Entry g = parts.length == 2 || !user.matches("\\d+") ? lookup(etc.resolve("group"), group, "group")
                    : lookupById(etc.resolve("group"), u.gidOfUser(), "group", group);
            return new UserNamespace(ranges(etc.resolve("subuid"), u, "subuid"), ranges(etc.resolve("subgid"), g, "subgid"));
        } catch (IOException e) {
            throw new IllegalArgumentException("--userns-remap \"" + value + "\": reading " + etc + ": " + e.getMessage(), e);
        }
    }

    private static UserNamespace explicit(String v, String[] parts) {
        try {
            long size = Long.parseLong(parts[2]);
            return UserNamespace.of(Long.parseLong(parts[0]), Long.parseLong(parts[1]), size);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--userns-remap \"" + v + "\": " + e.getMessage(), e);
        }
    }

    /** A passwd or group line: name, numeric id, and (passwd) the user's primary group. */
    private record Entry(String name, long id, long gidOfUser) {
    }

    private static Entry lookup(Path file, String nameOrId, String kind) throws IOException {
        for (String line : lines(file)) {
            String[] f = line.split(":", -1);
            if (f.length >= 3 && (f[0].equals(nameOrId) || f[2].equals(nameOrId))) {
                return new Entry(f[0], Long.parseLong(f[2]), f.length >= 4 && f[3].matches("\\d+") ? Long.parseLong(f[3]) : -1);
            }
        }
        throw new IllegalArgumentException("--userns-remap: no " + kind + " \"" + nameOrId + "\" in " + file
                + (nameOrId.equals(DEFAULT_USER) ? " (dockerd creates it; here: useradd -r " + DEFAULT_USER
                + " and give it ranges in /etc/subuid and /etc/subgid, or pass UID:GID:SIZE)" : ""));
    }

    private static Entry lookupById(Path file, long gid, String kind, String fallback) throws IOException {
        return lookup(file, gid >= 0 ? Long.toString(gid) : fallback, kind);
    }

    /** The entity's ranges in a subordinate id file, stacked from 0 inside, as dockerd does. */
    private static List<UserNamespace.IdMapping> ranges(Path file, Entry who, String kind) throws IOException {
        List<UserNamespace.IdMapping> out = new ArrayList<>();
        long inside = 0;
        for (String line : lines(file)) {
            String[] f = line.strip().split(":");
            if (f.length == 3 && (f[0].equals(who.name()) || f[0].equals(Long.toString(who.id())))) {
                long start = Long.parseLong(f[1]);
                long size = Long.parseLong(f[2]);
                out.add(new UserNamespace.IdMapping(inside, start, size));
                inside += size;
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("--userns-remap: no " + kind + " ranges found for \"" + who.name() + "\" in " + file);
        }
        return out;
    }

    private static List<String> lines(Path file) throws IOException {
        try {
            return Files.readAllLines(file).stream().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        } catch (NoSuchFileException e) {
            return List.of();
        }
    }
}
