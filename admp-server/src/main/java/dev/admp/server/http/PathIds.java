package dev.admp.server.http;

import dev.admp.InvalidRequestException;
import dev.admp.NotFoundException;
import dev.admp.agent.AgentId;
import dev.admp.inbox.MessageId;
import io.javalin.http.Context;

/**
 * Ids from the path. Javalin matches the raw path and decodes each parameter exactly once, so
 * {@code agent%3A%2F%2Fbob} arrives here as {@code agent://bob}.
 */
public final class PathIds {
  private PathIds() {}

  /** {@code {id}}: the agent the route acts for; 400 {@code INVALID_AGENT_ID} when malformed. */
  public static AgentId agent(Context ctx) {
    return AgentId.parse(ctx.pathParam("id"));
  }

  /** {@code {other}}: another agent (trust list). */
  public static AgentId other(Context ctx) {
    return AgentId.parse(ctx.pathParam("other"));
  }

  /** {@code {mid}}: an id no message can have is a message that does not exist. */
  public static MessageId message(Context ctx) {
    String raw = ctx.pathParam("mid");
    try {
      return new MessageId(raw);
    } catch (InvalidRequestException e) {
      throw new NotFoundException("MESSAGE_NOT_FOUND", "no message has such an id");
    }
  }
}
