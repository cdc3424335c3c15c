package dev.admp.agent;

/** What {@code Store.registerAgent} did: created the agent, or found the id taken. */
public sealed interface Registration {
  record Registered(Agent agent) implements Registration {}

  record AlreadyExists(AgentId id) implements Registration {}
}
