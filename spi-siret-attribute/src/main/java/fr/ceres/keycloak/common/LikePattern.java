package fr.ceres.keycloak.common;

/**
 * What people type, made safe inside a JPQL {@code like} pattern: {@code %} and {@code _} match
 * themselves, not any text. Queries using it say {@code escape '\'}.
 */
public final class LikePattern {

    /** The escape character the queries declare. */
    public static final char ESCAPE = '\\';

    private LikePattern() {
    }

    public static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c == '%' || c == '_' || c == ESCAPE) {
                escaped.append(ESCAPE);
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
