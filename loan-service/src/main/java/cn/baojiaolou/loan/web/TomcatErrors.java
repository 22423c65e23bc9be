package cn.baojiaolou.loan.web;

import org.apache.catalina.Container;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Requests Tomcat refuses before they reach the application (an encoded slash or NUL in the path, a malformed
 * request line) would get Tomcat's English HTML page, with its version. Its error report valve is replaced: under
 * /api/** a problem+json with a code and a Chinese detail (English with Accept-Language: en), elsewhere a short
 * Chinese page. The texts are fixed here because nothing of the application runs at that point.
 */
@Component
class TomcatErrors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            Container host = context.getParent();
            if (host instanceof StandardHost standard) {
                standard.setErrorReportValveClass(ProblemValve.class.getName());
            }
        });
    }

    /** Tomcat instantiates this by name, so it is public with a no-argument constructor. */
    public static class ProblemValve extends ErrorReportValve {

        public ProblemValve() {
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.isCommitted() || response.getContentWritten() > 0) {
                return;
            }
            boolean english = String.valueOf(request.getHeader("Accept-Language")).toLowerCase().startsWith("en");
            String detail = english ? "The request was refused before it reached the application: its address "
                    + "holds characters that are not allowed (an encoded slash, backslash or NUL, or a malformed "
                    + "request line)." : "请求在到达系统之前被拒绝：地址中含有不允许的字符（编码的斜杠、反斜杠或空字符，或请求行格式错误）。";
            String title = english ? "Bad request" : "请求有误";
            try {
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                Writer out = response.getReporter();
                if (out == null) {
                    return;
                }
                if (ErrorResponses.isApi(request.getRequestURI())) {
                    response.setContentType("application/problem+json");
                    out.write("{\"type\":\"urn:bjl:problem:http." + status + "\",\"title\":\"" + title
                            + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\",\"code\":\"http."
                            + status + "\"}");
                } else {
                    response.setContentType("text/html");
                    out.write("<!DOCTYPE html><html lang=\"" + (english ? "en" : "zh-CN") + "\"><head><meta "
                            + "charset=\"utf-8\"><title>" + title + "</title></head><body><h1>" + status + " "
                            + title + "</h1><p>" + detail + "</p><p><a href=\"/\">" + (english ? "Home" : "返回首页")
                            + "</a></p></body></html>");
                }
            } catch (IOException | IllegalStateException ignored) {
                // the client went away: nothing left to tell it
            }
        }
    }
}
