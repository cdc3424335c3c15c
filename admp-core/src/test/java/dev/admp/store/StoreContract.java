package dev.admp.store;

import static dev.admp.store.StoreTestData.agent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.admp.agent.AgentId;
import dev.admp.inbox.EnqueueOutcome;
import dev.admp.inbox.LeaseMatch;
import dev.admp.inbox.Message;
import dev.admp.inbox.NewMessage;
import dev.admp.inbox.Transition;
import java.time.Instant;
import java.util.List;

/**
 * What every part of the storage contract needs: the store under test, opened fresh for each test
 * by {@link StoreContractTest}, and steps that set up state through the SPI itself.
 */
public interface StoreContract {
  Store store();

  /** Registers the agents unless they exist: backends may require both ends of a message to exist. */
  default void given(AgentId... ids) {
    for (AgentId id : ids) {
      store().registerAgent(agent(id));
    }
  }

  /** Enqueues a message that must be new, after registering its sender and recipient. */
  default Message enqueued(NewMessage m, Instant now) {
    given(m.from(), m.to());
    EnqueueOutcome outcome = store().enqueue(m, now);
    assertThat(outcome).isInstanceOf(EnqueueOutcome.Enqueued.class);
    return ((EnqueueOutcome.Enqueued) outcome).message();
  }

  /** Leases exactly one message, which must be there. */
  default Message leasedOne(AgentId inbox, Instant now, Instant until) {
    List<Message> leased = store().lease(inbox, 1, now, until);
    assertThat(leased).hasSize(1);
    return leased.getFirst();
  }

  /** A successful transition's message. */
  default Message done(Transition transition) {
    assertThat(transition).isInstanceOf(Transition.Done.class);
    return ((Transition.Done) transition).message();
  }

  default Message acked(Message leased, Instant now) {
    return done(store().ack(leased.to(), leased.id(), LeaseMatch.any(), now));
  }

  default Message requeued(Message leased, Instant visibleAt, Instant now) {
    return done(store().requeue(leased.to(), leased.id(), LeaseMatch.any(), visibleAt, now));
  }

  default Message stored(Message m) {
    return store().findMessage(m.id()).orElseThrow(() -> new AssertionError("message " + m.id() + " is gone"));
  }
}
