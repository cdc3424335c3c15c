package dev.admp.store;

import static dev.admp.store.StoreTestData.ALICE;
import static dev.admp.store.StoreTestData.BOB;
import static dev.admp.store.StoreTestData.CAROL;
import static dev.admp.store.StoreTestData.agent;
import static dev.admp.store.StoreTestData.at;
import static dev.admp.store.StoreTestData.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.admp.agent.Agent;
import dev.admp.agent.AgentId;
import dev.admp.agent.AgentUpdate;
import dev.admp.agent.Registration;
import dev.admp.agent.Webhook;
import dev.admp.inbox.InboxStats;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Agents: atomic registration, lookup, each update, deletion with the inbox. */
public interface AgentContract extends StoreContract {

  private static Agent fullAgent() {
    Agent dave = agent(new AgentId("dave"));
    return new Agent(dave.id(), "agent://dave", "worker", dave.publicKey(), "{\"b\":{\"n\":2},\"a\":\"ä\"}",
        Optional.of(new Webhook("https://hooks.example/dave?x=1", "s3cret")), List.of(BOB, ALICE),
        at(-5), at(-1));
  }

  @Test
  default void registeredAgentIsFoundWithEveryField() {
    Agent dave = fullAgent();

    assertThat(store().registerAgent(dave)).isEqualTo(new Registration.Registered(dave));
    assertThat(store().findAgent(dave.id())).contains(dave);
  }

  @Test
  default void registeringATakenIdIsAlreadyExistsAndLeavesTheOriginalUntouched() {
    Agent original = fullAgent();
    store().registerAgent(original);
    Agent other = new Agent(original.id(), "dave", "other", agent(BOB).publicKey(), "{}",
        Optional.empty(), List.of(), at(10), at(10));

    assertThat(store().registerAgent(other)).isEqualTo(new Registration.AlreadyExists(original.id()));
    assertThat(store().findAgent(original.id())).contains(original);
  }

  @Test
  default void findingAnUnknownAgentIsEmpty() {
    assertThat(store().findAgent(new AgentId("nobody"))).isEmpty();
  }

  @Test
  default void heartbeatUpdateSetsLastHeartbeatAndMetadataOnly() {
    assertUpdate(new AgentUpdate.Heartbeat(at(30), "{\"load\":0.5,\"zone\":\"us\"}"));
  }

  @Test
  default void trustedAgentsUpdateReplacesTheTrustListInItsOrder() {
    assertUpdate(new AgentUpdate.TrustedAgents(List.of(CAROL, new AgentId("erin"))));
  }

  @Test
  default void trustedAgentsUpdateCanEmptyTheTrustList() {
    assertUpdate(new AgentUpdate.TrustedAgents(List.of()));
  }

  @Test
  default void setWebhookUpdateStoresUrlAndSecret() {
    assertUpdate(new AgentUpdate.SetWebhook(new Webhook("http://localhost:9/hook", "new-secret")));
  }

  @Test
  default void clearWebhookUpdateRemovesTheWebhook() {
    assertUpdate(new AgentUpdate.ClearWebhook());
  }

  private void assertUpdate(AgentUpdate update) {
    Agent dave = fullAgent();
    store().registerAgent(dave);

    assertThat(store().updateAgent(dave.id(), update)).contains(dave.with(update));
    assertThat(store().findAgent(dave.id())).contains(dave.with(update));
  }

  @Test
  default void updatingAnUnknownAgentIsEmptyAndCreatesNothing() {
    AgentId nobody = new AgentId("nobody");

    assertThat(store().updateAgent(nobody, new AgentUpdate.Heartbeat(at(1), "{}"))).isEmpty();
    assertThat(store().findAgent(nobody)).isEmpty();
  }

  @Test
  default void deletingAnAgentRemovesItAndEveryMessageOfItsInboxOnly() {
    var toBob = enqueued(message("m-1", ALICE, BOB), at(0));
    var toAlice = enqueued(message("m-2", BOB, ALICE), at(0));

    assertThat(store().deleteAgent(BOB)).isTrue();

    assertThat(store().findAgent(BOB)).isEmpty();
    assertThat(store().findMessage(toBob.id())).isEmpty();
    assertThat(store().inboxStats(BOB)).isEqualTo(InboxStats.EMPTY);
    assertThat(store().findMessage(toAlice.id())).contains(toAlice);
    assertThat(store().findAgent(ALICE)).isPresent();
  }

  @Test
  default void deletingAnUnknownAgentReturnsFalse() {
    assertThat(store().deleteAgent(new AgentId("nobody"))).isFalse();
  }

  @Test
  default void aDeletedAgentsIdCanBeRegisteredAgain() {
    given(BOB);
    store().deleteAgent(BOB);

    assertThat(store().registerAgent(agent(BOB))).isEqualTo(new Registration.Registered(agent(BOB)));
  }
}
