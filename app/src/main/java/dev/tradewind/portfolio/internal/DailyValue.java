package dev.tradewind.portfolio.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A user's portfolio value in USD on a UTC day: its close, or for today its current value. */
record DailyValue(LocalDate day, BigDecimal value) {
}
