/**
 * Portfolio analytics: positions valued at last (or reference) prices, weighted-average cost,
 * realized and unrealized P&amp;L, daily portfolio values and risk metrics (volatility, historical
 * VaR 95 %, Sharpe ratio) from their daily returns. Methods and formulas: {@code docs/portfolio.md}.
 * <p>
 * This module owns three ports, implemented by the modules that know balances, prices and fills:
 * {@link dev.tradewind.portfolio.HoldingsSource} and {@link dev.tradewind.portfolio.FillHistory} by
 * trading (engine balances, persisted fills), {@link dev.tradewind.portfolio.PriceSource} by market
 * data (last trade, else reference price). Without a bean of each, the portfolio endpoints answer 503
 * {@code SERVICE_UNAVAILABLE} and the daily snapshot job does nothing.
 * <p>
 * Numbers at the ports are {@link java.math.BigDecimal}s in asset units (quantities) and USD
 * (prices, fees in USD); never floating point.
 */
package dev.tradewind.portfolio;
