package dev.tradewind.engine.journal;

import java.io.DataInput;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * A {@link DataInput} over a slice of a byte array (big-endian, reads what {@link BufferDataOutput}
 * and {@link java.io.DataOutputStream} write). Reusable through {@link #reset}. Not thread-safe.
 */
public final class BufferDataInput implements DataInput {
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private byte[] buffer;
    private int position;
    private int limit;

    public BufferDataInput(byte[] buffer) {
        this(buffer, 0, buffer.length);
    }

    public BufferDataInput(byte[] buffer, int offset, int length) {
        reset(buffer, offset, length);
    }

    public BufferDataInput reset(byte[] newBuffer, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, newBuffer.length);
        this.buffer = newBuffer;
        this.position = offset;
        this.limit = offset + length;
        return this;
    }

    public int remaining() {
        return limit - position;
    }

    private int take(int n) throws EOFException {
        if (limit - position < n) {
            throw new EOFException("need " + n + " bytes, " + (limit - position) + " remain");
        }
        int at = position;
        position += n;
        return at;
    }

    @Override
    public void readFully(byte[] b) throws IOException {
        readFully(b, 0, b.length);
    }

    @Override
    public void readFully(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        System.arraycopy(buffer, take(len), b, off, len);
    }

    @Override
    public int skipBytes(int n) {
        int skipped = Math.max(0, Math.min(n, limit - position));
        position += skipped;
        return skipped;
    }

    @Override
    public boolean readBoolean() throws IOException {
        return buffer[take(1)] != 0;
    }

    @Override
    public byte readByte() throws IOException {
        return buffer[take(1)];
    }

    @Override
    public int readUnsignedByte() throws IOException {
        return buffer[take(1)] & 0xFF;
    }

    @Override
    public short readShort() throws IOException {
        int at = take(2);
        return (short) (((buffer[at] & 0xFF) << 8) | (buffer[at + 1] & 0xFF));
    }

    @Override
    public int readUnsignedShort() throws IOException {
        return readShort() & 0xFFFF;
    }

    @Override
    public char readChar() throws IOException {
        return (char) readShort();
    }

    @Override
    public int readInt() throws IOException {
        return (int) INT.get(buffer, take(4));
    }

    @Override
    public long readLong() throws IOException {
        return (long) LONG.get(buffer, take(8));
    }

    @Override
    public float readFloat() throws IOException {
        return Float.intBitsToFloat(readInt());
    }

    @Override
    public double readDouble() throws IOException {
        return Double.longBitsToDouble(readLong());
    }

    /** Latin-1 line, as {@link java.io.DataInputStream#readLine} (kept only to satisfy the interface). */
    @Override
    public String readLine() {
        if (position >= limit) {
            return null;
        }
        StringBuilder line = new StringBuilder();
        while (position < limit) {
            int c = buffer[position++] & 0xFF;
            if (c == '\n') {
                break;
            }
            if (c == '\r') {
                if (position < limit && buffer[position] == '\n') {
                    position++;
                }
                break;
            }
            line.append((char) c);
        }
        return line.toString();
    }

    @Override
    public String readUTF() throws IOException {
        return DataInputStream.readUTF(this);
    }
}
