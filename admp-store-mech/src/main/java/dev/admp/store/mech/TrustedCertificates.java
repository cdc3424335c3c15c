package dev.admp.store.mech;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Builds the client TLS context: the JDK's trust store, plus the CAs of a PEM file when one is
 * given ({@code MECH_CA_FILE} is trusted <em>besides</em> the system CAs, as {@code API.md} says).
 */
final class TrustedCertificates {
  private TrustedCertificates() {}

  static SSLContext context(Optional<Path> caFile) {
    try {
      if (caFile.isEmpty()) {
        return SSLContext.getDefault();
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {trustManager(caFile.get())}, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot load the Mech CA file " + caFile.orElseThrow() + ": " + e.getMessage(), e);
    }
  }

  /** Trusts the JDK's CAs and those of {@code caFile}. */
  static X509TrustManager trustManager(Path caFile) throws GeneralSecurityException {
    Collection<? extends Certificate> certs;
    try (InputStream in = Files.newInputStream(caFile)) {
      certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read the Mech CA file " + caFile + ": " + e.getMessage(), e);
    }
    if (certs.isEmpty()) {
      throw new IllegalArgumentException("no certificate in " + caFile);
    }
    KeyStore trust;
    try {
      trust = KeyStore.getInstance(KeyStore.getDefaultType());
      trust.load(null, null);
    } catch (IOException e) {
      throw new IllegalStateException("an empty key store always loads", e);
    }
    int i = 0;
    for (X509Certificate system : systemTrust().getAcceptedIssuers()) {
      trust.setCertificateEntry("system-" + i++, system);
    }
    for (Certificate cert : certs) {
      trust.setCertificateEntry("mech-ca-" + i++, cert);
    }
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    return x509(tmf);
  }

  private static X509TrustManager systemTrust() throws GeneralSecurityException {
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init((KeyStore) null);
    return x509(tmf);
  }

  private static X509TrustManager x509(TrustManagerFactory tmf) {
    for (TrustManager tm : tmf.getTrustManagers()) {
      if (tm instanceof X509TrustManager x509) {
        return x509;
      }
    }
    throw new IllegalStateException("the JDK offers no X.509 trust manager");
  }
}
