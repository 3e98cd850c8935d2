package dev.jcompose.engine.ipam;

/**
 * One change to a network's addresses, as one line of its journal: {@code assign} gives
 * {@code address} in pool {@code pool} to {@code key}; {@code release} frees every address
 * {@code key} holds (its sticky addresses stay). Applying the journal's changes in order to the
 * snapshot they follow gives the state the engine had.
 */
record IpamChange(String op, int pool, String address, String key) {
    static final String ASSIGN = "assign";
    static final String RELEASE = "release";

    static IpamChange assign(int pool, String address, String key) {
        return new IpamChange(ASSIGN, pool, address, key);
    }

    static IpamChange release(String key) {
        return new IpamChange(RELEASE, -1, null, key);
    }

    /** {@code state} with this change made; throws on a change that names no pool of it (a journal that is not this network's). */
    NetworkState applyTo(NetworkState state) {
        if (ASSIGN.equals(op) && pool >= 0 && pool < state.pools().size() && address != null && key != null) {
            return state.with(pool, state.pools().get(pool).withAssigned(address, key));
        }
        if (RELEASE.equals(op) && key != null) {
            NetworkState s = state;
            for (int i = 0; i < s.pools().size(); i++) {
                s = s.with(i, s.pools().get(i).withReleased(key));
            }
            return s;
        }
        throw new IllegalArgumentException("not a change of network " + state.name() + "'s addresses: " + this);
    }
}
