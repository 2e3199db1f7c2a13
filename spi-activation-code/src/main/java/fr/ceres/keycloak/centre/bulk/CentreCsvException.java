package fr.ceres.keycloak.centre.bulk;

/**
 * The whole file is refused (too large, too many rows, not UTF-8, bad header): the message, in French, is meant
 * for the agent who uploaded it.
 */
public final class CentreCsvException extends Exception {

    private static final long serialVersionUID = 1L;

    public CentreCsvException(String message) {
        super(message);
    }
}
