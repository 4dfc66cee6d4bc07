package dev.tradewind.engine.risk;

/**
 * One account's balances: per asset a total and the part of it reserved for open orders and held
 * withdrawals. Mutators assume the caller already checked the move is allowed (rejections happen
 * before any change); they fail loudly if an invariant would break, because a silent negative
 * balance is worse than a stopped engine.
 */
public final class Account {
    private final long id;
    private long[] total;
    private long[] reserved;
    private int feeTier;

    public Account(long id, int assetCapacity) {
        this.id = id;
        this.total = new long[Math.max(4, assetCapacity)];
        this.reserved = new long[total.length];
    }

    public long id() {
        return id;
    }

    public int feeTier() {
        return feeTier;
    }

    public void setFeeTier(int feeTier) {
        this.feeTier = feeTier;
    }

    public long total(int asset) {
        return asset < total.length ? total[asset] : 0;
    }

    public long reserved(int asset) {
        return asset < reserved.length ? reserved[asset] : 0;
    }

    public long available(int asset) {
        return asset < total.length ? total[asset] - reserved[asset] : 0;
    }

    /** Number of asset slots; assets at or above it have zero balances. */
    public int assetSlots() {
        return total.length;
    }

    public void reserve(int asset, long amount) {
        ensure(asset);
        long after = reserved[asset] + amount;
        if (amount < 0 || after > total[asset]) {
            throw broken("reserve " + amount + " of asset " + asset);
        }
        reserved[asset] = after;
    }

    public void release(int asset, long amount) {
        ensure(asset);
        long after = reserved[asset] - amount;
        if (amount < 0 || after < 0) {
            throw broken("release " + amount + " of asset " + asset);
        }
        reserved[asset] = after;
    }

    /** Adds a signed amount to the total; the total may not fall below the reserved part. */
    public void addTotal(int asset, long amount) {
        ensure(asset);
        long after = total[asset] + amount;
        if (after < reserved[asset]) {
            throw broken("add " + amount + " to asset " + asset);
        }
        total[asset] = after;
    }

    /** Takes a reserved amount out of the account (a fill paid from a reservation, a confirmed withdrawal). */
    public void spendReserved(int asset, long amount) {
        ensure(asset);
        if (amount < 0 || amount > reserved[asset]) {
            throw broken("spend reserved " + amount + " of asset " + asset);
        }
        reserved[asset] -= amount;
        total[asset] -= amount;
    }

    /** Restores balances from a snapshot. */
    public void restore(int asset, long totalAmount, long reservedAmount) {
        ensure(asset);
        total[asset] = totalAmount;
        reserved[asset] = reservedAmount;
    }

    private void ensure(int asset) {
        if (asset >= total.length) {
            int length = Math.max(asset + 1, total.length * 2);
            total = java.util.Arrays.copyOf(total, length);
            reserved = java.util.Arrays.copyOf(reserved, length);
        }
    }

    private IllegalStateException broken(String what) {
        return new IllegalStateException("engine bug: account " + id + " cannot " + what + " (total/reserved would become inconsistent)");
    }
}
