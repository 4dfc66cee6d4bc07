package dev.tradewind.engine.journal;

import java.io.DataOutput;
import java.io.UTFDataFormatException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A growable, reusable {@link DataOutput} over a byte array (big-endian, byte-compatible with
 * {@link java.io.DataOutputStream}). Exists so the journal can frame records in place and the
 * sequencer can serialize a snapshot without stream or lock overhead. Not thread-safe.
 */
public final class BufferDataOutput implements DataOutput {
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final int MAX_CAPACITY = Integer.MAX_VALUE - 16;

    private byte[] buffer;
    private int position;

    public BufferDataOutput(int initialCapacity) {
        if (initialCapacity < 0) {
            throw new IllegalArgumentException("initialCapacity must be >= 0, got " + initialCapacity);
        }
        this.buffer = new byte[initialCapacity];
    }

    /** The backing array; valid bytes are {@code [0, position())}. Replaced when the buffer grows. */
    public byte[] array() {
        return buffer;
    }

    public int position() {
        return position;
    }

    /** Moves the write position (to truncate, or to skip over a header that is filled in later). */
    public void position(int newPosition) {
        if (newPosition < 0) {
            throw new IllegalArgumentException("position must be >= 0, got " + newPosition);
        }
        ensure(newPosition - position);
        position = newPosition;
    }

    public void reset() {
        position = 0;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buffer, position);
    }

    public void putInt(int at, int value) {
        checkWithin(at, 4);
        INT.set(buffer, at, value);
    }

    public void putLong(int at, long value) {
        checkWithin(at, 8);
        LONG.set(buffer, at, value);
    }

    private void checkWithin(int at, int length) {
        if (at < 0 || at + length > position) {
            throw new IndexOutOfBoundsException("put at " + at + " length " + length + " outside [0," + position + ")");
        }
    }

    private void ensure(int extra) {
        if (extra <= 0) {
            return;
        }
        long needed = (long) position + extra;
        if (needed > buffer.length) {
            if (needed > MAX_CAPACITY) {
                throw new IllegalStateException("buffer would exceed " + MAX_CAPACITY + " bytes");
            }
            long grown = Math.max(needed, Math.max(64, (long) buffer.length * 2));
            buffer = Arrays.copyOf(buffer, (int) Math.min(grown, MAX_CAPACITY));
        }
    }

    @Override
    public void write(int b) {
        ensure(1);
        buffer[position++] = (byte) b;
    }

    @Override
    public void write(byte[] b) {
        write(b, 0, b.length);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        ensure(len);
        System.arraycopy(b, off, buffer, position, len);
        position += len;
    }

    @Override
    public void writeBoolean(boolean v) {
        write(v ? 1 : 0);
    }

    @Override
    public void writeByte(int v) {
        write(v);
    }

    @Override
    public void writeShort(int v) {
        ensure(2);
        buffer[position++] = (byte) (v >>> 8);
        buffer[position++] = (byte) v;
    }

    @Override
    public void writeChar(int v) {
        writeShort(v);
    }

    @Override
    public void writeInt(int v) {
        ensure(4);
        INT.set(buffer, position, v);
        position += 4;
    }

    @Override
    public void writeLong(long v) {
        ensure(8);
        LONG.set(buffer, position, v);
        position += 8;
    }

    @Override
    public void writeFloat(float v) {
        writeInt(Float.floatToIntBits(v));
    }

    @Override
    public void writeDouble(double v) {
        writeLong(Double.doubleToLongBits(v));
    }

    @Override
    public void writeBytes(String s) {
        int len = s.length();
        ensure(len);
        for (int i = 0; i < len; i++) {
            buffer[position++] = (byte) s.charAt(i);
        }
    }

    @Override
    public void writeChars(String s) {
        int len = s.length();
        ensure(len * 2);
        for (int i = 0; i < len; i++) {
            writeChar(s.charAt(i));
        }
    }

    /** Modified UTF-8 exactly as {@link java.io.DataOutputStream#writeUTF}, including its 65535-byte limit. */
    @Override
    public void writeUTF(String s) throws UTFDataFormatException {
        int len = s.length();
        int encoded = 0;
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            encoded += (c >= 0x0001 && c <= 0x007F) ? 1 : (c > 0x07FF ? 3 : 2);
        }
        if (encoded > 65535) {
            throw new UTFDataFormatException("encoded string too long: " + encoded + " bytes (max 65535)");
        }
        ensure(2 + encoded);
        buffer[position++] = (byte) (encoded >>> 8);
        buffer[position++] = (byte) encoded;
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            if (c >= 0x0001 && c <= 0x007F) {
                buffer[position++] = (byte) c;
            } else if (c > 0x07FF) {
                buffer[position++] = (byte) (0xE0 | ((c >> 12) & 0x0F));
                buffer[position++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                buffer[position++] = (byte) (0x80 | (c & 0x3F));
            } else {
                buffer[position++] = (byte) (0xC0 | ((c >> 6) & 0x1F));
                buffer[position++] = (byte) (0x80 | (c & 0x3F));
            }
        }
    }
}
