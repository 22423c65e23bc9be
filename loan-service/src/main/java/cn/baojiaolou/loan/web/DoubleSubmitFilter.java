package cn.baojiaolou.loan.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.WebUtils;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * The pages' Idempotency-Key. A confirmation form that posts money carries a one-time {@code formKey}
 * ({@code ${@fmt.formKey()}}), and a second POST with the same key in the same session is not carried out: a
 * double click, a reload of the answer or the browser's back-and-resend answers 409 with a Chinese page saying it was
 * already submitted. A key whose request failed (an exception, a 5xx) is forgotten, so that form may be sent again.
 * Vouchers post once anyway; a payment request has no voucher, which is why this exists.
 */
@Component
@Order(0)
class DoubleSubmitFilter extends OncePerRequestFilter {

    static final String PARAMETER = "formKey";
    private static final String USED = DoubleSubmitFilter.class.getName() + ".used";
    /** Keys remembered per session: far more than anyone submits in one. */
    private static final int REMEMBERED = 500;

    private final MessageSource messages;
    private final LocaleResolver locales;

    DoubleSubmitFilter(MessageSource messages, LocaleResolver locales) {
        this.messages = messages;
        this.locales = locales;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getParameter(PARAMETER);
        // a key is a UUID: anything longer is not one of ours and is not kept in the session
        HttpSession session = key == null || key.isBlank() || key.length() > 64 ? null : request.getSession(false);
        if (session == null) {
            chain.doFilter(request, response);
            return;
        }
        if (!claim(session, key)) {
            refuse(request, response);
            return;
        }
        boolean failed = true;
        try {
            chain.doFilter(request, response);
            failed = response.getStatus() >= 500;
        } finally {
            if (failed) {
                forget(session, key);
            }
        }
    }

    /** Marks the key used; false when it already was (under the session's mutex: two clicks race here). */
    private static boolean claim(HttpSession session, String key) {
        synchronized (WebUtils.getSessionMutex(session)) {
            Map<String, Boolean> used = used(session);
            if (used.containsKey(key)) {
                return false;
            }
            used.put(key, Boolean.TRUE);
            session.setAttribute(USED, used);
            return true;
        }
    }

    private static void forget(HttpSession session, String key) {
        synchronized (WebUtils.getSessionMutex(session)) {
            Map<String, Boolean> used = used(session);
            used.remove(key);
            session.setAttribute(USED, used);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Boolean> used(HttpSession session) {
        Object found = session.getAttribute(USED);
        if (found instanceof Map<?, ?> map) {
            return (Map<String, Boolean>) map;
        }
        return new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > REMEMBERED;
            }
        };
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // before the DispatcherServlet: the pages' resolver (cookie, then zh-CN) asked directly
        Locale locale = locales.resolveLocale(request);
        String title = messages.getMessage("page.doubleSubmit.title", null, locale);
        String text = messages.getMessage("page.doubleSubmit.text", null, locale);
        String back = messages.getMessage("page.doubleSubmit.back", null, locale); // the home page, open to every role
        response.setStatus(HttpStatus.CONFLICT.value());
        response.setContentType(MediaType.TEXT_HTML_VALUE + ";charset=UTF-8");
        // a page of its own, small and without the layout: nothing of the first answer is sent again
        response.getWriter().write("<!DOCTYPE html><html lang=\"" + (locale.getLanguage().equals("en") ? "en" : "zh-CN")
                + "\"><head><meta charset=\"UTF-8\"><title>" + HtmlUtils.htmlEscape(title)
                + "</title><link rel=\"stylesheet\" href=\"/css/app.css\"></head><body><main style=\"padding:2rem\">"
                + "<h1 id=\"double-submit\">" + HtmlUtils.htmlEscape(title) + "</h1><p>" + HtmlUtils.htmlEscape(text)
                + "</p><p><a href=\"/\">" + HtmlUtils.htmlEscape(back) + "</a></p></main></body></html>");
    }
}
