package fr.ceres.keycloak.centre.admin;

import java.text.Normalizer;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.keycloak.util.JsonSerialization;

/**
 * Why an agent re-issues the code of an active centre ({@code {"motif": "…"}}, the body of {@code POST
 * /{siret}/code}). Whoever redeems the new code becomes one more gestionnaire of the centre, so the act needs a
 * stated reason: it goes into the admin event and into the email to the centre's gestionnaires. NFC, trimmed, at
 * most {@value #MAX_LENGTH} characters, no control character or bidirectional override (it is shown in an email).
 */
record ReissueReason(String text) {

    static final int MAX_LENGTH = 500;
    static final String FIELD = "motif";

    /** The reason of the request's body; empty when the body has none (nothing, blank, or no {@value #FIELD}). */
    static Reading read(String body) {
        if (body == null || body.isBlank()) {
            return new Reading(Optional.empty(), Optional.empty());
        }
        JsonNode json;
        try {
            json = JsonSerialization.mapper.readTree(body);
        } catch (JsonProcessingException e) {
            json = null;
        }
        if (json == null || !json.isObject()) {
            return refused("Corps attendu : {\"motif\": \"...\"} en JSON, ou rien.");
        }
        JsonNode motif = json.get(FIELD);
        if (motif == null || motif.isNull()) {
            return new Reading(Optional.empty(), Optional.empty());
        }
        if (!motif.isTextual()) {
            return refused("Le motif doit être un texte.");
        }
        String text = Normalizer.normalize(motif.asText(), Normalizer.Form.NFC).strip();
        if (text.isEmpty()) {
            return new Reading(Optional.empty(), Optional.empty());
        }
        if (text.length() > MAX_LENGTH) {
            return refused("Motif trop long (" + MAX_LENGTH + " caractères au plus).");
        }
        if (text.codePoints().anyMatch(ReissueReason::forbidden)) {
            return refused("Le motif contient des caractères non autorisés (caractères de contrôle ou de direction"
                    + " du texte).");
        }
        return new Reading(Optional.of(new ReissueReason(text)), Optional.empty());
    }

    /** What was read: a reason, none, or a refusal of what was sent. */
    record Reading(Optional<ReissueReason> reason, Optional<ApiError> error) {
    }

    private static Reading refused(String description) {
        return new Reading(Optional.empty(), Optional.of(new ApiError(400, "invalid_reason", description)));
    }

    /** C0 and C1 controls (line breaks too: one line is enough), and the bidirectional embeddings and isolates. */
    private static boolean forbidden(int c) {
        return Character.getType(c) == Character.CONTROL
                || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F;
    }
}
