package dev.admp.server.ops;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.admp.inbox.InboxStats;
import dev.admp.store.HubStats;

/** The wire form of message and agent counts. */
public final class StatsJson {
  private StatsJson() {}

  /**
   * {@code {total, queued, leased, acked, failed, expired, dead}}. {@code failed} is kept for
   * clients of the reference hub; this hub never fails a message (it becomes dead after
   * {@code MAX_ATTEMPTS}), so it is always 0.
   */
  public static ObjectNode messages(InboxStats stats) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("total", stats.total());
    node.put("queued", stats.queued());
    node.put("leased", stats.leased());
    node.put("acked", stats.acked());
    node.put("failed", 0);
    node.put("expired", stats.expired());
    node.put("dead", stats.dead());
    return node;
  }

  /** {@code {agents:{total, online, offline}, messages:{...}}}. */
  public static ObjectNode hub(HubStats stats) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    ObjectNode agents = node.putObject("agents");
    agents.put("total", stats.agents());
    agents.put("online", stats.onlineAgents());
    agents.put("offline", Math.max(0, stats.agents() - stats.onlineAgents()));
    node.set("messages", messages(stats.messages()));
    return node;
  }
}
