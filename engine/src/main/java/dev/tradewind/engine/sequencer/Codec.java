package dev.tradewind.engine.sequencer;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** Binary form of a value for the journal; {@code read(write(x))} must equal {@code x}. */
public interface Codec<T> {
    void write(T value, DataOutput out) throws IOException;

    T read(DataInput in) throws IOException;
}
