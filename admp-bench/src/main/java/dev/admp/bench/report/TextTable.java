package dev.admp.bench.report;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table: a title, a header row, left-aligned first column and right-aligned figures. */
final class TextTable {
  private final String title;
  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  TextTable(String title, String... header) {
    this.title = title;
    this.header = List.of(header);
  }

  TextTable row(String... cells) {
    if (cells.length != header.size()) {
      throw new IllegalArgumentException("expected " + header.size() + " cells, got " + cells.length);
    }
    rows.add(List.of(cells));
    return this;
  }

  boolean isEmpty() {
    return rows.isEmpty();
  }

  String render() {
    int[] widths = new int[header.size()];
    for (int c = 0; c < widths.length; c++) {
      widths[c] = header.get(c).length();
      for (List<String> row : rows) {
        widths[c] = Math.max(widths[c], row.get(c).length());
      }
    }
    StringBuilder out = new StringBuilder(title).append('\n');
    line(out, header, widths);
    int total = 0;
    for (int w : widths) {
      total += w + 2;
    }
    out.append("-".repeat(Math.max(0, total - 2))).append('\n');
    rows.forEach(row -> line(out, row, widths));
    return out.toString();
  }

  private static void line(StringBuilder out, List<String> cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < cells.size(); c++) {
      if (c > 0) {
        line.append("  ");
      }
      String cell = cells.get(c);
      String pad = " ".repeat(widths[c] - cell.length());
      line.append(c < 2 ? cell + pad : pad + cell);
    }
    out.append(line.toString().stripTrailing()).append('\n');
  }
}
