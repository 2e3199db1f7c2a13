package fr.ceres.keycloak.dev;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Escaping for the mail viewer: every value that reaches a page or a JSON document goes through here. */
final class Html {

    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"'`]+", Pattern.CASE_INSENSITIVE);

    private Html() {
    }

    static String escape(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Plain text, escaped, with its http(s) links made clickable (opened in a new tab). */
    static String linkify(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 64);
        Matcher matcher = URL.matcher(text);
        int last = 0;
        while (matcher.find()) {
            String url = trimTrailingPunctuation(matcher.group());
            int end = matcher.start() + url.length();
            out.append(escape(text.substring(last, matcher.start())));
            out.append("<a href=\"").append(escape(url)).append("\" target=\"_blank\" rel=\"noopener noreferrer\">")
                    .append(escape(url)).append("</a>");
            last = end;
        }
        out.append(escape(text.substring(last)));
        return out.toString();
    }

    static List<String> links(String text) {
        List<String> links = new ArrayList<>();
        if (text != null) {
            Matcher matcher = URL.matcher(text);
            while (matcher.find()) {
                links.add(trimTrailingPunctuation(matcher.group()));
            }
        }
        return links;
    }

    /** A sentence's full stop or a closing bracket after a link is not part of it. */
    private static String trimTrailingPunctuation(String url) {
        int end = url.length();
        while (end > 0 && ".,;:!?)]}".indexOf(url.charAt(end - 1)) >= 0) {
            end--;
        }
        return url.substring(0, end);
    }

    /** A JSON string literal, quotes included. */
    static String json(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(value.length() + 16).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                // '<', '>' and '&' escaped too, so the document is inert even if a browser sniffed it as HTML.
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
