package fr.ceres.keycloak.siret.register.remote;

/**
 * What the HTTP company registers share: options, timeouts and a total deadline per look-up, the User-Agent,
 * the per-node cache and the 429 back-off.
 *
 * <p>Failure policy (fail-open): when a register cannot be asked — down, slower than the timeouts or
 * the deadline, rate-limited, answering garbage or a 404 that is not its own — the lookup answers {@link
 * fr.ceres.keycloak.siret.register.LookupResult.Unavailable} and never throws. The sign-up then
 * accepts the SIRET on its checksum alone and flags it unverified: a register outage must not stop
 * training centres from creating their accounts.
 */
