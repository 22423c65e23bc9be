package cn.baojiaolou.reports;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import net.sf.jasperreports.engine.DefaultJasperReportsContext;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.SimpleJasperReportsContext;

/**
 * The one layout of the five reports, generated for the table layouts of a document: a JRXML (JasperReports 7) with a
 * header band and two detail bands per layout — a plain row, and the last row of the report with the summary and
 * the signature lines in the same unsplittable band, so the signatures never stand alone on a page. Column x and
 * width are static in Jasper, hence one generated template per set of layouts; compiled in memory with the Eclipse
 * compiler (it reads classes through the class loader, so it works inside the Spring Boot jar, where javac cannot
 * see the nested jars) and cached: a report kind always has the same layouts, so each compiles once per JVM.
 */
final class TableTemplate {

    static final int MAX_COLUMNS = ReportSection.MAX_COLUMNS;
    private static final int W = TableLayout.PAGE_WIDTH;
    private static final Map<String, JasperReport> CACHE = new ConcurrentHashMap<>();
    private static final SimpleJasperReportsContext CONTEXT = new SimpleJasperReportsContext(
            DefaultJasperReportsContext.getInstance());

    static {
        CONTEXT.setProperty("net.sf.jasperreports.compiler.java", "net.sf.jasperreports.jdt.JRJdtCompiler");
    }

    private TableTemplate() {
    }

    static JasperReport forLayouts(List<TableLayout> layouts) {
        String key = String.join("|", layouts.stream().map(TableLayout::signature).toList());
        return CACHE.computeIfAbsent(key, k -> compile(jrxml(layouts)));
    }

    private static JasperReport compile(String jrxml) {
        try {
            return JasperCompileManager.getInstance(CONTEXT)
                    .compile(new ByteArrayInputStream(jrxml.getBytes(StandardCharsets.UTF_8)));
        } catch (JRException e) {
            throw new IllegalStateException("the report template does not compile", e);
        }
    }

    static String jrxml(List<TableLayout> layouts) {
        StringBuilder x = new StringBuilder(32 * 1024);
        x.append("""
                <?xml version="1.0" encoding="UTF-8"?>
                <jasperReport name="bjl-table" language="java" pageWidth="842" pageHeight="595" orientation="Landscape" whenNoDataType="AllSectionsNoDetail" columnWidth="802" leftMargin="20" rightMargin="20" topMargin="20" bottomMargin="20" resourceBundle="reports/messages">
                	<style name="Base" default="true" fontName="Noto Sans SC" fontSize="8.0"/>
                	<style name="Cell" style="Base" vTextAlign="Middle">
                		<box topPadding="1" leftPadding="3" bottomPadding="1" rightPadding="3"><pen lineWidth="0.5" lineColor="#808080"/></box>
                		<conditionalStyle>
                			<conditionExpression><![CDATA["TOTAL".equals($F{kind})]]></conditionExpression>
                			<style bold="true"/>
                		</conditionalStyle>
                	</style>
                	<style name="Head" style="Base" mode="Opaque" backcolor="#E8E8E8" bold="true" hTextAlign="Center" vTextAlign="Middle">
                		<box topPadding="1" leftPadding="2" bottomPadding="1" rightPadding="2"><pen lineWidth="0.5" lineColor="#808080"/></box>
                	</style>
                	<parameter name="Title" class="java.lang.String"/>
                	<parameter name="IssuingUnit" class="java.lang.String"/>
                	<parameter name="BusinessDate" class="java.lang.String"/>
                	<parameter name="DataAsOf" class="java.lang.String"/>
                	<parameter name="ReportNumber" class="java.lang.String"/>
                	<parameter name="SubjectLine" class="java.lang.String"/>
                	<parameter name="SummaryText" class="java.lang.String"/>
                	<parameter name="SealText" class="java.lang.String"/>
                	<parameter name="VerifyUrl" class="java.lang.String"/>
                	<field name="section" class="java.lang.String"/>
                	<field name="sectionTitle" class="java.lang.String"/>
                	<field name="kind" class="java.lang.String"/>
                	<field name="layout" class="java.lang.Integer"/>
                	<field name="last" class="java.lang.Boolean"/>
                	<field name="tail" class="java.lang.Boolean"/>
                """);
        for (int i = 1; i <= MAX_COLUMNS; i++) {
            x.append("\t<field name=\"h").append(i).append("\" class=\"java.lang.String\"/>\n");
            x.append("\t<field name=\"c").append(i).append("\" class=\"java.lang.String\"/>\n");
        }
        // the report's last section starts on a new page unless its header (38) and the last row's band with the
        // summary and signatures (124) fit: otherwise its title and headers stood alone at the foot of a page
        x.append("\t<group name=\"tail\" minHeightToStartNewPage=\"162\">\n")
                .append("\t\t<expression><![CDATA[$F{tail}]]></expression>\n")
                // Jasper checks the minimum height only before a header band that prints: a 1 pt one, at the tail's start
                .append("\t\t<groupHeader><band height=\"1\"><printWhenExpression><![CDATA[$F{tail}.booleanValue()]]>"
                        + "</printWhenExpression></band></groupHeader>\n\t</group>\n");
        x.append("\t<group name=\"section\" reprintHeaderOnEachPage=\"true\" minHeightToStartNewPage=\"60\">\n")
                .append("\t\t<expression><![CDATA[$F{section}]]></expression>\n\t\t<groupHeader>\n");
        for (int k = 0; k < layouts.size(); k++) {
            x.append("\t\t\t<band height=\"38\" splitType=\"Prevent\">\n")
                    .append("\t\t\t\t<printWhenExpression><![CDATA[$F{layout}.intValue() == ").append(k)
                    .append("]]></printWhenExpression>\n")
                    .append("\t\t\t\t<element kind=\"textField\" x=\"0\" y=\"6\" width=\"").append(W)
                    .append("\" height=\"16\" fontSize=\"10.0\" bold=\"true\" textAdjust=\"StretchHeight\">"
                            + "<expression><![CDATA[$F{sectionTitle}]]></expression></element>\n")
                    .append("\t\t\t\t<element kind=\"frame\" x=\"0\" y=\"22\" width=\"").append(W)
                    .append("\" height=\"16\" positionType=\"Float\">\n");
            cells(x, layouts.get(k), "h", "Head", false);
            x.append("\t\t\t\t</element>\n\t\t\t</band>\n");
        }
        x.append("\t\t</groupHeader>\n\t</group>\n");
        x.append("""
                	<title height="58">
                		<element kind="textField" x="0" y="0" width="802" height="26" fontSize="16.0" bold="true" hTextAlign="Center" vTextAlign="Middle">
                			<expression><![CDATA[$P{Title}]]></expression>
                		</element>
                		<element kind="textField" x="0" y="32" width="300" height="20" textAdjust="ScaleFont" vTextAlign="Middle">
                			<expression><![CDATA[$R{label.issuingUnit} + $P{IssuingUnit}]]></expression>
                		</element>
                		<element kind="textField" x="300" y="32" width="160" height="20" textAdjust="ScaleFont" vTextAlign="Middle">
                			<expression><![CDATA[$R{label.businessDate} + $P{BusinessDate}]]></expression>
                		</element>
                		<element kind="textField" x="460" y="32" width="170" height="20" textAdjust="ScaleFont" vTextAlign="Middle">
                			<expression><![CDATA[$R{label.dataAsOf} + $P{DataAsOf}]]></expression>
                		</element>
                		<element kind="textField" x="630" y="32" width="172" height="20" textAdjust="ScaleFont" vTextAlign="Middle">
                			<expression><![CDATA[$R{label.reportNumber} + $P{ReportNumber}]]></expression>
                		</element>
                	</title>
                	<pageHeader height="16">
                		<element kind="textField" x="0" y="0" width="560" height="14" textAdjust="ScaleFont">
                			<printWhenExpression><![CDATA[$P{SubjectLine} != null]]></printWhenExpression>
                			<expression><![CDATA[$P{SubjectLine}]]></expression>
                		</element>
                		<element kind="textField" x="560" y="0" width="242" height="14" hTextAlign="Right" textAdjust="ScaleFont">
                			<expression><![CDATA[$P{Title} + "  " + $P{ReportNumber}]]></expression>
                		</element>
                	</pageHeader>
                	<detail>
                """);
        for (int k = 0; k < layouts.size(); k++) {
            // a plain row
            x.append("\t\t<band height=\"16\" splitType=\"Prevent\">\n\t\t\t<printWhenExpression><![CDATA[$F{layout}.intValue() == ")
                    .append(k).append(" && !$F{last}.booleanValue()]]></printWhenExpression>\n");
            x.append("\t\t\t<element kind=\"frame\" x=\"0\" y=\"0\" width=\"").append(W).append("\" height=\"16\">\n");
            cells(x, layouts.get(k), "c", "Cell", true);
            x.append("\t\t\t</element>\n\t\t</band>\n");
            // the report's last row (the totals, usually) with the summary and the signatures: never split
            x.append("\t\t<band height=\"124\" splitType=\"Prevent\">\n\t\t\t<printWhenExpression><![CDATA[$F{layout}.intValue() == ")
                    .append(k).append(" && $F{last}.booleanValue()]]></printWhenExpression>\n");
            x.append("\t\t\t<element kind=\"frame\" x=\"0\" y=\"0\" width=\"").append(W).append("\" height=\"16\">\n");
            cells(x, layouts.get(k), "c", "Cell", true);
            x.append("\t\t\t</element>\n");
            x.append("""
                    			<element kind="textField" x="0" y="24" width="802" height="14" positionType="Float" textAdjust="StretchHeight" blankWhenNull="true">
                    				<expression><![CDATA[$P{SummaryText}]]></expression>
                    			</element>
                    			<element kind="textField" x="0" y="52" width="802" height="16" positionType="Float">
                    				<expression><![CDATA[$R{label.signatures}]]></expression>
                    			</element>
                    			<element kind="textField" x="0" y="76" width="420" height="44" positionType="Float" removeLineWhenBlank="true" forecolor="#B00000" vTextAlign="Middle" textAdjust="StretchHeight">
                    				<printWhenExpression><![CDATA[$P{SealText} != null]]></printWhenExpression>
                    				<expression><![CDATA[$P{SealText}]]></expression>
                    				<box topPadding="3" leftPadding="6" bottomPadding="3" rightPadding="6"><pen lineWidth="1.0" lineColor="#B00000"/></box>
                    			</element>
                    		</band>
                    """);
        }
        x.append("""
                	</detail>
                	<pageFooter height="46">
                		<element kind="textField" x="0" y="26" width="400" height="14">
                			<expression><![CDATA[$R{label.reportNumber} + $P{ReportNumber}]]></expression>
                		</element>
                		<element kind="textField" x="520" y="26" width="150" height="14" hTextAlign="Right">
                			<expression><![CDATA[java.text.MessageFormat.format($R{label.pageOf}, $V{PAGE_NUMBER})]]></expression>
                		</element>
                		<element kind="textField" x="670" y="26" width="80" height="14" evaluationTime="Report">
                			<expression><![CDATA[java.text.MessageFormat.format($R{label.pageTotal}, $V{PAGE_NUMBER})]]></expression>
                		</element>
                		<element kind="image" x="758" y="2" width="44" height="44" scaleImage="RetainShape" hImageAlign="Right" vImageAlign="Bottom">
                			<printWhenExpression><![CDATA[$P{VerifyUrl} != null]]></printWhenExpression>
                			<expression><![CDATA[cn.baojiaolou.reports.PageQrCode.image($P{VerifyUrl}, $P{ReportNumber}, $V{PAGE_NUMBER})]]></expression>
                		</element>
                	</pageFooter>
                </jasperReport>
                """);
        return x.toString();
    }

    private static void cells(StringBuilder x, TableLayout layout, String prefix, String style, boolean aligned) {
        int at = 0;
        for (int i = 0; i < layout.widths().size(); i++) {
            int w = layout.widths().get(i);
            x.append("\t\t\t\t\t<element kind=\"textField\" x=\"").append(at).append("\" y=\"0\" width=\"").append(w)
                    .append("\" height=\"16\" style=\"").append(style).append('"');
            if (aligned) {
                x.append(" hTextAlign=\"").append(layout.align().charAt(i) == 'R' ? "Right" : "Left").append('"');
            }
            x.append(" stretchType=\"ContainerHeight\" textAdjust=\"StretchHeight\" blankWhenNull=\"true\">")
                    .append("<expression><![CDATA[$F{").append(prefix).append(i + 1).append("}]]></expression>")
                    .append("</element>\n");
            at += w;
        }
    }
}
