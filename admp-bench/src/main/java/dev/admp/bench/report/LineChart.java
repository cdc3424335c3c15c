package dev.admp.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A line chart as inline SVG with numeric axes from zero. Each series is a polyline (dashed for
 * reference lines) with a marker per point carrying {@code data-series}, {@code data-x} and
 * {@code data-y} (the exact figures).
 */
final class LineChart {
  private static final int WIDTH = 460;
  private static final int HEIGHT = 250;
  private static final int LEFT = 56;
  private static final int RIGHT = 150;
  private static final int TOP = 42;
  private static final int BOTTOM = 40;
  private static final int Y_TICKS = 4;

  /** A solid line for measurements, a dashed one for a reference such as the ideal. */
  enum Stroke { SOLID, DASHED }

  record Point(double x, double y) {}

  private record Series(String name, String colour, Stroke stroke, List<Point> points) {}

  private final String title;
  private final String xLabel;
  private final String yLabel;
  private final List<Series> series = new ArrayList<>();

  LineChart(String title, String xLabel, String yLabel) {
    this.title = title;
    this.xLabel = xLabel;
    this.yLabel = yLabel;
  }

  LineChart series(String name, String colour, Stroke stroke, List<Point> points) {
    series.add(new Series(name, colour, stroke, List.copyOf(points)));
    return this;
  }

  String svg() {
    TreeSet<Double> xs = new TreeSet<>();
    double maxY = 0;
    for (Series s : series) {
      for (Point p : s.points()) {
        xs.add(p.x());
        maxY = Math.max(maxY, p.y());
      }
    }
    double minX = xs.isEmpty() ? 0 : Math.min(0, xs.first());
    double maxX = xs.isEmpty() ? 1 : Math.max(xs.last(), minX + 1);
    double topY = maxY > 0 ? maxY * 1.1 : 1;
    Axes axes = new Axes(minX, maxX, topY);

    Markup m = new Markup().open("svg", "xmlns", "http://www.w3.org/2000/svg", "class", "chart line-chart",
        "width", Integer.toString(WIDTH), "height", Integer.toString(HEIGHT),
        "viewBox", "0 0 " + WIDTH + " " + HEIGHT, "role", "img", "aria-label", title);
    m.element("title", title);
    m.element("text", title, "x", "4", "y", "16", "class", "chart-title");
    axes.draw(m, xs);
    int legendY = TOP + 6;
    for (Series s : series) {
      StringBuilder points = new StringBuilder();
      for (Point p : s.points()) {
        points.append(BarChart.number(axes.x(p.x()))).append(',').append(BarChart.number(axes.y(p.y()))).append(' ');
      }
      String dash = s.stroke() == Stroke.DASHED ? "6 4" : "none";
      m.empty("polyline", "class", "series", "data-series", s.name(), "points", points.toString().strip(),
          "fill", "none", "stroke", s.colour(), "stroke-width", "2", "stroke-dasharray", dash);
      for (Point p : s.points()) {
        m.empty("circle", "class", "point", "cx", BarChart.number(axes.x(p.x())), "cy", BarChart.number(axes.y(p.y())),
            "r", "3", "fill", s.colour(), "data-series", s.name(),
            "data-x", Double.toString(p.x()), "data-y", Double.toString(p.y()));
      }
      int lx = WIDTH - RIGHT + 12;
      m.empty("line", "x1", Integer.toString(lx), "y1", Integer.toString(legendY), "x2", Integer.toString(lx + 20),
          "y2", Integer.toString(legendY), "stroke", s.colour(), "stroke-width", "2", "stroke-dasharray", dash);
      m.element("text", s.name(), "x", Integer.toString(lx + 26), "y", Integer.toString(legendY + 4), "class", "legend");
      legendY += 16;
    }
    return m.close("svg").toString();
  }

  /** Maps figures to pixels and draws the axes with their ticks. */
  private final class Axes {
    private final double minX;
    private final double maxX;
    private final double topY;

    Axes(double minX, double maxX, double topY) {
      this.minX = minX;
      this.maxX = maxX;
      this.topY = topY;
    }

    double x(double value) {
      return LEFT + (value - minX) / (maxX - minX) * (WIDTH - LEFT - RIGHT);
    }

    double y(double value) {
      return HEIGHT - BOTTOM - value / topY * (HEIGHT - TOP - BOTTOM);
    }

    void draw(Markup m, TreeSet<Double> xs) {
      String bottom = Integer.toString(HEIGHT - BOTTOM);
      m.empty("line", "class", "axis", "x1", Integer.toString(LEFT), "y1", bottom,
          "x2", Integer.toString(WIDTH - RIGHT), "y2", bottom, "stroke", "#555");
      m.empty("line", "class", "axis", "x1", Integer.toString(LEFT), "y1", Integer.toString(TOP),
          "x2", Integer.toString(LEFT), "y2", bottom, "stroke", "#555");
      for (double value : xs) {
        m.element("text", Formats.count(value), "x", BarChart.number(x(value)), "y", Integer.toString(HEIGHT - BOTTOM + 14),
            "text-anchor", "middle", "class", "tick");
      }
      for (int i = 0; i <= Y_TICKS; i++) {
        double value = topY * i / Y_TICKS;
        m.element("text", Formats.ms(value), "x", Integer.toString(LEFT - 4), "y", BarChart.number(y(value) + 4),
            "text-anchor", "end", "class", "tick");
        m.empty("line", "x1", Integer.toString(LEFT), "y1", BarChart.number(y(value)), "x2",
            Integer.toString(WIDTH - RIGHT), "y2", BarChart.number(y(value)), "stroke", "#ddd");
      }
      m.element("text", xLabel, "x", BarChart.number((LEFT + WIDTH - RIGHT) / 2.0), "y", Integer.toString(HEIGHT - 6),
          "text-anchor", "middle", "class", "axis-label");
      m.element("text", yLabel, "x", "4", "y", Integer.toString(TOP - 12), "class", "axis-label");
    }
  }
}
