package cn.baojiaolou.reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HexFormat;

import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** The issuing unit's signing key and certificate, from a PKCS#12 keystore. */
public record SigningKey(PrivateKey privateKey, X509Certificate certificate) {

    public static SigningKey load(Path keystore, char[] password, String alias) {
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
            if (!ks.isKeyEntry(alias)) {
                throw new IllegalStateException("keystore " + keystore + " has no key named " + alias);
            }
            return new SigningKey((PrivateKey) ks.getKey(alias, password), (X509Certificate) ks.getCertificate(alias));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the signing keystore " + keystore + ": " + e.getMessage(), e);
        }
    }

    /**
     * A self-signed RSA-2048 certificate for {@code unit} (CN), valid ten years from {@code from}, in a new PKCS#12
     * keystore: for the demo and for tests only — an auditor trusts a certificate the unit's CA issued.
     */
    public static SigningKey createSelfSigned(Path keystore, char[] password, String alias, String unit,
                                              LocalDate from) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            KeyPair pair = g.generateKeyPair();
            X500Name name = new X500Name(new RDN[] {
                    new RDN(BCStyle.CN, new org.bouncycastle.asn1.DERUTF8String(unit)),
                    new RDN(BCStyle.O, new org.bouncycastle.asn1.DERUTF8String(unit)),
                    new RDN(BCStyle.C, new org.bouncycastle.asn1.DERPrintableString("CN"))});
            BigInteger serial = new BigInteger(64, new java.security.SecureRandom()).abs().add(BigInteger.ONE);
            Date notBefore = Date.from(from.atStartOfDay().toInstant(ZoneOffset.ofHours(8)));
            Date notAfter = Date.from(from.plusYears(10).atStartOfDay().toInstant(ZoneOffset.ofHours(8)));
            JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, serial, notBefore, notAfter, name,
                    pair.getPublic());
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
                    b.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry(alias, pair.getPrivate(), password, new Certificate[] {cert});
            Path dir = keystore.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            try (OutputStream out = Files.newOutputStream(keystore)) {
                ks.store(out, password);
            }
            return new SigningKey(pair.getPrivate(), cert);
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot create the keystore " + keystore + ": " + e.getMessage(), e);
        }
    }

    /** The certificate's serial number, upper-case hex: what the seal block prints. */
    public String serialHex() {
        return HexFormat.of().withUpperCase().formatHex(certificate.getSerialNumber().toByteArray())
                .replaceFirst("^00(?=.)", "");
    }

    /** The unit the certificate names (its CN). */
    public String unit() {
        return commonName(certificate.getSubjectX500Principal());
    }

    static String commonName(X500Principal principal) {
        X500Name name = X500Name.getInstance(principal.getEncoded());
        RDN[] cn = name.getRDNs(BCStyle.CN);
        return cn.length == 0 ? principal.getName() : IETFUtils.valueToString(cn[0].getFirst().getValue());
    }
}
