package dev.admp.protocol.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class Ed25519Test {
  private static final byte[] MESSAGE = "hello agents".getBytes(StandardCharsets.UTF_8);

  @Test
  void generatedPairSignsAndVerifies() {
    Ed25519.KeyPair pair = Ed25519.generate();

    byte[] signature = Ed25519.sign(pair.secretKey(), MESSAGE);

    assertThat(signature).hasSize(64);
    assertThat(Ed25519.verify(pair.publicKey(), MESSAGE, signature)).isTrue();
  }

  @Test
  void generatedSecretKeyIsSeedFollowedByPublicKey() {
    Ed25519.KeyPair pair = Ed25519.generate();

    assertThat(Arrays.copyOfRange(pair.secretKey(), 32, 64)).isEqualTo(pair.publicKey());
    assertThat(Ed25519.publicKeyOf(pair.secretKey())).isEqualTo(pair.publicKey());
    assertThat(Ed25519.KeyPair.of(pair.secretKey())).isEqualTo(pair);
  }

  @Test
  void signaturesAreDeterministic() {
    Ed25519.KeyPair pair = Ed25519.generate();

    assertThat(Ed25519.sign(pair.secretKey(), MESSAGE)).isEqualTo(Ed25519.sign(pair.secretKey(), MESSAGE));
  }

  @Test
  void tamperedMessageDoesNotVerify() {
    Ed25519.KeyPair pair = Ed25519.generate();
    byte[] signature = Ed25519.sign(pair.secretKey(), MESSAGE);
    byte[] tampered = MESSAGE.clone();
    tampered[0] ^= 1;

    assertThat(Ed25519.verify(pair.publicKey(), tampered, signature)).isFalse();
  }

  @Test
  void tamperedSignatureDoesNotVerify() {
    Ed25519.KeyPair pair = Ed25519.generate();
    byte[] signature = Ed25519.sign(pair.secretKey(), MESSAGE);
    signature[10] ^= 1;

    assertThat(Ed25519.verify(pair.publicKey(), MESSAGE, signature)).isFalse();
  }

  @Test
  void wrongKeyDoesNotVerify() {
    byte[] signature = Ed25519.sign(Ed25519.generate().secretKey(), MESSAGE);

    assertThat(Ed25519.verify(Ed25519.generate().publicKey(), MESSAGE, signature)).isFalse();
  }

  @Test
  void malformedInputsAreFalseNotExceptions() {
    Ed25519.KeyPair pair = Ed25519.generate();
    byte[] signature = Ed25519.sign(pair.secretKey(), MESSAGE);

    assertThat(Ed25519.verify(pair.publicKey(), MESSAGE, Arrays.copyOf(signature, 63))).isFalse();
    assertThat(Ed25519.verify(pair.publicKey(), MESSAGE, new byte[0])).isFalse();
    assertThat(Ed25519.verify(pair.publicKey(), MESSAGE, null)).isFalse();
    assertThat(Ed25519.verify(Arrays.copyOf(pair.publicKey(), 31), MESSAGE, signature)).isFalse();
    assertThat(Ed25519.verify(null, MESSAGE, signature)).isFalse();
    assertThat(Ed25519.verify(pair.publicKey(), null, signature)).isFalse();
    assertThat(Ed25519.verify(new byte[32], MESSAGE, new byte[64])).isFalse();
  }

  @Test
  void publicKeyThatIsNotACurvePointIsFalse() {
    byte[] notAPoint = notACurvePoint();
    byte[] signature = Ed25519.sign(Ed25519.generate().secretKey(), MESSAGE);

    assertThat(Ed25519.verify(notAPoint, MESSAGE, signature)).isFalse();
    byte[] allOnes = new byte[32];
    Arrays.fill(allOnes, (byte) 0xFF);
    assertThat(Ed25519.verify(allOnes, MESSAGE, signature)).isFalse();
  }

  @Test
  void signingRefusesASecretKeyOfTheWrongLength() {
    assertThatThrownBy(() -> Ed25519.sign(new byte[32], MESSAGE)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Ed25519.publicKeyOf(new byte[65])).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void keyPairOfRefusesASecretKeyWhosePublicHalfDoesNotMatch() {
    byte[] secretKey = Ed25519.generate().secretKey();
    secretKey[40] ^= 1;

    assertThatThrownBy(() -> Ed25519.KeyPair.of(secretKey)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void keyPairCopiesArraysAndHidesTheSecret() {
    Ed25519.KeyPair pair = Ed25519.generate();
    byte[] secretKey = pair.secretKey();
    secretKey[0] ^= 1;

    assertThat(pair.secretKey()).isNotEqualTo(secretKey);
    assertThat(pair.toString())
        .contains(Base64.getEncoder().encodeToString(pair.publicKey()))
        .doesNotContain(Base64.getEncoder().encodeToString(pair.secretKey()))
        .contains("redacted");
  }

  @Test
  void base64DecodersCheckEncodingAndLength() {
    Ed25519.KeyPair pair = Ed25519.generate();

    assertThat(Ed25519.decodePublicKey(Ed25519.encode(pair.publicKey()))).isEqualTo(pair.publicKey());
    assertThat(Ed25519.decodeSecretKey(Ed25519.encode(pair.secretKey()))).isEqualTo(pair.secretKey());
    assertThatThrownBy(() -> Ed25519.decodePublicKey("not base64!")).isInstanceOf(MalformedKeyException.class);
    assertThatThrownBy(() -> Ed25519.decodePublicKey(Ed25519.encode(new byte[31])))
        .isInstanceOf(MalformedKeyException.class);
    assertThatThrownBy(() -> Ed25519.decodeSignature(Ed25519.encode(new byte[65])))
        .isInstanceOf(MalformedKeyException.class);
    assertThatThrownBy(() -> Ed25519.decodeSecretKey(null)).isInstanceOf(MalformedKeyException.class);
  }

  @Test
  void secretKeyErrorsNeverEchoTheKey() {
    String text = Ed25519.encode(Arrays.copyOf(Ed25519.generate().secretKey(), 48));

    assertThatThrownBy(() -> Ed25519.decodeSecretKey(text)).message().doesNotContain(text);
  }

  /** The first y coordinate (canonical, below p) for which no x exists on the curve. */
  private static byte[] notACurvePoint() {
    for (int i = 2; i < 256; i++) {
      byte[] candidate = new byte[32];
      candidate[0] = (byte) i;
      if (!org.bouncycastle.math.ec.rfc8032.Ed25519.validatePublicKeyPartial(candidate, 0)) {
        return candidate;
      }
    }
    throw new AssertionError("no invalid point among small y values");
  }
}
