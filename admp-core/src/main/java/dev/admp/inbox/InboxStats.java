package dev.admp.inbox;

/** Message counts by state, for one inbox or the whole hub. */
public record InboxStats(long queued, long leased, long acked, long expired, long dead) {
  public static final InboxStats EMPTY = new InboxStats(0, 0, 0, 0, 0);

  public long total() {
    return queued + leased + acked + expired + dead;
  }

  public InboxStats plus(InboxStats other) {
    return new InboxStats(queued + other.queued, leased + other.leased, acked + other.acked,
        expired + other.expired, dead + other.dead);
  }

  public InboxStats plus(MessageState state, long n) {
    return switch (state) {
      case QUEUED -> new InboxStats(queued + n, leased, acked, expired, dead);
      case LEASED -> new InboxStats(queued, leased + n, acked, expired, dead);
      case ACKED -> new InboxStats(queued, leased, acked + n, expired, dead);
      case EXPIRED -> new InboxStats(queued, leased, acked, expired + n, dead);
      case DEAD -> new InboxStats(queued, leased, acked, expired, dead + n);
    };
  }
}
