package fr.ceres.keycloak.centre.admin;

import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import fr.ceres.keycloak.common.FreeText;
import org.keycloak.util.JsonSerialization;

/**
 * Why an agent re-issues the code of an active centre ({@code {"motif": "…"}}, the body of {@code POST
 * /{siret}/code}). Whoever redeems the new code becomes one more gestionnaire of the centre, so the act needs a
 * stated reason: it goes into the admin event and into the email to the centre's gestionnaires. Read as every free
 * text is ({@link FreeText}): one line, at most {@value #MAX_LENGTH} characters, nothing hidden.
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
        String text = FreeText.normalize(motif.asText());
        if (text.isEmpty()) {
            return new Reading(Optional.empty(), Optional.empty());
        }
        return FreeText.problem(text, FreeText.Shape.LINE, MAX_LENGTH)
                .map(problem -> refused(switch (problem) {
                    case HIDDEN_CHARACTER -> "Le motif contient des caractères invisibles ou de contrôle.";
                    case TOO_LONG -> "Motif trop long (" + MAX_LENGTH + " caractères au plus).";
                }))
                .orElseGet(() -> new Reading(Optional.of(new ReissueReason(text)), Optional.empty()));
    }

    /** What was read: a reason, none, or a refusal of what was sent. */
    record Reading(Optional<ReissueReason> reason, Optional<ApiError> error) {
    }

    private static Reading refused(String description) {
        return new Reading(Optional.empty(), Optional.of(new ApiError(400, "invalid_reason", description)));
    }
}
