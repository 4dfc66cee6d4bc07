package dev.tradewind.engine.sequencer;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

public final class BankCodec implements Codec<BankCommand> {
    @Override
    public void write(BankCommand value, DataOutput out) throws IOException {
        switch (value) {
            case BankCommand.Deposit d -> {
                out.writeByte(1);
                out.writeInt(d.account());
                out.writeLong(d.amount());
            }
            case BankCommand.Withdraw w -> {
                out.writeByte(2);
                out.writeInt(w.account());
                out.writeLong(w.amount());
            }
            case BankCommand.Transfer t -> {
                out.writeByte(3);
                out.writeInt(t.from());
                out.writeInt(t.to());
                out.writeLong(t.amount());
            }
            case BankCommand.Note n -> {
                out.writeByte(4);
                out.writeUTF(n.text());
            }
            case BankCommand.Explode e -> out.writeByte(5);
            case BankCommand.Unencodable u -> throw new IOException("Unencodable cannot be encoded");
        }
    }

    @Override
    public BankCommand read(DataInput in) throws IOException {
        byte tag = in.readByte();
        return switch (tag) {
            case 1 -> new BankCommand.Deposit(in.readInt(), in.readLong());
            case 2 -> new BankCommand.Withdraw(in.readInt(), in.readLong());
            case 3 -> new BankCommand.Transfer(in.readInt(), in.readInt(), in.readLong());
            case 4 -> new BankCommand.Note(in.readUTF());
            case 5 -> new BankCommand.Explode();
            default -> throw new IOException("unknown bank command tag " + tag);
        };
    }
}
