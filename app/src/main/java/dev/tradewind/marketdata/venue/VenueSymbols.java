package dev.tradewind.marketdata.venue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Two-way mapping between a venue's symbols and Tradewind's, e.g. Binance {@code BTCUSDT} ↔
 * {@code BTC-USD} or Coinbase {@code BTC-USD} ↔ {@code BTC-USD}. Venue symbols are matched
 * case-insensitively (Binance streams are lower case, its payloads upper case).
 */
public final class VenueSymbols {
    private final Map<String, String> toInternal = new LinkedHashMap<>();
    private final Map<String, String> toVenue = new LinkedHashMap<>();

    /** @param internalToVenue e.g. {@code {"BTC-USD": "BTCUSDT"}} */
    public VenueSymbols(Map<String, String> internalToVenue) {
        internalToVenue.forEach((internal, venue) -> {
            if (toInternal.put(venue.toUpperCase(Locale.ROOT), internal) != null) {
                throw new IllegalArgumentException("venue symbol " + venue + " is mapped twice");
            }
            toVenue.put(internal, venue);
        });
    }

    /** Binance's usual naming: {@code BTC-USD} → {@code BTCUSDT} (USD is quoted in USDT there). */
    public static VenueSymbols binance(List<String> internalSymbols) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String s : internalSymbols) {
            String[] parts = s.split("-", 2);
            String quote = parts.length == 2 && parts[1].equals("USD") ? "USDT" : parts.length == 2 ? parts[1] : "";
            map.put(s, parts[0] + quote);
        }
        return new VenueSymbols(map);
    }

    /** Coinbase product ids are Tradewind's symbols. */
    public static VenueSymbols identity(List<String> internalSymbols) {
        Map<String, String> map = new LinkedHashMap<>();
        internalSymbols.forEach(s -> map.put(s, s));
        return new VenueSymbols(map);
    }

    /** The Tradewind symbol, or null when the venue symbol is not configured. */
    public String internal(String venueSymbol) {
        return venueSymbol == null ? null : toInternal.get(venueSymbol.toUpperCase(Locale.ROOT));
    }

    public String venue(String internalSymbol) {
        return toVenue.get(internalSymbol);
    }

    /** Venue symbols in configuration order. */
    public List<String> venueSymbols() {
        return List.copyOf(toVenue.values());
    }
}
