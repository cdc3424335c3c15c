package dev.admp.server.auth;

import dev.admp.ForbiddenException;
import dev.admp.InvalidRequestException;
import dev.admp.NotFoundException;
import dev.admp.UnauthorizedException;
import dev.admp.agent.Agent;
import dev.admp.agent.AgentId;
import dev.admp.agent.AgentService;
import dev.admp.protocol.httpsig.HttpDate;
import dev.admp.protocol.httpsig.HttpSignatureException;
import dev.admp.protocol.httpsig.HttpSignatures;
import dev.admp.protocol.httpsig.SignatureHeader;
import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Optional;

/**
 * Verifies the HTTP Signature of a request. The checks run from what costs nothing to what
 * costs a lookup and a verification, and each failure has its own code:
 * <ol>
 *   <li>no {@code Signature} header: 401 {@code SIGNATURE_REQUIRED}; unparseable: 401 {@code SIGNATURE_INVALID};
 *   <li>an algorithm other than ed25519: 400 {@code UNSUPPORTED_ALGORITHM};
 *   <li>{@code (request-target)} or {@code date} not signed, {@code Date} absent or not an HTTP date:
 *       401 {@code SIGNATURE_INVALID}; {@code Date} more than {@link #MAX_SKEW} away: 401 {@code REQUEST_EXPIRED};
 *   <li>the signer ({@code keyId}, canonical) is the agent the route acts for: unknown agent 404
 *       {@code AGENT_NOT_FOUND}, bad signature 401 {@code SIGNATURE_INVALID};
 *   <li>the signer is another agent: its signature must verify (else 401 {@code SIGNATURE_INVALID},
 *       also when it is unknown), and then the answer is 403 {@code FORBIDDEN} — so 403 always
 *       means "authenticated, but not as this agent".
 * </ol>
 * The request target is the raw path and query as sent, never the decoded path.
 */
public final class RequestSignatures {
  /** How far a request's {@code Date} may lie from the hub clock. */
  public static final Duration MAX_SKEW = Duration.ofMinutes(5);

  private final AgentService agents;
  private final Clock clock;

  public RequestSignatures(AgentService agents, Clock clock) {
    this.agents = agents;
    this.clock = clock;
  }

  /** The request must be signed by {@code expected}; returns it. */
  public AgentId verify(Context ctx, AgentId expected) {
    SignatureHeader signature = checkedHeader(ctx);
    AgentId signer = signer(signature);
    if (signer.equals(expected)) {
      Agent agent = agents.find(expected)
          .orElseThrow(() -> new NotFoundException("AGENT_NOT_FOUND", "agent " + expected + " not found"));
      checkSignature(ctx, signature, agent);
      return expected;
    }
    Agent other = agents.find(signer).orElseThrow(RequestSignatures::invalid);
    checkSignature(ctx, signature, other);
    throw new ForbiddenException("FORBIDDEN", "agent " + signer + " may not act for agent " + expected);
  }

  /** The request must be signed by some registered agent; returns it. */
  public AgentId verify(Context ctx) {
    SignatureHeader signature = checkedHeader(ctx);
    Agent agent = agents.find(signer(signature)).orElseThrow(RequestSignatures::invalid);
    checkSignature(ctx, signature, agent);
    return agent.id();
  }

  private SignatureHeader checkedHeader(Context ctx) {
    String value = ctx.header("Signature");
    if (value == null || value.isBlank()) {
      throw new UnauthorizedException("SIGNATURE_REQUIRED",
          "this route needs an HTTP Signature by the agent's key (Signature and Date headers)");
    }
    SignatureHeader signature;
    try {
      signature = SignatureHeader.parse(value);
    } catch (HttpSignatureException e) {
      throw new UnauthorizedException("SIGNATURE_INVALID", e.getMessage());
    }
    if (signature.algorithm().isPresent()
        && !signature.algorithm().get().equalsIgnoreCase(HttpSignatures.ALGORITHM)) {
      throw new InvalidRequestException("UNSUPPORTED_ALGORITHM",
          "signature algorithm must be " + HttpSignatures.ALGORITHM);
    }
    if (!signature.headers().containsAll(HttpSignatures.REQUIRED_HEADERS)) {
      throw new UnauthorizedException("SIGNATURE_INVALID", "the signature must cover (request-target) and date");
    }
    Instant date = HttpDate.parse(ctx.header("Date"))
        .orElseThrow(() -> new UnauthorizedException("SIGNATURE_INVALID", "the Date header is missing or malformed"));
    if (Duration.between(date, clock.instant()).abs().compareTo(MAX_SKEW) > 0) {
      throw new UnauthorizedException("REQUEST_EXPIRED", "the Date header is more than 5 minutes from the hub clock");
    }
    return signature;
  }

  private static AgentId signer(SignatureHeader signature) {
    try {
      return AgentId.parse(signature.keyId());
    } catch (InvalidRequestException e) {
      throw new UnauthorizedException("SIGNATURE_INVALID", "the signature's keyId is not an agent id");
    }
  }

  private static void checkSignature(Context ctx, SignatureHeader signature, Agent agent) {
    HttpServletRequest req = ctx.req();
    var verdict = HttpSignatures.verify(signature, req.getMethod(), requestTarget(req),
        name -> header(req, name), agent.publicKey());
    switch (verdict) {
      case VALID -> { }
      case UNSUPPORTED_ALGORITHM -> throw new InvalidRequestException("UNSUPPORTED_ALGORITHM",
          "signature algorithm must be " + HttpSignatures.ALGORITHM);
      case REQUIRED_HEADER_NOT_SIGNED, MISSING_HEADER, INVALID_SIGNATURE -> throw invalid();
    }
  }

  /** The path and query exactly as the request line carried them. */
  static String requestTarget(HttpServletRequest req) {
    String query = req.getQueryString();
    return query == null ? req.getRequestURI() : req.getRequestURI() + "?" + query;
  }

  /** Repeated headers are one comma-separated value, as the signing draft says. */
  private static Optional<String> header(HttpServletRequest req, String name) {
    var values = Collections.list(req.getHeaders(name));
    return values.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", values));
  }

  private static UnauthorizedException invalid() {
    return new UnauthorizedException("SIGNATURE_INVALID", "the HTTP Signature does not verify");
  }
}
