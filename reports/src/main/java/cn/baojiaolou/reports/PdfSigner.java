package cn.baojiaolou.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.time.LocalDate;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Hashtable;
import java.util.List;
import java.util.TimeZone;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.SignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Signs a PDF, PAdES baseline B-B (ETSI EN 319 142-1): an incremental update with a CAdES-detached CMS over the
 * file's byte range — SHA-256, RSA PKCS#1 v1.5, the certificate, and the signed attributes content-type,
 * message-digest and signing-certificate-v2; no signing-time attribute (B-B puts the claimed time in the signature
 * dictionary's /M). Deterministic: /M is the end of the business date in Beijing time, PKCS#1 v1.5 signatures have
 * no randomness, and the document id stays the one {@link DeterministicPdf} derived, so the same report and date
 * still give the same bytes. Thread-safe.
 */
public final class PdfSigner {

    /** Room for the CMS (the certificate and a 2048- or 4096-bit signature) in the /Contents placeholder. */
    private static final int SIGNATURE_SIZE = 12_288;
    private static final TimeZone BEIJING = TimeZone.getTimeZone("Asia/Shanghai");

    private final SigningKey key;

    public PdfSigner(SigningKey key) {
        this.key = key;
    }

    public SigningKey key() {
        return key;
    }

    public byte[] sign(byte[] pdf, LocalDate businessDate, String reason) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            // PDFBox renews the second half of the trailer's /ID on an incremental save, from the clock unless told
            // otherwise: seed it from the unsigned file, so the signed file is a function of it
            document.setDocumentId(java.nio.ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(pdf)).getLong());
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
            signature.setName(key.unit());
            signature.setReason(reason);
            signature.setSignDate(endOf(businessDate));
            SignatureOptions options = new SignatureOptions();
            options.setPreferredSignatureSize(SIGNATURE_SIZE);
            // the widget goes on the last page, beside the visible seal block the template printed there
            options.setPage(document.getNumberOfPages() - 1);
            document.addSignature(signature, this::cms, options);
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 2 * SIGNATURE_SIZE + 4096);
            document.saveIncremental(out);
            options.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the PDF could not be signed", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** 23:59:59 of the business date, Beijing time: the moment the report's data is "as of". */
    static Calendar endOf(LocalDate day) {
        GregorianCalendar c = new GregorianCalendar(BEIJING);
        c.clear();
        c.set(day.getYear(), day.getMonthValue() - 1, day.getDayOfMonth(), 23, 59, 59);
        return c;
    }

    private byte[] cms(java.io.InputStream content) throws IOException {
        try {
            JcaX509CertificateHolder holder = new JcaX509CertificateHolder(key.certificate());
            byte[] certHash = MessageDigest.getInstance("SHA-256").digest(key.certificate().getEncoded());
            // ESSCertIDv2 with the default algorithm (SHA-256) and the issuer and serial, as PAdES asks
            ESSCertIDv2 certId = new ESSCertIDv2(certHash, new IssuerSerial(
                    new GeneralNames(new GeneralName(X500Name.getInstance(holder.getIssuer()))),
                    holder.getSerialNumber()));
            Attribute signingCertificate = new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                    new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {certId})));
            CMSAttributeTableGenerator signedAttributes = parameters -> {
                Hashtable<ASN1ObjectIdentifier, Attribute> table = new Hashtable<>();
                table.put(CMSAttributes.contentType, new Attribute(CMSAttributes.contentType,
                        new DERSet((ASN1ObjectIdentifier) parameters.get(CMSAttributeTableGenerator.CONTENT_TYPE))));
                table.put(CMSAttributes.messageDigest, new Attribute(CMSAttributes.messageDigest,
                        new DERSet(new DEROctetString((byte[]) parameters.get(CMSAttributeTableGenerator.DIGEST)))));
                table.put(PKCSObjectIdentifiers.id_aa_signingCertificateV2, signingCertificate);
                return new AttributeTable(table);
            };
            ContentSigner signer = new JcaContentSignerBuilder("SHA256withRSA").build(key.privateKey());
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new SignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().build())
                    .setSignedAttributeGenerator(signedAttributes)
                    .build(signer, holder));
            generator.addCertificates(new org.bouncycastle.cert.jcajce.JcaCertStore(List.of(key.certificate())));
            CMSSignedData signed = generator.generate(new CMSProcessableByteArray(content.readAllBytes()), false);
            return signed.getEncoded(ASN1Encoding.DER);
        } catch (CMSException | OperatorCreationException | CertificateEncodingException
                 | NoSuchAlgorithmException e) {
            throw new IOException("CMS signature failed: " + e.getMessage(), e);
        }
    }
}
