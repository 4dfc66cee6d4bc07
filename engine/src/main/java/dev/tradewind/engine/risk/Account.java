package dev.tradewind.engine.risk;

/**
 * One account's balances: per asset a total and the part of it reserved for open orders and held
 * withdrawals. Mutators assume the caller already checked the move is allowed (rejections happen
 * before any change); they fail loudly if an invariant would break, because a silent negative
 * balance is worse than a stopped engine.
 */
public final class Account {
    private final long id;
    /**
     * Interleaved {@code [total0, reserved0, total1, reserved1, ...]}: the two numbers a fill or a
     * check needs share a cache line, and an account costs one array instead of two.
     */
    private long[] balances;
    private int feeTier;

    public Account(long id, int assetCapacity) {
        this.id = id;
        this.balances = new long[2 * Math.max(4, assetCapacity)];
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
        int i = 2 * asset;
        return i < balances.length ? balances[i] : 0;
    }

    public long reserved(int asset) {
        int i = 2 * asset + 1;
        return i < balances.length ? balances[i] : 0;
    }

    public long available(int asset) {
        int i = 2 * asset;
        return i < balances.length ? balances[i] - balances[i + 1] : 0;
    }

    public void reserve(int asset, long amount) {
        int i = slot(asset);
        long after = balances[i + 1] + amount;
        if (amount < 0 || after > balances[i]) {
            throw broken("reserve " + amount + " of asset " + asset);
        }
        balances[i + 1] = after;
    }

    public void release(int asset, long amount) {
        int i = slot(asset);
        long after = balances[i + 1] - amount;
        if (amount < 0 || after < 0) {
            throw broken("release " + amount + " of asset " + asset);
        }
        balances[i + 1] = after;
    }

    /** Adds a signed amount to the total; the total may not fall below the reserved part. */
    public void addTotal(int asset, long amount) {
        int i = slot(asset);
        long after = balances[i] + amount;
        if (after < balances[i + 1]) {
            throw broken("add " + amount + " to asset " + asset);
        }
        balances[i] = after;
    }

    /** Takes a reserved amount out of the account (a fill paid from a reservation, a confirmed withdrawal). */
    public void spendReserved(int asset, long amount) {
        int i = slot(asset);
        if (amount < 0 || amount > balances[i + 1]) {
            throw broken("spend reserved " + amount + " of asset " + asset);
        }
        balances[i + 1] -= amount;
        balances[i] -= amount;
    }

    /** Restores balances from a snapshot. */
    public void restore(int asset, long totalAmount, long reservedAmount) {
        int i = slot(asset);
        balances[i] = totalAmount;
        balances[i + 1] = reservedAmount;
    }

    /** Index of the asset's total, growing the array for assets added after the account. */
    private int slot(int asset) {
        int i = 2 * asset;
        if (i >= balances.length) {
            balances = java.util.Arrays.copyOf(balances, Math.max(i + 2, balances.length * 2));
        }
        return i;
    }

    private IllegalStateException broken(String what) {
        return new IllegalStateException("engine bug: account " + id + " cannot " + what + " (total/reserved would become inconsistent)");
    }
}
