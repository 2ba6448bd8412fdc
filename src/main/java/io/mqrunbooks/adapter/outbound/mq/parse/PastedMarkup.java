package io.mqrunbooks.adapter.outbound.mq.parse;

import java.util.regex.Pattern;

/**
 * Output copied from a web page keeps some of its markup ({@code <pre class="screen">}, {@code <br/>},
 * {@code <span>}, {@code &lt;}). Only text that holds a structural HTML tag is touched, and only tags with
 * HTML's names are removed: MQ's own angle brackets ({@code HAINITL(<0:0:9:13456>)}) are kept.
 */
public final class PastedMarkup {

    private static final String TAG_NAMES = "pre|code|samp|kbd|tt|b|i|u|em|strong|br|p|span|div|font|a|td|tr|th"
            + "|table|tbody|thead|li|ul|ol|h[1-6]";
    private static final Pattern STRUCTURAL = Pattern.compile("<(?:pre|code|br|p|div|span|td)(?:\\s[^<>]*)?/?>",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TAG = Pattern.compile("</?(?:" + TAG_NAMES + ")(?:\\s[^<>]*)?/?>",
            Pattern.CASE_INSENSITIVE);

    private PastedMarkup() {
    }

    /** The text without HTML tags and with the common entities decoded; unchanged when it holds no HTML. */
    public static String withoutHtml(String text) {
        if (text == null || !STRUCTURAL.matcher(text).find()) {
            return text;
        }
        return TAG.matcher(text).replaceAll("").replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    }
}
