package org.queuejob.web.format;

import org.queuejob.domain.model.job.StoredText;

/** Escaping for server-drawn SVG: every text and attribute value written into it passes through here. */
final class Svg {

    private Svg() {}

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }

    static String abbreviate(String text, int max) {
        if (text == null) {
            return "";
        }
        return StoredText.shortened(text, max);
    }
}
