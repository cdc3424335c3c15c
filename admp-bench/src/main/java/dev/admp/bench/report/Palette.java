package dev.admp.bench.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One colour per target, the same in every chart of a page. */
final class Palette {
  private static final List<String> COLOURS = List.of(
      "#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac");
  private final Map<String, String> assigned = new LinkedHashMap<>();

  String colour(String key) {
    return assigned.computeIfAbsent(key, k -> COLOURS.get(assigned.size() % COLOURS.size()));
  }
}
