package dev.jcompose.engine.cgroup;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Picks the cgroup and cgroup2 mounts out of the text of {@code /proc/self/mountinfo}
 * (proc(5): {@code id parent major:minor root mountpoint options [optional...] - fstype source superoptions}).
 */
public final class MountinfoParser {
    private MountinfoParser() {
    }

    /** The cgroup mounts, in the order the file lists them. Lines that are not cgroups are skipped. */
    public static List<CgroupMount> cgroupMounts(String mountinfo) {
        List<CgroupMount> mounts = new ArrayList<>();
        int lineNo = 0;
        for (String line : mountinfo.split("\n")) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.trim().split(" ");
            int dash = Arrays.asList(f).indexOf("-");
            if (dash < 6 || f.length < dash + 3) {
                throw new IllegalArgumentException("parsing /proc/self/mountinfo line " + lineNo + ": malformed: " + line);
            }
            String fsType = f[dash + 1];
            if (!fsType.equals("cgroup") && !fsType.equals("cgroup2")) {
                continue;
            }
            String superOptions = f.length > dash + 3 ? f[dash + 3] : "";
            mounts.add(new CgroupMount(Path.of(unescape(f[4])), unescape(f[3]), fsType,
                    new LinkedHashSet<>(Arrays.asList(superOptions.split(",")))));
        }
        return mounts;
    }

    /** Undoes the kernel's octal escapes in paths ({@code \040} for a space, {@code \011}, {@code \012}, {@code \134}). */
    static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && isOctal(s, i + 1)) {
                out.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isOctal(String s, int from) {
        if (from + 3 > s.length()) {
            return false;
        }
        for (int i = from; i < from + 3; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '7') {
                return false;
            }
        }
        return true;
    }
}
