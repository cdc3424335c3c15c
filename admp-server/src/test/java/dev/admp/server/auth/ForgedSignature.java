package dev.admp.server.auth;

import dev.admp.protocol.crypto.Ed25519;
import dev.admp.protocol.httpsig.HttpDate;
import dev.admp.protocol.httpsig.HttpSignatures;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds {@code Signature} headers the way a careless or hostile client might. */
record ForgedSignature(String keyId, String algorithm, List<String> headers, byte[] secretKey) {

  /** Signs {@code method target} with the listed headers, using {@code host} and {@code date}. */
  String sign(String method, String target, String host, Instant date) {
    Map<String, String> values = Map.of("host", host, "date", HttpDate.format(date));
    String signingString = HttpSignatures.signingString(headers, method, target,
        name -> Optional.ofNullable(values.get(name)));
    String signature = Ed25519.encode(Ed25519.sign(secretKey, signingString.getBytes(StandardCharsets.UTF_8)));
    return "keyId=\"" + keyId + "\",algorithm=\"" + algorithm + "\",headers=\"" + String.join(" ", headers)
        + "\",signature=\"" + signature + "\"";
  }
}
