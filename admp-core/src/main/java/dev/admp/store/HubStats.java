package dev.admp.store;

import dev.admp.inbox.InboxStats;

/** Hub-wide counts for {@code GET /api/stats}. */
public record HubStats(long agents, long onlineAgents, InboxStats messages) {}
