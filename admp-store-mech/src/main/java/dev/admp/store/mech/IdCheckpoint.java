package dev.admp.store.mech;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists of document keys kept in {@code admp_index}, for servers without {@code offset}: a list
 * call there sees only the first 1000 documents of a collection, so the hub writes down every key
 * (in the background and at close), and a restart reads the rest one by one. Keys written after
 * the last checkpoint of a hub that crashed stay invisible past the first 1000; {@code offset}
 * removes that limit.
 */
final class IdCheckpoint {
  static final String COLLECTION = "admp_index";
  static final int KEYS_PER_DOCUMENT = 1000;

  private final MechDocuments documents;

  IdCheckpoint(MechDocuments documents) {
    this.documents = documents;
  }

  void write(String collection, List<String> keys, Instant now) {
    int chunks = (keys.size() + KEYS_PER_DOCUMENT - 1) / KEYS_PER_DOCUMENT;
    for (int i = 0; i < chunks; i++) {
      ObjectNode chunk = JsonNodeFactory.instance.objectNode();
      ArrayNode ids = chunk.putArray("keys");
      keys.subList(i * KEYS_PER_DOCUMENT, Math.min(keys.size(), (i + 1) * KEYS_PER_DOCUMENT)).forEach(ids::add);
      upsert(collection + "-" + i, chunk);
    }
    ObjectNode manifest = JsonNodeFactory.instance.objectNode();
    manifest.put("chunks", chunks);
    manifest.put("count", keys.size());
    manifest.put("written_at", now.toString());
    upsert(collection, manifest);
  }

  List<String> read(String collection) {
    List<String> keys = new ArrayList<>();
    JsonNode manifest = documents.get(COLLECTION, collection).orElse(null);
    if (manifest == null) {
      return keys;
    }
    for (int i = 0; i < manifest.path("chunks").asInt(); i++) {
      documents.get(COLLECTION, collection + "-" + i)
          .ifPresent(chunk -> chunk.path("keys").forEach(k -> keys.add(k.asText())));
    }
    return keys;
  }

  private void upsert(String key, ObjectNode doc) {
    if (documents.update(COLLECTION, key, doc) instanceof MechDocuments.Updated.Missing) {
      documents.create(COLLECTION, key, doc);
    }
  }
}
