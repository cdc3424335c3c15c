package dev.admp.testkit.mech;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away certificate authority and a server certificate it signed for {@code localhost},
 * {@code 127.0.0.1} and {@code ::1}, generated at start so no key material is ever checked in.
 */
public final class EmulatorTls {
  static final char[] KEYSTORE_PASSWORD = "emulator".toCharArray();

  private final X509Certificate ca;
  private final KeyStore serverKeyStore;

  private EmulatorTls(X509Certificate ca, KeyStore serverKeyStore) {
    this.ca = ca;
    this.serverKeyStore = serverKeyStore;
  }

  /** Generates a fresh CA and server certificate, valid for a day either side of now. */
  public static EmulatorTls generate() {
    try {
      SecureRandom random = new SecureRandom();
      KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
      ec.initialize(new ECGenParameterSpec("secp256r1"), random);
      KeyPair caKeys = ec.generateKeyPair();
      KeyPair serverKeys = ec.generateKeyPair();
      Instant now = Instant.now();
      X500Name caName = new X500Name("CN=ADMP Mech emulator CA");

      X509v3CertificateBuilder caBuilder = new JcaX509v3CertificateBuilder(caName, serial(random),
          Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(365))), caName,
          caKeys.getPublic());
      caBuilder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
      caBuilder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      X509Certificate ca = sign(caBuilder, caKeys);

      X509v3CertificateBuilder serverBuilder = new JcaX509v3CertificateBuilder(caName, serial(random),
          Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(365))),
          new X500Name("CN=localhost"), serverKeys.getPublic());
      serverBuilder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      serverBuilder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
      serverBuilder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
      serverBuilder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
          new GeneralName(GeneralName.dNSName, "localhost"),
          new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
          new GeneralName(GeneralName.iPAddress, "::1")}));
      X509Certificate server = sign(serverBuilder, caKeys);

      KeyStore keyStore = KeyStore.getInstance("PKCS12");
      keyStore.load(null, null);
      keyStore.setKeyEntry("mech", serverKeys.getPrivate(), KEYSTORE_PASSWORD,
          new X509Certificate[] {server, ca});
      return new EmulatorTls(ca, keyStore);
    } catch (GeneralSecurityException | java.io.IOException | OperatorCreationException e) {
      throw new IllegalStateException("cannot generate the emulator's certificate", e);
    }
  }

  private static BigInteger serial(SecureRandom random) {
    return new BigInteger(64, random).abs().add(BigInteger.ONE);
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair signer)
      throws OperatorCreationException, CertificateException {
    var contentSigner = new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate());
    return new JcaX509CertificateConverter().getCertificate(builder.build(contentSigner));
  }

  /** The CA certificate in PEM, what {@code MECH_CA_FILE} points at. */
  public String caPem() {
    return pem(ca);
  }

  public X509Certificate caCertificate() {
    return ca;
  }

  /** A client context that trusts this CA only. */
  public SSLContext clientContext() {
    return trusting(List.of(ca));
  }

  KeyStore serverKeyStore() {
    return serverKeyStore;
  }

  static String pem(X509Certificate cert) {
    try {
      String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
          .encodeToString(cert.getEncoded());
      return "-----BEGIN CERTIFICATE-----\n" + base64 + "\n-----END CERTIFICATE-----\n";
    } catch (CertificateException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A client {@link SSLContext} that trusts exactly the certificates in a PEM text. */
  public static SSLContext trustingPem(String pem) {
    try {
      Collection<? extends java.security.cert.Certificate> certs = CertificateFactory.getInstance("X.509")
          .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
      return trusting(certs);
    } catch (CertificateException e) {
      throw new IllegalArgumentException("not a PEM certificate", e);
    }
  }

  private static SSLContext trusting(Collection<? extends java.security.cert.Certificate> certs) {
    try {
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      int i = 0;
      for (var cert : certs) {
        trust.setCertificateEntry("ca-" + i++, cert);
      }
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, tmf.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalStateException("cannot build a trust context", e);
    }
  }
}
