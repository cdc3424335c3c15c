package dev.admp.agent;

import dev.admp.InvalidRequestException;
import java.util.regex.Pattern;

/**
 * An agent id in canonical form: {@code [A-Za-z0-9._:-]{1,128}} with any {@code agent://} prefix
 * removed. Two spellings of one agent ({@code agent://bob}, {@code bob}) give equal ids.
 */
public record AgentId(String value) {
  public static final String PREFIX = "agent://";
  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  public AgentId {
    if (value == null || !VALID.matcher(value).matches()) {
      throw new InvalidRequestException("INVALID_AGENT_ID",
          "agent id must match [A-Za-z0-9._:-]{1,128}, optionally prefixed with agent://");
    }
  }

  /** Parses an id as written by a client, with or without the {@code agent://} prefix. */
  public static AgentId parse(String written) {
    if (written == null) {
      throw new InvalidRequestException("INVALID_AGENT_ID", "agent id is missing");
    }
    return new AgentId(written.startsWith(PREFIX) ? written.substring(PREFIX.length()) : written);
  }

  @Override
  public String toString() {
    return value;
  }
}
