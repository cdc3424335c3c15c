package dev.admp.inbox;

/** Lifecycle: queued → leased → acked; leased → queued; queued|leased → expired; leased → dead. */
public enum MessageState {
  QUEUED, LEASED, ACKED, EXPIRED, DEAD;

  /** Terminal states are purged {@code RETENTION_SEC} after {@code updatedAt}. */
  public boolean isTerminal() {
    return this == ACKED || this == EXPIRED || this == DEAD;
  }

  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
