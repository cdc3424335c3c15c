package dev.admp.protocol.httpsig;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The parameters of a {@code Signature} header:
 * {@code keyId="agent://bob",algorithm="ed25519",headers="(request-target) host date",signature="<base64>"}.
 * Header names are lower case; {@code headers} defaults to {@code [date]} as the draft says.
 *
 * @param keyId the signer, for ADMP the agent id
 * @param algorithm the algorithm the signer names, if any
 * @param headers the signed header names in signing order, lower case, never empty
 * @param signature the base64 signature, not yet decoded
 */
public record SignatureHeader(String keyId, Optional<String> algorithm, List<String> headers, String signature) {
  /** The header list the draft assumes when {@code headers} is absent. */
  public static final List<String> DEFAULT_HEADERS = List.of("date");

  /**
   * @throws IllegalArgumentException when a field is empty or holds a double quote
   */
  public SignatureHeader {
    requireQuotable("keyId", keyId);
    requireQuotable("signature", signature);
    algorithm.ifPresent(a -> requireQuotable("algorithm", a));
    headers = headers.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
    if (headers.isEmpty()) {
      throw new IllegalArgumentException("headers must name at least one header");
    }
    headers.forEach(h -> requireQuotable("headers", h));
  }

  /**
   * Parses a {@code Signature} header value; a leading {@code Signature } scheme (as in an
   * {@code Authorization} header) is skipped, parameter names are matched ignoring case and
   * unknown parameters are ignored.
   *
   * @throws HttpSignatureException with {@link HttpSignatureException.Reason#MALFORMED_HEADER} when
   *     the value is not a parameter list, repeats a parameter, or lacks {@code keyId} or
   *     {@code signature}
   */
  public static SignatureHeader parse(String value) {
    if (value == null) {
      throw malformed("the Signature header is missing");
    }
    String text = value.strip();
    if (text.regionMatches(true, 0, "Signature ", 0, 10)) {
      text = text.substring(10);
    }
    Map<String, String> params = parameters(text);
    String keyId = params.get("keyid");
    String signature = params.get("signature");
    if (keyId == null || keyId.isEmpty()) {
      throw malformed("the Signature header has no keyId");
    }
    if (signature == null || signature.isEmpty()) {
      throw malformed("the Signature header has no signature");
    }
    String headerList = params.get("headers");
    List<String> headers = headerList == null ? DEFAULT_HEADERS : List.of(headerList.strip().split("\\s+"));
    if (headers.isEmpty() || headers.get(0).isEmpty()) {
      throw malformed("the Signature header's headers parameter is empty");
    }
    try {
      return new SignatureHeader(keyId, Optional.ofNullable(params.get("algorithm")), headers, signature);
    } catch (IllegalArgumentException e) {
      throw malformed("the Signature header is malformed: " + e.getMessage());
    }
  }

  /** The header value, parameters in the order keyId, algorithm, headers, signature. */
  public String format() {
    StringBuilder out = new StringBuilder(160).append("keyId=\"").append(keyId).append('"');
    algorithm.ifPresent(a -> out.append(",algorithm=\"").append(a).append('"'));
    return out.append(",headers=\"").append(String.join(" ", headers)).append('"')
        .append(",signature=\"").append(signature).append('"')
        .toString();
  }

  private static Map<String, String> parameters(String text) {
    Map<String, String> params = new HashMap<>();
    int i = 0;
    int n = text.length();
    while (true) {
      i = skipSpace(text, i);
      int nameStart = i;
      while (i < n && isTokenChar(text.charAt(i))) {
        i++;
      }
      if (i == nameStart || i >= n || text.charAt(i) != '=') {
        throw malformed("the Signature header is not a list of name=\"value\" parameters");
      }
      String name = text.substring(nameStart, i).toLowerCase(Locale.ROOT);
      i++;
      String paramValue;
      if (i < n && text.charAt(i) == '"') {
        StringBuilder quoted = new StringBuilder();
        i++;
        while (i < n && text.charAt(i) != '"') {
          char c = text.charAt(i++);
          if (c == '\\' && i < n) {
            c = text.charAt(i++);
          }
          quoted.append(c);
        }
        if (i >= n) {
          throw malformed("the Signature header has an unterminated quoted value");
        }
        i++;
        paramValue = quoted.toString();
      } else {
        int valueStart = i;
        while (i < n && isTokenChar(text.charAt(i))) {
          i++;
        }
        paramValue = text.substring(valueStart, i);
      }
      if (params.put(name, paramValue) != null) {
        throw malformed("the Signature header repeats the parameter " + name);
      }
      i = skipSpace(text, i);
      if (i >= n) {
        return params;
      }
      if (text.charAt(i) != ',') {
        throw malformed("the Signature header's parameters must be separated by commas");
      }
      i++;
    }
  }

  private static int skipSpace(String text, int i) {
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }

  private static boolean isTokenChar(char c) {
    return c > ' ' && c < 0x7f && "\",=;()<>@:\\/[]?{}".indexOf(c) < 0;
  }

  private static void requireQuotable(String field, String value) {
    if (value == null || value.isEmpty() || value.indexOf('"') >= 0) {
      throw new IllegalArgumentException(field + " must be non-empty and free of double quotes");
    }
  }

  private static HttpSignatureException malformed(String message) {
    return new HttpSignatureException(HttpSignatureException.Reason.MALFORMED_HEADER, message);
  }
}
