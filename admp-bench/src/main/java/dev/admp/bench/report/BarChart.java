package dev.admp.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A horizontal bar chart as inline SVG: one labelled bar per value, the value written beside it.
 * Each bar carries {@code data-label}, {@code data-series} and {@code data-value} (the exact figure).
 */
final class BarChart {
  private static final int WIDTH = 600;
  private static final int LABEL_WIDTH = 150;
  private static final int BAR_AREA = 330;
  private static final int ROW = 20;
  private static final int TOP = 26;

  private record Bar(String label, String series, double value, String valueText, String colour) {}

  private final String title;
  private final List<Bar> bars = new ArrayList<>();

  BarChart(String title) {
    this.title = title;
  }

  BarChart bar(String label, String series, double value, String valueText, String colour) {
    bars.add(new Bar(label, series, value, valueText, colour));
    return this;
  }

  String svg() {
    double max = bars.stream().mapToDouble(Bar::value).filter(Double::isFinite).max().orElse(0);
    double scale = max > 0 ? BAR_AREA / max : 0;
    int height = TOP + bars.size() * ROW + 8;
    Markup m = new Markup().open("svg", "xmlns", "http://www.w3.org/2000/svg", "class", "chart bar-chart",
        "width", Integer.toString(WIDTH), "height", Integer.toString(height),
        "viewBox", "0 0 " + WIDTH + " " + height, "role", "img", "aria-label", title);
    m.element("title", title);
    m.element("text", title, "x", "4", "y", "16", "class", "chart-title");
    for (int i = 0; i < bars.size(); i++) {
      Bar b = bars.get(i);
      int y = TOP + i * ROW;
      double length = Double.isFinite(b.value()) && b.value() > 0 ? Math.max(1, b.value() * scale) : 0;
      m.element("text", b.label(), "x", Integer.toString(LABEL_WIDTH - 6), "y", Integer.toString(y + 13),
          "text-anchor", "end", "class", "bar-label");
      m.empty("rect", "class", "bar", "x", Integer.toString(LABEL_WIDTH), "y", Integer.toString(y + 2),
          "width", number(length), "height", Integer.toString(ROW - 5), "fill", b.colour(),
          "data-label", b.label(), "data-series", b.series(), "data-value", Double.toString(b.value()));
      m.element("text", b.valueText(), "x", number(LABEL_WIDTH + length + 5), "y", Integer.toString(y + 13),
          "class", "bar-value");
    }
    return m.close("svg").toString();
  }

  static String number(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }
}
