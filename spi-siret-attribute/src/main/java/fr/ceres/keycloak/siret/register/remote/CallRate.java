package fr.ceres.keycloak.siret.register.remote;

/**
 * How many calls a register accepts from one caller: {@code calls} per {@code seconds} (Recherche d'entreprises
 * 7 per second, INSEE Sirene 30 per minute).
 */
public record CallRate(int calls, int seconds) {

    public CallRate {
        if (calls < 1 || seconds < 1) {
            throw new IllegalArgumentException("a call rate is at least 1 call per at least 1 second, got " + calls
                    + " per " + seconds + " s");
        }
    }

    @Override
    public String toString() {
        return calls + "/" + seconds + "s";
    }
}
