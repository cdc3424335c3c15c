package dev.admp.testkit.mech;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The documents of one Mech app: named collections of JSON objects kept in insertion order.
 * Every method is atomic (guarded by this object's monitor) and copies documents in and out,
 * so no caller can change stored data behind the store's back.
 */
final class AppDocuments {
  /** One document as returned by list. */
  record Entry(String key, ObjectNode document) {}

  /** A page of a list: the selected entries and how many documents matched in all. */
  record Page(List<Entry> entries, int total) {}

  private final Map<String, LinkedHashMap<String, ObjectNode>> collections = new HashMap<>();

  synchronized Optional<ObjectNode> get(String collection, String key) {
    return Optional.ofNullable(collection(collection).get(key)).map(ObjectNode::deepCopy);
  }

  /** False when the key exists. */
  synchronized boolean create(String collection, String key, ObjectNode document) {
    return collection(collection).putIfAbsent(key, document.deepCopy()) == null;
  }

  /** Shallow-merges {@code patch} into the document (a null value is stored as null); the merged copy, or empty. */
  synchronized Optional<ObjectNode> merge(String collection, String key, ObjectNode patch) {
    ObjectNode doc = collection(collection).get(key);
    if (doc == null) {
      return Optional.empty();
    }
    patch.properties().forEach(field -> doc.set(field.getKey(), field.getValue().deepCopy()));
    return Optional.of(doc.deepCopy());
  }

  synchronized boolean delete(String collection, String key) {
    return collection(collection).remove(key) != null;
  }

  synchronized Page list(String collection, Predicate<ObjectNode> filter, int offset, int limit) {
    List<Entry> entries = new ArrayList<>(Math.min(limit, 1000));
    int total = 0;
    for (Map.Entry<String, ObjectNode> e : collection(collection).entrySet()) {
      if (!filter.test(e.getValue())) {
        continue;
      }
      if (total >= offset && entries.size() < limit) {
        entries.add(new Entry(e.getKey(), e.getValue().deepCopy()));
      }
      total++;
    }
    return new Page(entries, total);
  }

  synchronized int size(String collection) {
    return collection(collection).size();
  }

  private LinkedHashMap<String, ObjectNode> collection(String name) {
    return collections.computeIfAbsent(name, n -> new LinkedHashMap<>());
  }
}
