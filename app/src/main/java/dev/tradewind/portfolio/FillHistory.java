package dev.tradewind.portfolio;

import java.util.List;
import java.util.UUID;

/**
 * The trades each user took part in. Port of the portfolio module, implemented by the module that
 * records fills. Every implementation passes {@code FillHistoryContract} (test sources).
 */
public interface FillHistory {

    /**
     * All of the user's fills, oldest first (by time; fills of the same instant in execution order).
     * Empty for a user who never traded. Average cost is computed from the whole history, so this
     * must not be truncated.
     */
    List<Fill> fills(UUID userId);
}
