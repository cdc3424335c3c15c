package dev.admp.store.mech;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.admp.store.StoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The Mech document calls, each one request (plus retries), with statuses read into outcomes. */
final class MechDocuments {
  /** What a create did. */
  enum Created { CREATED, DUPLICATE }

  /** What an update did: applied (with the merged document when the server returned it), or no such document. */
  sealed interface Updated {
    record Applied(Optional<JsonNode> document) implements Updated {}

    record Missing() implements Updated {}
  }

  /** One document of a list. */
  record Entry(String key, JsonNode document) {}

  record Page(List<Entry> entries, int total) {}

  /** One operation of a batch. */
  record Op(String op, String collection, String key, Optional<ObjectNode> data) {
    static Op update(String collection, String key, ObjectNode patch) {
      return new Op("update", collection, key, Optional.of(patch));
    }

    static Op delete(String collection, String key) {
      return new Op("delete", collection, key, Optional.empty());
    }
  }

  private final MechHttp http;
  private final boolean returnDocument;

  MechDocuments(MechHttp http, boolean returnDocument) {
    this.http = http;
    this.returnDocument = returnDocument;
  }

  /**
   * A 409 on a repeated attempt may be our own earlier attempt that landed: it counts as created
   * only when the stored document equals ours (one extra read, on that rare path only).
   */
  Created create(String collection, String key, ObjectNode data) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("collection_name", collection);
    body.put("document_key", key);
    body.set("data", data);
    MechHttp.Reply reply = http.send("POST", MechPaths.create(), body);
    return switch (reply.status()) {
      case 201 -> Created.CREATED;
      case 409 -> reply.repeated() && get(collection, key).filter(data::equals).isPresent()
          ? Created.CREATED : Created.DUPLICATE;
      default -> throw unexpected("create", collection, reply);
    };
  }

  Optional<JsonNode> get(String collection, String key) {
    MechHttp.Reply reply = http.get(MechPaths.get(collection, key));
    return switch (reply.status()) {
      case 200 -> Optional.of(reply.data().path("document"));
      case 404 -> Optional.empty();
      default -> throw unexpected("get", collection, reply);
    };
  }

  /** Asks for the merged document back when the server can return it. */
  Updated update(String collection, String key, ObjectNode patch) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.set("data", patch);
    if (returnDocument) {
      body.put("return_document", true);
    }
    MechHttp.Reply reply = http.send("PUT", MechPaths.document(collection, key), body);
    return switch (reply.status()) {
      case 200 -> new Updated.Applied(reply.data().has("document")
          ? Optional.of(reply.data().get("document")) : Optional.empty());
      case 404 -> new Updated.Missing();
      default -> throw unexpected("update", collection, reply);
    };
  }

  /** True when the document is gone because of this call; a 404 on a repeat is our earlier attempt. */
  boolean delete(String collection, String key) {
    MechHttp.Reply reply = http.delete(MechPaths.document(collection, key));
    return switch (reply.status()) {
      case 200, 204 -> true;
      case 404 -> reply.repeated();
      default -> throw unexpected("delete", collection, reply);
    };
  }

  Page list(String collection, int limit, int offset) {
    MechHttp.Reply reply = http.get(MechPaths.list(collection, limit, offset));
    if (reply.status() != 200) {
      throw unexpected("list", collection, reply);
    }
    List<Entry> entries = new ArrayList<>();
    for (JsonNode e : reply.body().path("data")) {
      entries.add(new Entry(e.path("document_key").asText(), e.path("document")));
    }
    return new Page(entries, reply.body().path("total").asInt(entries.size()));
  }

  /** One batch of at most 100 operations; the status of each, in order, as the single call would answer. */
  List<Integer> batch(List<Op> ops) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    var array = body.putArray("operations");
    for (Op op : ops) {
      ObjectNode o = array.addObject();
      o.put("op", op.op());
      o.put("collection_name", op.collection());
      o.put("document_key", op.key());
      op.data().ifPresent(d -> o.set("data", d));
    }
    MechHttp.Reply reply = http.send("POST", MechPaths.batch(), body);
    if (reply.status() != 200) {
      throw unexpected("batch", ops.isEmpty() ? "-" : ops.getFirst().collection(), reply);
    }
    List<Integer> statuses = new ArrayList<>(ops.size());
    JsonNode results = reply.data().path("results");
    for (int i = 0; i < ops.size(); i++) {
      int status = results.path(i).path("status").asInt(500);
      // A repeated batch finds its own earlier deletes done.
      statuses.add(status == 404 && reply.repeated() && ops.get(i).op().equals("delete") ? 204 : status);
    }
    return statuses;
  }

  private static StoreException unexpected(String call, String collection, MechHttp.Reply reply) {
    String code = reply.body().path("error").path("code").asText("");
    return new StoreException("Mech " + call + " on " + collection + " answered HTTP " + reply.status()
        + (code.isEmpty() ? "" : " " + code));
  }
}
