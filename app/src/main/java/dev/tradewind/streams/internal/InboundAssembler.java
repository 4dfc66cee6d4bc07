package dev.tradewind.streams.internal;

import org.jspecify.annotations.Nullable;

/**
 * Joins the fragments of client text messages (the container delivers them in buffer-sized parts) and
 * enforces the size limit on the way, so an oversized message is never held whole: its first
 * {@code maxBytes} are kept, the rest is skipped. One per connection, used by its reader thread only.
 */
final class InboundAssembler {
    enum Kind { COMPLETE, PARTIAL, TOO_LARGE, WAY_TOO_LARGE }

    /** @param text the message when {@code kind} is COMPLETE */
    record Part(Kind kind, @Nullable String text) {
        static final Part PARTIAL = new Part(Kind.PARTIAL, null);
        static final Part TOO_LARGE = new Part(Kind.TOO_LARGE, null);
        static final Part WAY_TOO_LARGE = new Part(Kind.WAY_TOO_LARGE, null);
    }

    private final long maxBytes;
    private final long closeBytes;
    private final StringBuilder buffer = new StringBuilder();
    private long bytes;
    private boolean oversized;
    private boolean reported;

    /**
     * @param maxBytes   largest accepted message, in UTF-8 bytes
     * @param closeBytes size at which an oversized message is reported {@link Kind#WAY_TOO_LARGE}
     */
    InboundAssembler(long maxBytes, long closeBytes) {
        this.maxBytes = maxBytes;
        this.closeBytes = closeBytes;
    }

    /** Whether the next fragment starts a new message (the rate limit counts messages, not fragments). */
    boolean atMessageStart() {
        return bytes == 0 && !oversized;
    }

    /**
     * Feeds one fragment. An oversized message is reported TOO_LARGE once (at the fragment that crosses
     * the limit), WAY_TOO_LARGE when it crosses {@code closeBytes}, and PARTIAL otherwise until its end.
     */
    Part accept(String fragment, boolean last) {
        bytes += utf8Length(fragment);
        Part result;
        if (oversized || bytes > maxBytes) {
            if (!oversized) {
                oversized = true;
                buffer.setLength(0);
                buffer.trimToSize();
            }
            if (bytes > closeBytes) {
                result = Part.WAY_TOO_LARGE;
            } else if (!reported) {
                reported = true;
                result = Part.TOO_LARGE;
            } else {
                result = Part.PARTIAL;
            }
        } else {
            buffer.append(fragment);
            result = last ? new Part(Kind.COMPLETE, buffer.toString()) : Part.PARTIAL;
        }
        if (last) {
            buffer.setLength(0);
            bytes = 0;
            oversized = false;
            reported = false;
        }
        return result;
    }

    static long utf8Length(CharSequence text) {
        long length = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                length++;
            } else if (c < 0x800) {
                length += 2;
            } else if (Character.isHighSurrogate(c)) {
                length += 4; // with its low surrogate
                i++;
            } else {
                length += 3;
            }
        }
        return length;
    }
}
