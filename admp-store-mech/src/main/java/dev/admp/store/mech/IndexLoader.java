package dev.admp.store.mech;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the index at start by reading every agent and message document: pages of 1000 with
 * {@code offset}; without it, the first 1000 from a list and the rest by key from the
 * {@link IdCheckpoint}.
 */
final class IndexLoader {
  private static final Logger LOG = LoggerFactory.getLogger(IndexLoader.class);
  static final int PAGE = 1000;

  private final MechDocuments documents;
  private final IdCheckpoint checkpoint;
  private final boolean offset;
  private final ExecutorService executor;
  private final int parallelism;

  IndexLoader(MechDocuments documents, IdCheckpoint checkpoint, boolean offset, ExecutorService executor,
      int parallelism) {
    this.documents = documents;
    this.checkpoint = checkpoint;
    this.offset = offset;
    this.executor = executor;
    this.parallelism = parallelism;
  }

  /** Feeds every document of the collection to {@code sink}; returns how many there were. */
  int forEach(String collection, Consumer<JsonNode> sink) {
    return offset ? paged(collection, sink) : listedThenByKey(collection, sink);
  }

  private int paged(String collection, Consumer<JsonNode> sink) {
    int seen = 0;
    while (true) {
      MechDocuments.Page page = documents.list(collection, PAGE, seen);
      page.entries().forEach(e -> sink.accept(e.document()));
      seen += page.entries().size();
      if (page.entries().isEmpty() || seen >= page.total()) {
        return seen;
      }
    }
  }

  private int listedThenByKey(String collection, Consumer<JsonNode> sink) {
    MechDocuments.Page first = documents.list(collection, PAGE, 0);
    Set<String> seen = new HashSet<>();
    first.entries().forEach(e -> {
      seen.add(e.key());
      sink.accept(e.document());
    });
    if (first.total() <= seen.size()) {
      return seen.size();
    }
    List<String> rest = checkpoint.read(collection).stream().filter(k -> !seen.contains(k)).toList();
    for (Optional<JsonNode> doc : fetch(collection, rest)) {
      doc.ifPresent(d -> {
        seen.add(d.path("id").asText());
        sink.accept(d);
      });
    }
    if (seen.size() < first.total()) {
      LOG.warn("mech index incomplete collection={} documents={} indexed={}: documents past the first {} written "
          + "after the last checkpoint of a hub that stopped without closing cannot be listed without the offset "
          + "capability", collection, first.total(), seen.size(), PAGE);
    }
    return seen.size();
  }

  private List<Optional<JsonNode>> fetch(String collection, List<String> keys) {
    Semaphore slots = new Semaphore(parallelism);
    List<Future<Optional<JsonNode>>> futures = new ArrayList<>(keys.size());
    for (String key : keys) {
      futures.add(executor.submit(() -> {
        slots.acquire();
        try {
          return documents.get(collection, key);
        } finally {
          slots.release();
        }
      }));
    }
    List<Optional<JsonNode>> docs = new ArrayList<>(keys.size());
    for (Future<Optional<JsonNode>> f : futures) {
      try {
        docs.add(f.get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new dev.admp.store.StoreUnavailableException("interrupted while rebuilding the index", e);
      } catch (java.util.concurrent.ExecutionException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        throw new dev.admp.store.StoreException("cannot rebuild the index", e.getCause());
      }
    }
    return docs;
  }
}
