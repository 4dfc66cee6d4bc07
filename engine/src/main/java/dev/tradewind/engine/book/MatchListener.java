package dev.tradewind.engine.book;

/** Receives what matching did, in order: the fills of a level, then that level's new quantity. */
public interface MatchListener extends LevelListener {
    /**
     * The maker traded {@code quantity} at {@code price} (its own price). The book already updated
     * the maker's fill; when {@code maker.remaining() == 0} it has left the book and the listener
     * owns it (e.g. may recycle it).
     */
    void onTrade(Order maker, long price, long quantity);
}
