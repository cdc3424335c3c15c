package dev.admp.protocol.httpsig;

import dev.admp.protocol.crypto.Ed25519;
import dev.admp.protocol.crypto.MalformedKeyException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * HTTP request signatures as ADMP agents make them (draft-cavage "Signing HTTP Messages" with
 * Ed25519). The signing string is one {@code name: value} line per signed header, names in lower
 * case, joined by {@code \n}; the pseudo-header {@code (request-target)} is
 * {@code <lower-case method> <path and query exactly as sent>}. ADMP requires
 * {@code (request-target)} and {@code date} to be signed; the SDK signs
 * {@code (request-target) host date}.
 *
 * <p>Stateless and thread-safe. Checking that the {@code Date} is recent is the caller's job
 * (see {@link HttpDate#parse(String)}), since it needs the caller's clock.
 */
public final class HttpSignatures {
  /** The pseudo-header that stands for the method and request target. */
  public static final String REQUEST_TARGET = "(request-target)";
  /** The headers the SDK signs, in order. */
  public static final List<String> SIGNED_HEADERS = List.of(REQUEST_TARGET, "host", "date");
  /** The headers a verifier insists on. */
  public static final List<String> REQUIRED_HEADERS = List.of(REQUEST_TARGET, "date");
  /** The only algorithm ADMP accepts. */
  public static final String ALGORITHM = "ed25519";

  private HttpSignatures() {}

  /**
   * The signing string for these headers.
   *
   * @param headers signed header names, in order (case is ignored)
   * @param method the HTTP method, any case
   * @param requestTarget the path and query exactly as they appear in the request line
   * @param headerLookup the value of a request header by lower-case name, if present
   * @throws HttpSignatureException with {@link HttpSignatureException.Reason#MISSING_HEADER} when
   *     a listed header is absent
   */
  public static String signingString(List<String> headers, String method, String requestTarget,
      Function<String, Optional<String>> headerLookup) {
    StringBuilder out = new StringBuilder(128);
    for (String header : headers) {
      String name = header.toLowerCase(Locale.ROOT);
      if (!out.isEmpty()) {
        out.append('\n');
      }
      out.append(name).append(": ");
      if (name.equals(REQUEST_TARGET)) {
        out.append(method.toLowerCase(Locale.ROOT)).append(' ').append(requestTarget);
      } else {
        String value = headerLookup.apply(name).orElseThrow(() -> new HttpSignatureException(
            HttpSignatureException.Reason.MISSING_HEADER, "signed header '" + name + "' is absent"));
        out.append(value.strip());
      }
    }
    return out.toString();
  }

  /**
   * Signs a request over {@code (request-target) host date}.
   *
   * @param method the HTTP method
   * @param requestTarget the path and query exactly as the request line will carry them
   * @param host the {@code Host} header value the request will carry (host, and port unless default)
   * @param date the time to put in the {@code Date} header
   * @param keyId the signer, the agent id
   * @param secretKey the agent's 64-byte tweetnacl secret key
   * @return the {@code Date} and {@code Signature} header values
   */
  public static SignedHeaders sign(String method, String requestTarget, String host, Instant date,
      String keyId, byte[] secretKey) {
    String dateValue = HttpDate.format(date);
    Map<String, String> values = Map.of("host", host, "date", dateValue);
    String signingString = signingString(SIGNED_HEADERS, method, requestTarget,
        name -> Optional.ofNullable(values.get(name)));
    byte[] signature = Ed25519.sign(secretKey, signingString.getBytes(StandardCharsets.UTF_8));
    SignatureHeader header = new SignatureHeader(
        keyId, Optional.of(ALGORITHM), SIGNED_HEADERS, Ed25519.encode(signature));
    return new SignedHeaders(dateValue, header.format());
  }

  /**
   * Checks a parsed signature against a request and the signer's public key. Never throws for
   * bad input; the verdict says what is wrong. It does not check {@code keyId} against anything
   * nor the age of {@code Date}.
   *
   * @param signature the parsed {@code Signature} header
   * @param method the HTTP method as received
   * @param requestTarget the raw path and query as received (not decoded)
   * @param headerLookup the value of a request header by lower-case name, if present
   * @param publicKey the 32-byte public key of {@code signature.keyId()}
   */
  public static HttpSignatureVerdict verify(SignatureHeader signature, String method, String requestTarget,
      Function<String, Optional<String>> headerLookup, byte[] publicKey) {
    if (signature.algorithm().isPresent() && !signature.algorithm().get().equalsIgnoreCase(ALGORITHM)) {
      return HttpSignatureVerdict.UNSUPPORTED_ALGORITHM;
    }
    if (!signature.headers().containsAll(REQUIRED_HEADERS)) {
      return HttpSignatureVerdict.REQUIRED_HEADER_NOT_SIGNED;
    }
    String signingString;
    try {
      signingString = signingString(signature.headers(), method, requestTarget, headerLookup);
    } catch (HttpSignatureException e) {
      return HttpSignatureVerdict.MISSING_HEADER;
    }
    byte[] signatureBytes;
    try {
      signatureBytes = Ed25519.decodeSignature(signature.signature());
    } catch (MalformedKeyException e) {
      return HttpSignatureVerdict.INVALID_SIGNATURE;
    }
    return Ed25519.verify(publicKey, signingString.getBytes(StandardCharsets.UTF_8), signatureBytes)
        ? HttpSignatureVerdict.VALID
        : HttpSignatureVerdict.INVALID_SIGNATURE;
  }
}
