package fr.ceres.keycloak.access.invite;

import java.util.List;
import java.util.Map;

import fr.ceres.keycloak.access.gestionnaire.ManagedCentre;
import fr.ceres.keycloak.centre.habilitation.CeresRole;

/**
 * What {@code ceres-invite.ftl} shows, under the attribute {@code ceresInvite}: the dialog « Inviter un
 * utilisateur » ({@code step} {@value #FORM}) or its « Récapitulatif de l'invitation » ({@value #SUMMARY}).
 */
public final class InvitePage {

    static final String FORM = "form";
    static final String SUMMARY = "summary";

    private final String step;
    private final ManagedCentre centre;
    private final InviteForm values;
    private final Map<String, String> errors;
    private final String problem;
    private final List<PeopleSearch.Person> suggestions;
    private final boolean searched;
    private final String inviterName;
    private final String invitedName;
    private final String csrf;
    private final Urls urls;

    private InvitePage(String step, ManagedCentre centre, InviteForm values, Map<String, String> errors, String problem,
            List<PeopleSearch.Person> suggestions, boolean searched, String inviterName, String invitedName, String csrf,
            Urls urls) {
        this.step = step;
        this.centre = centre;
        this.values = values;
        this.errors = Map.copyOf(errors);
        this.problem = problem;
        this.suggestions = List.copyOf(suggestions);
        this.searched = searched;
        this.inviterName = inviterName;
        this.invitedName = invitedName;
        this.csrf = csrf;
        this.urls = urls;
    }

    /**
     * The dialog, with what was filled, what is wrong with it (per field; {@code problem} for the whole),
     * and the accounts found when the « Rechercher » button was used (pages without script).
     */
    static InvitePage form(ManagedCentre centre, InviteForm values, Map<String, String> errors, String problem,
            List<PeopleSearch.Person> suggestions, boolean searched, String inviterName, String csrf, Urls urls) {
        return new InvitePage(FORM, centre, values, errors, problem, suggestions, searched, inviterName, null, csrf, urls);
    }

    /** The summary of a valid dialog; {@code invitedName} is the account's name, null for an address only. */
    static InvitePage summary(ManagedCentre centre, InviteForm values, String inviterName, String invitedName,
            String csrf, Urls urls) {
        return new InvitePage(SUMMARY, centre, values, Map.of(), null, List.of(), false, inviterName, invitedName,
                csrf, urls);
    }

    public String getStep() {
        return step;
    }

    public String getCentre() {
        return centre.siret();
    }

    /** The company the invitation is to, as its message names it. */
    public String getCompany() {
        return centre.companyName();
    }

    /** The roles the forms offer, by id, in the order to offer them. */
    public List<String> getRoles() {
        return CeresRole.offered();
    }

    public List<String> getSirets() {
        return centre.sirets();
    }

    public InviteForm getValues() {
        return values;
    }

    /** The problem word of a field, or null. */
    public String error(String field) {
        return errors.get(field);
    }

    public boolean isInvalid() {
        return !errors.isEmpty() || problem != null;
    }

    /** What prevents the invitation as a whole (already held, already invited, email not sent), or null. */
    public String getProblem() {
        return problem;
    }

    public List<PeopleSearch.Person> getSuggestions() {
        return suggestions;
    }

    /** Whether a search was made without script, so the page says when it found nobody. */
    public boolean isSearched() {
        return searched;
    }

    public int getMinQueryLength() {
        return PeopleSearch.MIN_QUERY_LENGTH;
    }

    public String getInviterName() {
        return inviterName;
    }

    /** The invited account's name, or null when only the address is known. */
    public String getInvitedName() {
        return invitedName;
    }

    /** The address the invitation goes to (summary). */
    public String getInvitedEmail() {
        return values.invitedEmailIfValid().orElse("");
    }

    public String getCsrf() {
        return csrf;
    }

    public Urls getUrls() {
        return urls;
    }

    /** The addresses of the dialog: its form, the way back to the access page, the suggestions' endpoint. */
    public static final class Urls {

        private final String action;
        private final String back;
        private final String people;

        Urls(String action, String back, String people) {
            this.action = action;
            this.back = back;
            this.people = people;
        }

        public String getAction() {
            return action;
        }

        public String getBack() {
            return back;
        }

        public String getPeople() {
            return people;
        }
    }
}
