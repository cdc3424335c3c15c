package dev.admp.store.mech;

import com.fasterxml.jackson.databind.JsonNode;
import dev.admp.inbox.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Writes claimed changes to Mech and settles each in the index: commit what landed, roll back the rest. */
final class ClaimWriter {
  private final MechDocuments documents;
  private final BulkWriter bulk;
  private final InboxIndex index;

  ClaimWriter(MechDocuments documents, BulkWriter bulk, InboxIndex index) {
    this.documents = documents;
    this.bulk = bulk;
    this.index = index;
  }

  /**
   * One change, one update, asking for the merged document back when the server can. Rolls back
   * and rethrows when the update failed; empty when the document is gone.
   */
  Optional<Message> writeOne(Claim claim) {
    MechDocuments.Updated updated;
    try {
      updated = documents.update(MessageDocument.COLLECTION, claim.before().id().value(),
          MessageDocument.patch(claim.next()));
    } catch (RuntimeException e) {
      index.rollback(claim);
      throw e;
    }
    return switch (updated) {
      case MechDocuments.Updated.Applied applied -> {
        Message stored = applied.document().flatMap(ClaimWriter::message).orElse(claim.next());
        index.commit(claim, Optional.of(stored));
        yield Optional.of(stored);
      }
      case MechDocuments.Updated.Missing missing -> {
        index.commit(claim, Optional.empty());
        yield Optional.empty();
      }
    };
  }

  /**
   * Many changes, in batches or parallel single calls ({@link BulkWriter}). Per claim written: the
   * message now stored, or empty when it was deleted or was gone. Claims that could not be written
   * are rolled back and left out, so the next sweep takes them again.
   */
  List<Optional<Message>> writeAll(List<Claim> claims) {
    List<MechDocuments.Op> ops = claims.stream().map(c -> c.after()
        .map(next -> MechDocuments.Op.update(MessageDocument.COLLECTION, c.before().id().value(),
            MessageDocument.patch(next)))
        .orElseGet(() -> MechDocuments.Op.delete(MessageDocument.COLLECTION, c.before().id().value())))
        .toList();
    List<Integer> statuses = bulk.apply(ops);
    List<Optional<Message>> written = new ArrayList<>(claims.size());
    for (int i = 0; i < claims.size(); i++) {
      Claim c = claims.get(i);
      int status = statuses.get(i);
      if (status == 200 || status == 201 || status == 204) {
        index.commit(c, c.after());
        written.add(c.after());
      } else if (status == 404) {
        index.commit(c, Optional.empty());
        written.add(Optional.empty());
      } else {
        index.rollback(c);
      }
    }
    return written;
  }

  /** The merged document Mech returned; the claim's own result stands in if it cannot be read. */
  private static Optional<Message> message(JsonNode doc) {
    try {
      return Optional.of(MessageDocument.read(doc).message());
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
