package dev.jcompose.engine.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Writes a file tree as a tar stream, as Docker's archive endpoint does: the top entry is named
 * {@code rootName} (then {@code rootName/child …}), links are stored as links and never followed,
 * modes, owners and times are kept; sockets are left out.
 */
public final class TreeTar {
    private TreeTar() {
    }

    /** {@code source} (a file, link or directory) as a tar on {@code out}; {@code out} is finished, not closed. */
    public static void write(Path source, String rootName, OutputStream out) throws IOException {
        write(source, rootName, out, IdShift.NONE);
    }

    /** With the owners shifted from the host's ids (a remapped container's files, as its processes see them). */
    public static void write(Path source, String rootName, OutputStream out, IdShift shift) throws IOException {
        TarArchiveOutputStream tar = new TarArchiveOutputStream(new NonClosing(out));
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        add(tar, source, rootName, shift);
        tar.finish();
        tar.close();
    }

    private static void add(TarArchiveOutputStream tar, Path p, String name, IdShift shift) throws IOException {
        UnixStat st = UnixStat.of(p);
        int mode = st.mode();
        int type = st.type();
        TarArchiveEntry e;
        if (type == 0120000) {
            e = new TarArchiveEntry(name, TarConstants.LF_SYMLINK);
            e.setLinkName(Files.readSymbolicLink(p).toString());
        } else if (type == 0040000) {
            e = new TarArchiveEntry(name + "/", TarConstants.LF_DIR);
        } else if (type == 0100000) {
            e = new TarArchiveEntry(name, TarConstants.LF_NORMAL);
            e.setSize(st.size());
        } else if (type == 0020000 || type == 0060000) {
            e = new TarArchiveEntry(name, type == 0020000 ? TarConstants.LF_CHR : TarConstants.LF_BLK);
            e.setDevMajor(st.devMajor());
            e.setDevMinor(st.devMinor());
        } else if (type == 0010000) {
            e = new TarArchiveEntry(name, TarConstants.LF_FIFO);
        } else {
            return; // sockets have no tar form
        }
        e.setMode(mode & 07777);
        e.setUserId(shift.uid().applyAsLong(st.uid()));
        e.setGroupId(shift.gid().applyAsLong(st.gid()));
        e.setModTime(st.lastModified().toMillis());
        tar.putArchiveEntry(e);
        if (type == 0100000) {
            try (InputStream in = Files.newInputStream(p, LinkOption.NOFOLLOW_LINKS)) {
                in.transferTo(tar);
            }
        }
        tar.closeArchiveEntry();
        if (type == 0040000) {
            List<Path> children;
            try (Stream<Path> s = Files.list(p)) {
                children = s.sorted().toList();
            }
            for (Path child : children) {
                add(tar, child, name + "/" + child.getFileName(), shift);
            }
        }
    }

    /** Lets the tar writer finish without closing the HTTP or file stream under it. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
