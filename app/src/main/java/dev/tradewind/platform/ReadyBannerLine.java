package dev.tradewind.platform;

/** One line printed under the URL when the app is ready (e.g. the demo login). */
@FunctionalInterface
public interface ReadyBannerLine {
    String text();
}
