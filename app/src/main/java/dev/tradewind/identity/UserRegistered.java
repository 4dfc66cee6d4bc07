package dev.tradewind.identity;

import java.util.UUID;

/** Published (in-process, inside the registering transaction) when an account is created. */
public record UserRegistered(UUID userId) {
}
