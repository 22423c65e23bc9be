package cn.baojiaolou.reports;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * 电子会计档案 of one month (in the spirit of DA/T 94): one zip with the month's signed PDFs under {@code reports/}
 * and {@code index.xml} — for each file its report, parameters, business date, SHA-256 and signing certificate
 * serial, and the audit chain's head hash at the month's end. {@link #verify} checks a package offline: every
 * listed file present with its hash and a valid signature that covers it whole, nothing unlisted, the index well
 * formed; it names what is missing or changed. The chain head is recorded for comparison with the system's audit
 * chain (its hash is what any later audit row chains from).
 */
public final class ArchivePackage {

    /** One archived PDF. */
    public record Item(String fileName, String reportType, String reportNumber, String parameters,
                       String businessDate, byte[] pdf) {
    }

    private ArchivePackage() {
    }

    /** Writes the package; entry order and times are fixed, so the same month gives the same zip. */
    public static void write(OutputStream out, YearMonth month, String issuingUnit, String chainHeadHash,
                             long chainHeadId, List<Item> items) throws IOException {
        Document index = newDocument();
        Element root = index.createElement("archive");
        root.setAttribute("month", month.toString());
        root.setAttribute("issuingUnit", issuingUnit);
        index.appendChild(root);
        Element chain = index.createElement("auditChainHead");
        chain.setAttribute("lastId", Long.toString(chainHeadId));
        chain.setAttribute("hash", chainHeadHash);
        root.appendChild(chain);
        for (Item item : items) {
            SignatureCheck.Result sig = SignatureCheck.check(item.pdf());
            Element f = index.createElement("file");
            f.setAttribute("name", "reports/" + item.fileName());
            f.setAttribute("report", item.reportType());
            f.setAttribute("reportNumber", item.reportNumber());
            f.setAttribute("parameters", item.parameters());
            f.setAttribute("businessDate", item.businessDate());
            f.setAttribute("sha256", ReportNumbers.sha256Hex(item.pdf()));
            f.setAttribute("size", Integer.toString(item.pdf().length));
            f.setAttribute("signature", sig.status().name());
            if (sig.certificateSerial() != null) {
                f.setAttribute("certificateSerial", sig.certificateSerial());
                f.setAttribute("signer", sig.signer());
            }
            root.appendChild(f);
        }
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            entry(zip, "index.xml", xml(index));
            for (Item item : items) {
                entry(zip, "reports/" + item.fileName(), item.pdf());
            }
        }
    }

    private static void entry(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTime(0L); // no wall clock in the package
        zip.putNextEntry(e);
        zip.write(bytes);
        zip.closeEntry();
    }

    /** What an offline check found: the problems (empty: the package is intact), and the index's chain head. */
    public record Verification(List<String> problems, int files, String chainHeadHash,
                               List<String> certificateSerials) {

        public boolean intact() {
            return problems.isEmpty();
        }
    }

    public static Verification verify(Path zipFile) throws IOException {
        try (InputStream in = Files.newInputStream(zipFile)) {
            return verify(in);
        }
    }

    public static Verification verify(InputStream zipStream) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(zipStream, StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                entries.put(e.getName(), zip.readAllBytes());
            }
        }
        List<String> problems = new ArrayList<>();
        byte[] indexBytes = entries.remove("index.xml");
        if (indexBytes == null) {
            return new Verification(List.of("index.xml: missing"), 0, null, List.of());
        }
        Document index;
        try {
            index = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(indexBytes));
        } catch (Exception e) {
            return new Verification(List.of("index.xml: not readable (" + e.getMessage() + ")"), 0, null, List.of());
        }
        Element chain = (Element) index.getElementsByTagName("auditChainHead").item(0);
        String head = chain == null ? null : chain.getAttribute("hash");
        if (head == null || !head.matches("[0-9a-f]{64}")) {
            problems.add("index.xml: no audit chain head");
        }
        NodeList files = index.getElementsByTagName("file");
        List<String> serials = new ArrayList<>();
        X509Certificate first = null;
        for (int i = 0; i < files.getLength(); i++) {
            Element f = (Element) files.item(i);
            String name = f.getAttribute("name");
            byte[] pdf = entries.remove(name);
            if (pdf == null) {
                problems.add(name + ": missing");
                continue;
            }
            if (!ReportNumbers.sha256Hex(pdf).equals(f.getAttribute("sha256"))) {
                problems.add(name + ": changed (SHA-256 differs from the index)");
            }
            SignatureCheck.Result sig = SignatureCheck.check(pdf);
            if (!sig.valid()) {
                problems.add(name + ": signature " + sig.status()
                        + (sig.problem() == null ? "" : " (" + sig.problem() + ")"));
            } else {
                if (!sig.certificateSerial().equals(f.getAttribute("certificateSerial"))) {
                    problems.add(name + ": signed by certificate " + sig.certificateSerial() + ", the index says "
                            + f.getAttribute("certificateSerial"));
                }
                if (first == null) {
                    first = sig.certificate();
                } else if (!first.equals(sig.certificate())) {
                    problems.add(name + ": signed by another certificate than the package's first file");
                }
                if (!serials.contains(sig.certificateSerial())) {
                    serials.add(sig.certificateSerial());
                }
            }
        }
        for (String extra : entries.keySet()) {
            problems.add(extra + ": not in the index");
        }
        return new Verification(List.copyOf(problems), files.getLength(), head, List.copyOf(serials));
    }

    /** The offline check as a command: {@code java -cp … cn.baojiaolou.reports.ArchivePackage package.zip}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: ArchivePackage <package.zip>");
            System.exit(2);
        }
        Verification v = verify(Path.of(args[0]));
        System.out.println("files: " + v.files() + ", certificates: " + v.certificateSerials()
                + ", audit chain head: " + v.chainHeadHash());
        v.problems().forEach(p -> System.out.println("PROBLEM " + p));
        System.out.println(v.intact() ? "INTACT" : "NOT INTACT: " + v.problems().size() + " problem(s)");
        System.exit(v.intact() ? 0 : 1);
    }

    private static Document newDocument() {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] xml(Document d) {
        try {
            var t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.INDENT, "yes");
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            t.transform(new DOMSource(d), new StreamResult(out));
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
