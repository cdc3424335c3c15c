package dev.admp.store.mech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.admp.testkit.mech.MechEmulator;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code MECH_CA_FILE} adds its CAs to the system ones ({@code API.md}, "Configuration"). */
class TrustedCertificatesTest {
  @TempDir
  Path dir;

  @Test
  void caFileIsTrustedBesidesTheSystemCas() throws Exception {
    String pem;
    try (MechEmulator emulator = new MechEmulator(MechEmulator.Options.defaults().withTls())) {
      pem = emulator.caPem();
    }
    Path caFile = Files.writeString(dir.resolve("ca.pem"), pem);
    X509Certificate emulatorCa = (X509Certificate) CertificateFactory.getInstance("X.509")
        .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));

    X509Certificate[] trusted = TrustedCertificates.trustManager(caFile).getAcceptedIssuers();

    X509Certificate[] system = systemIssuers();
    assertThat(system).isNotEmpty();
    assertThat(trusted).contains(emulatorCa).contains(system).hasSize(system.length + 1);
  }

  @Test
  void aFileWithoutCertificatesIsRefusedNamingIt() throws Exception {
    Path empty = Files.writeString(dir.resolve("empty.pem"), "");

    assertThatThrownBy(() -> TrustedCertificates.context(Optional.of(empty)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(empty.toString());
  }

  private static X509Certificate[] systemIssuers() throws Exception {
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init((KeyStore) null);
    return ((X509TrustManager) tmf.getTrustManagers()[0]).getAcceptedIssuers();
  }
}
