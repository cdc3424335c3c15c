package dev.admp.store.mech;

import dev.admp.UnavailableException;
import dev.admp.store.StoreException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

/**
 * Applies many updates and deletes: in batches of 100 when the server has {@code batch}, else as
 * single calls; either way at bounded parallelism. Returns one status per operation; an operation that could
 * not be sent gets 503, so its caller rolls it back and a later sweep retries it.
 */
final class BulkWriter {
  static final int BATCH_LIMIT = 100;
  static final int UNSENT = 503;

  private final MechDocuments documents;
  private final boolean batch;
  private final ExecutorService executor;
  private final int parallelism;

  BulkWriter(MechDocuments documents, boolean batch, ExecutorService executor, int parallelism) {
    this.documents = documents;
    this.batch = batch;
    this.executor = executor;
    this.parallelism = parallelism;
  }

  List<Integer> apply(List<MechDocuments.Op> ops) {
    if (ops.isEmpty()) {
      return List.of();
    }
    if (ops.size() == 1) {
      return List.of(single(ops.getFirst()));
    }
    return batch ? batched(ops) : parallel(ops);
  }

  /** Batches go out concurrently, like single calls, so a sweep's wall time is about one round trip, not one per batch. */
  private List<Integer> batched(List<MechDocuments.Op> ops) {
    List<List<MechDocuments.Op>> chunks = new ArrayList<>();
    for (int from = 0; from < ops.size(); from += BATCH_LIMIT) {
      chunks.add(ops.subList(from, Math.min(ops.size(), from + BATCH_LIMIT)));
    }
    return concurrently(chunks, chunk -> {
      try {
        return documents.batch(chunk);
      } catch (UnavailableException | StoreException e) {
        return unsent(chunk);
      }
    }, BulkWriter::unsent);
  }

  private List<Integer> parallel(List<MechDocuments.Op> ops) {
    return concurrently(ops, op -> List.of(single(op)), op -> List.of(UNSENT));
  }

  /** Runs {@code call} on each item, at most {@code parallelism} at once; the statuses keep the items' order. */
  private <T> List<Integer> concurrently(List<T> items, Function<T, List<Integer>> call,
      Function<T, List<Integer>> unsentStatuses) {
    Semaphore slots = new Semaphore(parallelism);
    List<Future<List<Integer>>> futures = new ArrayList<>(items.size());
    for (T item : items) {
      futures.add(executor.submit(() -> {
        slots.acquire();
        try {
          return call.apply(item);
        } finally {
          slots.release();
        }
      }));
    }
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      try {
        statuses.addAll(futures.get(i).get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        statuses.addAll(unsentStatuses.apply(items.get(i)));
      } catch (java.util.concurrent.ExecutionException e) {
        statuses.addAll(unsentStatuses.apply(items.get(i)));
      }
    }
    return statuses;
  }

  private static List<Integer> unsent(List<MechDocuments.Op> chunk) {
    return Collections.nCopies(chunk.size(), UNSENT);
  }

  private int single(MechDocuments.Op op) {
    try {
      return switch (op.op()) {
        case "update" -> documents.update(op.collection(), op.key(), op.data().orElseThrow())
            instanceof MechDocuments.Updated.Applied ? 200 : 404;
        case "delete" -> documents.delete(op.collection(), op.key()) ? 204 : 404;
        default -> throw new IllegalArgumentException("bulk writes carry updates and deletes, not " + op.op());
      };
    } catch (UnavailableException | StoreException e) {
      return UNSENT;
    }
  }
}
