package dev.jcompose.cli.compose;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Docker's multiplexed stream (8-byte frame headers: stream 1 stdout, 2 stderr, then a big-endian size) copied to two outputs as it arrives. */
public final class RawStreams {
    private RawStreams() {
    }

    public static void demux(InputStream raw, OutputStream out, OutputStream err) throws IOException {
        DataInputStream in = new DataInputStream(raw);
        byte[] header = new byte[8];
        while (true) {
            try {
                in.readFully(header);
            } catch (EOFException e) {
                return;
            }
            int size = ((header[4] & 0xff) << 24) | ((header[5] & 0xff) << 16) | ((header[6] & 0xff) << 8) | (header[7] & 0xff);
            byte[] payload = new byte[size];
            in.readFully(payload);
            OutputStream target = header[0] == 2 ? err : out;
            target.write(payload);
            target.flush();
        }
    }
}
