package dev.jcompose.engine.lifecycle;

import java.util.ArrayList;
import java.util.List;

/**
 * Docker's {@code User} values ({@code name}, {@code uid}, {@code name:group}, {@code uid:gid}) resolved
 * against the image's /etc/passwd and /etc/group: the uid, the primary gid, and the groups the user
 * is a member of. Unknown names are an error, as in Docker ("unable to find user x").
 */
public final class UserResolver {
    /** The resolved identity. */
    public record Identity(int uid, int gid, List<Integer> additionalGids, String home) {
    }

    private UserResolver() {
    }

    public static Identity resolve(String user, String passwd, String group) {
        String u = user == null || user.isEmpty() ? "0" : user;
        String g = null;
        int colon = u.indexOf(':');
        if (colon >= 0) {
            g = u.substring(colon + 1);
            u = u.substring(0, colon);
        }
        int uid;
        int gid = 0;
        String name = null;
        String home = "/";
        String[] entry = find(passwd, u, 0, 2);
        if (entry != null) {
            name = entry[0];
            uid = Integer.parseInt(entry[2]);
            gid = Integer.parseInt(entry[3]);
            home = entry.length > 5 ? entry[5] : "/";
        } else if (u.matches("[0-9]+")) {
            uid = Integer.parseInt(u);
        } else {
            throw new IllegalArgumentException("unable to find user " + u + ": no matching entries in passwd file");
        }
        if (g != null) {
            String[] ge = find(group, g, 0, 2);
            if (ge != null) {
                gid = Integer.parseInt(ge[2]);
            } else if (g.matches("[0-9]+")) {
                gid = Integer.parseInt(g);
            } else {
                throw new IllegalArgumentException("unable to find group " + g + ": no matching entries in group file");
            }
        }
        List<Integer> extra = new ArrayList<>();
        if (name != null && group != null) {
            for (String line : group.split("\n")) {
                String[] f = line.split(":", -1);
                if (f.length >= 4 && List.of(f[3].split(",")).contains(name)) {
                    int id = Integer.parseInt(f[2]);
                    if (id != gid && !extra.contains(id)) {
                        extra.add(id);
                    }
                }
            }
        }
        return new Identity(uid, gid, extra, home);
    }

    /** The entry whose name (field {@code nameField}) or id (field {@code idField}) is {@code key}. */
    private static String[] find(String file, String key, int nameField, int idField) {
        if (file == null) {
            return null;
        }
        for (String line : file.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(":", -1);
            if (f.length > idField && (f[nameField].equals(key) || f[idField].equals(key))) {
                return f;
            }
        }
        return null;
    }
}
