package fr.ceres.keycloak.siret.register.remote;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The calls the whole cluster may send one register, at most its {@link CallRate}. Time is cut into periods of the
 * rate's length, counted from the epoch, and the first four fifths of each period into as many slots as the rate
 * has calls; a call first claims its slot in a store every node shares ({@link SlotClaims}): one call per slot in
 * the cluster, so never more than the rate in a second (or a minute) of the clock, which is how the registers
 * count, whatever the number of nodes. The last fifth of each period is a guard: a call slowed on its way (a busy
 * node, the network) still reaches the register within the period it was counted in.
 *
 * <p>Who goes first: a sign-up or an agent ({@link #forPriority}) takes the current slot if it is free, else waits
 * for the next ones as they open, up to its patience. The anonymous pre-fill ({@link #forPrefill}) may only take
 * the current slot, and only from its middle on: whoever waits for that slot claims it as it opens, so a flood of
 * pre-fills of unknown SIRETs never starves a sign-up. A pre-fill that finds its slot taken is refused at once.
 */
final class RegisterBudget {

    private final String keyPrefix;
    private final CallRate rate;
    private final long periodMillis;
    /** The part of a period that holds slots; the rest is the guard. */
    private final long slottedMillis;
    private final long patienceMillis;
    private final long keptSeconds;
    private final LongSupplier clock;
    private final Sleeper sleeper;

    /** Who asks for a slot: a sign-up or an agent, or the anonymous pre-fill. */
    enum Caller { PRIORITY, PREFILL }

    /** Waits; {@code Thread::sleep} outside tests. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    /**
     * @param clock    the time in milliseconds since the epoch: all nodes must agree on slots, so a wall clock
     * @param patience how long a sign-up or an agent may wait for a slot
     */
    RegisterBudget(String register, CallRate rate, Duration patience, LongSupplier clock, Sleeper sleeper) {
        this.keyPrefix = "ceres-register-budget:" + register + ":";
        this.rate = rate;
        this.periodMillis = rate.seconds() * 1000L;
        this.slottedMillis = periodMillis * 4 / 5;
        this.patienceMillis = patience.toMillis();
        // Past its slot a key is never claimed again; kept a little longer than the slot, for clocks slightly apart.
        this.keptSeconds = Math.max(1, 2 * periodMillis / rate.calls() / 1000 + 1);
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** A slot for {@code caller}'s call, as its rank allows (see the class comment); false if it got none. */
    boolean take(Caller caller, SlotClaims claims) {
        return caller == Caller.PRIORITY ? forPriority(claims) : forPrefill(claims);
    }

    /** A slot for a sign-up's or an agent's call: now, or as soon as one opens within the patience; false if none. */
    boolean forPriority(SlotClaims claims) {
        long giveUpAt = clock.getAsLong() + patienceMillis;
        for (long slot = slotAt(clock.getAsLong()); opening(slot) <= giveUpAt; slot++) {
            if (!waitUntil(opening(slot))) {
                return false;
            }
            if (claims.claim(keyPrefix + slot, keptSeconds)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The current slot for an anonymous pre-fill's call, from the slot's middle on; false if it was taken, or if the
     * period is in its guard.
     */
    boolean forPrefill(SlotClaims claims) {
        long slot = slotAt(clock.getAsLong());
        if (opening(slot) > clock.getAsLong()) {
            return false;
        }
        long middle = opening(slot) + (closing(slot) - opening(slot)) / 2;
        return waitUntil(middle) && claims.claim(keyPrefix + slot, keptSeconds);
    }

    CallRate rate() {
        return rate;
    }

    /** The slot at {@code millis}; during a guard, the next period's first, not open yet. */
    private long slotAt(long millis) {
        long period = Math.floorDiv(millis, periodMillis);
        long offset = millis - period * periodMillis;
        if (offset >= slottedMillis) {
            return (period + 1) * rate.calls();
        }
        return period * rate.calls() + offset * rate.calls() / slottedMillis;
    }

    /** The slot's first millisecond. */
    private long opening(long slot) {
        return boundary(Math.floorDiv(slot, rate.calls()), Math.floorMod(slot, rate.calls()));
    }

    /** The millisecond after the slot's last. */
    private long closing(long slot) {
        return boundary(Math.floorDiv(slot, rate.calls()), Math.floorMod(slot, rate.calls()) + 1);
    }

    /** Where the {@code index}th slot of a period begins: periods hold exactly the rate, in their slotted part. */
    private long boundary(long period, long index) {
        return period * periodMillis - Math.floorDiv(-index * slottedMillis, rate.calls());
    }

    private boolean waitUntil(long millis) {
        long wait = millis - clock.getAsLong();
        if (wait <= 0) {
            return true;
        }
        try {
            sleeper.sleep(wait);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
