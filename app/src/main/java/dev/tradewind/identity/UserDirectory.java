package dev.tradewind.identity;

import java.util.Optional;
import java.util.UUID;

/** Looks users up for other modules. */
public interface UserDirectory {
    Optional<User> find(UUID userId);

    /** By email in any case and surrounding whitespace (it is normalized first). */
    Optional<User> findByEmail(String email);
}
