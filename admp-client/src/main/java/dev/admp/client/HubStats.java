package dev.admp.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Hub-wide counts.
 *
 * @param agentsTotal registered agents
 * @param agentsOnline agents whose last heartbeat is recent
 * @param agentsOffline the others
 * @param messages messages by state across all inboxes
 */
public record HubStats(long agentsTotal, long agentsOnline, long agentsOffline, InboxStats messages) {
  static HubStats from(JsonNode json) {
    JsonNode agents = json.path("agents");
    return new HubStats(Fields.number(agents, "total"), Fields.number(agents, "online"),
        Fields.number(agents, "offline"), InboxStats.from(json.path("messages")));
  }
}
