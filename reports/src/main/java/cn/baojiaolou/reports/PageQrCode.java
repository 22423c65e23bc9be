package cn.baojiaolou.reports;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.renderers.Graphics2DRenderable;
import net.sf.jasperreports.renderers.Renderable;

/**
 * The QR code in every page's footer: the verification address with the report number and the page,
 * {@code https://…/verify?report=BJL-PL-20231231-3F2A9C01&page=2}. Drawn as vector squares (one filled path, so no
 * seams between modules), sharp at any zoom or print resolution; the same page always gives the same drawing
 * (deterministic bytes). A raster image would cost more: Jasper re-encodes an AWT image as a colour JPEG, which made
 * the QR codes a sixth of a month-end print's CPU.
 */
public final class PageQrCode implements Graphics2DRenderable, Renderable {

    private static final long serialVersionUID = 1L;
    private static final int MASK = 2;

    private final String content;
    private final int size;
    private final BitSet dark;

    private PageQrCode(String content, int size, BitSet dark) {
        this.content = content;
        this.size = size;
        this.dark = dark;
    }

    public static String content(String verifyUrl, String reportNumber, int page) {
        String separator = verifyUrl.contains("?") ? "&" : "?";
        return verifyUrl + separator + "report=" + URLEncoder.encode(reportNumber, StandardCharsets.UTF_8)
                + "&page=" + page;
    }

    /** Called by the template's page footer. */
    public static PageQrCode image(String verifyUrl, String reportNumber, Integer page) {
        String content = content(verifyUrl, reportNumber, page);
        try {
            // a quiet zone of 2 modules, left white: nothing is drawn there. The mask is fixed: scoring all eight
            // for every page was half the code's cost, and ZXing picks mask 2 for most of these addresses anyway
            BitMatrix m = new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2,
                            EncodeHintType.CHARACTER_SET, "UTF-8", EncodeHintType.QR_MASK_PATTERN, MASK));
            int size = m.getWidth();
            BitSet dark = new BitSet(size * size);
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    if (m.get(x, y)) {
                        dark.set(y * size + x);
                    }
                }
            }
            return new PageQrCode(content, size, dark);
        } catch (WriterException e) {
            throw new IllegalStateException("QR code for " + reportNumber, e);
        }
    }

    /** Modules per side, quiet zone included. */
    int size() {
        return size;
    }

    boolean isDark(int x, int y) {
        return dark.get(y * size + x);
    }

    @Override
    public String getId() {
        return content;
    }

    /** A square as large as the box allows, in its bottom right corner; each row's runs of dark modules as one path. */
    @Override
    public void render(JasperReportsContext context, Graphics2D g, Rectangle2D box) {
        double side = Math.min(box.getWidth(), box.getHeight());
        double module = side / size;
        double left = box.getMaxX() - side;
        double top = box.getMaxY() - side;
        Path2D.Double path = new Path2D.Double(Path2D.WIND_NON_ZERO);
        for (int y = 0; y < size; y++) {
            int x = 0;
            while (x < size) {
                if (!isDark(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < size && isDark(x, y)) {
                    x++;
                }
                path.append(new Rectangle2D.Double(left + start * module, top + y * module, (x - start) * module,
                        module), false);
            }
        }
        g.setColor(Color.BLACK);
        g.fill(path);
    }
}
