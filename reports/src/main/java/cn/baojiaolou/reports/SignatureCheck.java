package cn.baojiaolou.reports;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;

/**
 * Checks the last signature of a PDF: the CMS over the signed byte range (digest and RSA signature), whether it
 * covers the whole file (nothing appended after signing), who signed and when. Trust is the caller's question
 * (compare {@link Result#certificate()} with the unit's).
 */
public final class SignatureCheck {

    public enum Status { UNSIGNED, VALID, INVALID }

    public record Result(Status status, String signer, String certificateSerial, ZonedDateTime signedAt,
                         boolean coversWholeFile, X509Certificate certificate, String problem) {

        public boolean valid() {
            return status == Status.VALID;
        }
    }

    private SignatureCheck() {
    }

    public static Result check(byte[] pdf) {
        PDSignature signature;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            signature = document.getLastSignatureDictionary();
            if (signature == null) {
                return new Result(Status.UNSIGNED, null, null, null, false, null, null);
            }
        } catch (IOException e) {
            return new Result(Status.INVALID, null, null, null, false, null, "not a readable PDF");
        }
        ZonedDateTime signedAt = signature.getSignDate() == null ? null
                : signature.getSignDate().toInstant().atZone(ZoneId.of("Asia/Shanghai"));
        int[] range = signature.getByteRange();
        boolean whole = range.length == 4 && (long) range[2] + range[3] == pdf.length;
        try {
            byte[] signedContent = signature.getSignedContent(pdf);
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signedContent),
                    signature.getContents(pdf));
            SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches(signer.getSID());
            if (matches.isEmpty()) {
                return new Result(Status.INVALID, null, null, signedAt, whole, null, "no signer certificate");
            }
            X509CertificateHolder holder = matches.iterator().next();
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(holder);
            String serial = HexFormat.of().withUpperCase().formatHex(cert.getSerialNumber().toByteArray())
                    .replaceFirst("^00(?=.)", "");
            boolean ok = signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(holder));
            Status status = ok && whole ? Status.VALID : Status.INVALID;
            String problem = !ok ? "the signature does not match the signed bytes"
                    : !whole ? "bytes were added after the signature" : null;
            return new Result(status, SigningKey.commonName(cert.getSubjectX500Principal()), serial, signedAt, whole,
                    cert, problem);
        } catch (Exception e) {
            // a changed byte inside the CMS or the byte range makes it unreadable: invalid, never an error
            return new Result(Status.INVALID, null, null, signedAt, whole, null,
                    "the signature does not match the signed bytes");
        }
    }

}
