package fr.ceres.keycloak.siret.register;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads the loosely typed JSON of company registers, where absent, null and blank all mean "unknown". */
public final class JsonFields {

    private JsonFields() {
    }

    /** The field's text, trimmed; null when the field is missing, JSON null, blank or not a plain value. */
    public static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isValueNode() || value.isNull()) {
            return null;
        }
        String text = value.asText().trim();
        return text.isEmpty() ? null : text;
    }

    /** The non-blank parts joined by single spaces; null when every part is blank. */
    public static String joinNonBlank(String... parts) {
        String joined = Arrays.stream(parts)
                .filter(Objects::nonNull)
                .map(String::trim)
                .filter(part -> !part.isEmpty())
                .collect(Collectors.joining(" "));
        return joined.isEmpty() ? null : joined;
    }
}
