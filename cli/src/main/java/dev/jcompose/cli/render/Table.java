package dev.jcompose.cli.render;

import java.io.PrintWriter;
import java.util.List;

/** docker compose's tables: left-aligned columns, three spaces apart. */
public final class Table {
    private Table() {
    }

    public static void print(PrintWriter out, String[] header, List<String[]> rows) {
        print(out, header, rows, 0);
    }

    /**
     * As the docker CLI's tabwriter with {@code minWidth} (10 for {@code docker stats}): each column but the last is
     * its widest cell plus three spaces, and at least {@code minWidth} wide.
     */
    public static void print(PrintWriter out, String[] header, List<String[]> rows, int minWidth) {
        int[] width = new int[header.length];
        for (int i = 0; i < header.length; i++) {
            width[i] = header[i].length();
            for (String[] r : rows) {
                width[i] = Math.max(width[i], r[i].length());
            }
            width[i] = Math.max(width[i], minWidth - 3);
        }
        line(out, header, width);
        rows.forEach(r -> line(out, r, width));
    }

    private static void line(PrintWriter out, String[] cells, int[] width) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            sb.append(cells[i]);
            if (i < cells.length - 1) {
                sb.append(" ".repeat(width[i] - cells[i].length() + 3));
            }
        }
        out.println(sb.toString().stripTrailing());
    }
}
