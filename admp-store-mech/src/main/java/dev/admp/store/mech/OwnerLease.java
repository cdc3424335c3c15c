package dev.admp.store.mech;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The owner document {@code admp_hub/owner}: which hub owns the app, until when. A hub creates it at
 * start, renews it with heartbeats and deletes it at close; a hub that finds a live owner other than
 * itself refuses to start. An owner whose lease ended (a crashed hub) is taken over.
 *
 * <p>Mech has no conditional write, so two hubs taking over one dead owner in the same instant
 * could both succeed; the read-back after a take-over narrows that window to the request time.
 */
final class OwnerLease {
  static final String COLLECTION = "admp_hub";
  static final String KEY = "owner";

  private final MechDocuments documents;
  private final Clock clock;
  private final Duration ttl;
  private final String appId;
  private final String hubId = UUID.randomUUID().toString();
  private final String host = hostName();

  OwnerLease(MechDocuments documents, Clock clock, Duration ttl, String appId) {
    this.documents = documents;
    this.clock = clock;
    this.ttl = ttl;
    this.appId = appId;
  }

  String hubId() {
    return hubId;
  }

  void acquire() {
    Instant now = clock.instant();
    ObjectNode mine = document(now);
    if (documents.create(COLLECTION, KEY, mine) == MechDocuments.Created.CREATED) {
      return;
    }
    Optional<JsonNode> current = documents.get(COLLECTION, KEY);
    if (current.isPresent()) {
      JsonNode owner = current.get();
      Instant until = Instant.parse(owner.path("expires_at").asText(Instant.EPOCH.toString()));
      if (until.isAfter(now) && !hubId.equals(owner.path("hub_id").asText())) {
        throw new AppOwnedException("Mech app '" + appId + "' is owned by another live hub (hub "
            + owner.path("hub_id").asText("?") + " on " + owner.path("host").asText("?") + ", last heartbeat "
            + owner.path("heartbeat_at").asText("?") + ", lease until " + until + "). One hub owns a Mech app: stop "
            + "the other hub, wait until its lease ends, or give this hub another MECH_APP_ID.");
      }
      documents.update(COLLECTION, KEY, mine);
    } else {
      documents.create(COLLECTION, KEY, mine);
    }
    String holder = documents.get(COLLECTION, KEY).map(d -> d.path("hub_id").asText()).orElse("");
    if (!hubId.equals(holder)) {
      throw new AppOwnedException("Mech app '" + appId + "' was taken over by hub " + holder + " while this hub "
          + "started; one hub owns a Mech app");
    }
  }

  /**
   * Renews the lease; recreates the document if it went missing. Returns false, writing nothing,
   * when another hub holds the app now (it took over after this hub missed its heartbeats).
   */
  boolean heartbeat() {
    Optional<String> holder = documents.get(COLLECTION, KEY).map(d -> d.path("hub_id").asText());
    if (holder.isPresent() && !holder.get().equals(hubId)) {
      return false;
    }
    ObjectNode renewal = JsonNodeFactory.instance.objectNode();
    Instant now = clock.instant();
    renewal.put("heartbeat_at", now.toString());
    renewal.put("expires_at", now.plus(ttl).toString());
    if (documents.update(COLLECTION, KEY, renewal) instanceof MechDocuments.Updated.Missing) {
      documents.create(COLLECTION, KEY, document(now));
    }
    return true;
  }

  /** Deletes the owner document, if it is still this hub's. */
  void release() {
    if (documents.get(COLLECTION, KEY).map(d -> d.path("hub_id").asText()).filter(hubId::equals).isPresent()) {
      documents.delete(COLLECTION, KEY);
    }
  }

  private ObjectNode document(Instant now) {
    ObjectNode doc = JsonNodeFactory.instance.objectNode();
    doc.put("hub_id", hubId);
    doc.put("host", host);
    doc.put("started_at", now.toString());
    doc.put("heartbeat_at", now.toString());
    doc.put("expires_at", now.plus(ttl).toString());
    return doc;
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }
}
