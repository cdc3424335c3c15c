package dev.admp.store.mech;

import dev.admp.UnavailableException;
import dev.admp.store.StoreException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Applies many updates and deletes: in batches of 100 when the server has {@code batch}, else as
 * single calls at bounded parallelism. Returns one status per operation; an operation that could
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

  private List<Integer> batched(List<MechDocuments.Op> ops) {
    List<Integer> statuses = new ArrayList<>(ops.size());
    for (int from = 0; from < ops.size(); from += BATCH_LIMIT) {
      List<MechDocuments.Op> chunk = ops.subList(from, Math.min(ops.size(), from + BATCH_LIMIT));
      try {
        statuses.addAll(documents.batch(chunk));
      } catch (UnavailableException | StoreException e) {
        statuses.addAll(Collections.nCopies(chunk.size(), UNSENT));
      }
    }
    return statuses;
  }

  private List<Integer> parallel(List<MechDocuments.Op> ops) {
    Semaphore slots = new Semaphore(parallelism);
    List<Future<Integer>> futures = new ArrayList<>(ops.size());
    for (MechDocuments.Op op : ops) {
      futures.add(executor.submit(() -> {
        slots.acquire();
        try {
          return single(op);
        } finally {
          slots.release();
        }
      }));
    }
    List<Integer> statuses = new ArrayList<>(ops.size());
    for (Future<Integer> f : futures) {
      try {
        statuses.add(f.get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        statuses.add(UNSENT);
      } catch (java.util.concurrent.ExecutionException e) {
        statuses.add(UNSENT);
      }
    }
    return statuses;
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
