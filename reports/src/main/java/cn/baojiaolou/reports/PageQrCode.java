package cn.baojiaolou.reports;

import java.awt.image.BufferedImage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * The QR code in every page's footer: the verification address with the report number and the page,
 * {@code https://…/verify?report=BJL-PL-20231231-3F2A9C01&page=2}. Black and white pixels, several per module, so
 * a printed and scanned page still decodes; the same page always gives the same image (deterministic bytes).
 */
public final class PageQrCode {

    private static final int PIXELS_PER_MODULE = 4;

    private PageQrCode() {
    }

    public static String content(String verifyUrl, String reportNumber, int page) {
        String separator = verifyUrl.contains("?") ? "&" : "?";
        return verifyUrl + separator + "report=" + URLEncoder.encode(reportNumber, StandardCharsets.UTF_8)
                + "&page=" + page;
    }

    /** Called by the template's page footer. */
    public static BufferedImage image(String verifyUrl, String reportNumber, Integer page) {
        try {
            BitMatrix m = new QRCodeWriter().encode(content(verifyUrl, reportNumber, page), BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
            int size = m.getWidth() * PIXELS_PER_MODULE;
            BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_BINARY);
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    image.setRGB(x, y, m.get(x / PIXELS_PER_MODULE, y / PIXELS_PER_MODULE) ? 0xFF000000 : 0xFFFFFFFF);
                }
            }
            return image;
        } catch (WriterException e) {
            throw new IllegalStateException("QR code for " + reportNumber, e);
        }
    }
}
