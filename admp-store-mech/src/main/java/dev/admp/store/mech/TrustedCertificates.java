package dev.admp.store.mech;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** Builds the client TLS context: the JDK's trust store, or exactly the CAs of a PEM file. */
final class TrustedCertificates {
  private TrustedCertificates() {}

  static SSLContext context(Optional<Path> caFile) {
    try {
      if (caFile.isEmpty()) {
        return SSLContext.getDefault();
      }
      Collection<? extends Certificate> certs;
      try (InputStream in = Files.newInputStream(caFile.get())) {
        certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
      }
      if (certs.isEmpty()) {
        throw new IllegalArgumentException("no certificate in " + caFile.get());
      }
      KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
      trust.load(null, null);
      int i = 0;
      for (Certificate cert : certs) {
        trust.setCertificateEntry("mech-ca-" + i++, cert);
      }
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, tmf.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot load the Mech CA file " + caFile.orElseThrow() + ": " + e.getMessage(), e);
    }
  }
}
