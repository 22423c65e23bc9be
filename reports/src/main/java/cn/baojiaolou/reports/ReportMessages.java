package cn.baojiaolou.reports;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The reports' own message bundle ({@code reports/messages*.properties}): Chinese by default, English on request. */
public final class ReportMessages {

    static final String BUNDLE = "reports/messages";

    private final ResourceBundle bundle;
    private final Locale locale;

    public ReportMessages(Locale locale) {
        this.locale = supported(locale);
        this.bundle = ResourceBundle.getBundle(BUNDLE, this.locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** zh-CN unless English is asked for: the users are Chinese. */
    public static Locale supported(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    }

    public Locale locale() {
        return locale;
    }

    ResourceBundle bundle() {
        return bundle;
    }

    public String get(String key, Object... args) {
        String pattern = bundle.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    public String resolve(ReportText text) {
        if (text == null) {
            return null;
        }
        return text.literal() != null ? text.literal() : get(text.key(), text.args().toArray());
    }
}
