package dev.tradewind.engine.command;

import dev.tradewind.engine.instrument.Increment;
import dev.tradewind.engine.instrument.InstrumentStatus;
import dev.tradewind.engine.order.OrderType;
import dev.tradewind.engine.order.Side;
import dev.tradewind.engine.order.TimeInForce;
import dev.tradewind.engine.sequencer.Codec;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Compact binary journal form of every {@link Command}: a one-byte tag, then the fields in record
 * order. Tags and enum ordinals are part of the on-disk format: never renumber, only append (a
 * golden-bytes test pins them). Nulls are encoded explicitly so any command, even an invalid one the
 * engine will reject, replays identically.
 */
public final class CommandCodec implements Codec<Command> {
    private static final byte PLACE_ORDER = 1;
    private static final byte CANCEL_ORDER = 2;
    private static final byte REPLACE_ORDER = 3;
    private static final byte CREDIT_DEPOSIT = 4;
    private static final byte HOLD_WITHDRAWAL = 5;
    private static final byte CONFIRM_WITHDRAWAL = 6;
    private static final byte RELEASE_WITHDRAWAL = 7;
    private static final byte ADJUST_BALANCE = 8;
    private static final byte UPDATE_REFERENCE_PRICE = 9;
    private static final byte ADD_ASSET = 10;
    private static final byte ADD_INSTRUMENT = 11;
    private static final byte SET_INSTRUMENT_STATUS = 12;
    private static final byte CONFIGURE_FEE_TIER = 13;
    private static final byte SET_ACCOUNT_FEE_TIER = 14;
    private static final byte CONFIGURE_RISK_LIMITS = 15;

    private static final Side[] SIDES = Side.values();
    private static final OrderType[] TYPES = OrderType.values();
    private static final TimeInForce[] TIMES_IN_FORCE = TimeInForce.values();
    private static final InstrumentStatus[] STATUSES = InstrumentStatus.values();

    @Override
    public void write(Command command, DataOutput out) throws IOException {
        switch (command) {
            case PlaceOrder c -> {
                out.writeByte(PLACE_ORDER);
                out.writeLong(c.accountId());
                out.writeInt(c.instrumentId());
                writeEnum(out, c.side());
                writeEnum(out, c.type());
                writeEnum(out, c.timeInForce());
                out.writeLong(c.price());
                out.writeLong(c.stopPrice());
                out.writeLong(c.quantity());
                writeString(out, c.clientOrderId());
            }
            case CancelOrder c -> {
                out.writeByte(CANCEL_ORDER);
                out.writeLong(c.accountId());
                out.writeLong(c.orderId());
            }
            case ReplaceOrder c -> {
                out.writeByte(REPLACE_ORDER);
                out.writeLong(c.accountId());
                out.writeLong(c.orderId());
                out.writeLong(c.newPrice());
                out.writeLong(c.newQuantity());
            }
            case CreditDeposit c -> writeMoney(out, CREDIT_DEPOSIT, c.reference(), c.accountId(), c.assetId(), c.amount());
            case HoldWithdrawal c -> writeMoney(out, HOLD_WITHDRAWAL, c.reference(), c.accountId(), c.assetId(), c.amount());
            case AdjustBalance c -> writeMoney(out, ADJUST_BALANCE, c.reference(), c.accountId(), c.assetId(), c.amount());
            case ConfirmWithdrawal c -> {
                out.writeByte(CONFIRM_WITHDRAWAL);
                writeString(out, c.reference());
            }
            case ReleaseWithdrawal c -> {
                out.writeByte(RELEASE_WITHDRAWAL);
                writeString(out, c.reference());
            }
            case UpdateReferencePrice c -> {
                out.writeByte(UPDATE_REFERENCE_PRICE);
                out.writeInt(c.instrumentId());
                out.writeLong(c.price());
            }
            case AddAsset c -> {
                out.writeByte(ADD_ASSET);
                writeString(out, c.code());
                out.writeInt(c.scale());
            }
            case AddInstrument c -> {
                out.writeByte(ADD_INSTRUMENT);
                writeString(out, c.symbol());
                out.writeInt(c.baseAssetId());
                out.writeInt(c.quoteAssetId());
                writeIncrement(out, c.tickSize());
                writeIncrement(out, c.lotSize());
                out.writeLong(c.minQuantity());
            }
            case SetInstrumentStatus c -> {
                out.writeByte(SET_INSTRUMENT_STATUS);
                out.writeInt(c.instrumentId());
                writeEnum(out, c.status());
            }
            case ConfigureFeeTier c -> {
                out.writeByte(CONFIGURE_FEE_TIER);
                out.writeInt(c.tier());
                out.writeInt(c.makerBps());
                out.writeInt(c.takerBps());
            }
            case SetAccountFeeTier c -> {
                out.writeByte(SET_ACCOUNT_FEE_TIER);
                out.writeLong(c.accountId());
                out.writeInt(c.tier());
            }
            case ConfigureRiskLimits c -> {
                out.writeByte(CONFIGURE_RISK_LIMITS);
                out.writeInt(c.instrumentId());
                out.writeInt(c.priceBandBps());
                out.writeLong(c.maxQuantity());
                out.writeLong(c.maxNotional());
            }
        }
    }

    @Override
    public Command read(DataInput in) throws IOException {
        byte tag = in.readByte();
        return switch (tag) {
            case PLACE_ORDER -> new PlaceOrder(in.readLong(), in.readInt(), readEnum(in, SIDES), readEnum(in, TYPES),
                    readEnum(in, TIMES_IN_FORCE), in.readLong(), in.readLong(), in.readLong(), readString(in));
            case CANCEL_ORDER -> new CancelOrder(in.readLong(), in.readLong());
            case REPLACE_ORDER -> new ReplaceOrder(in.readLong(), in.readLong(), in.readLong(), in.readLong());
            case CREDIT_DEPOSIT -> new CreditDeposit(readString(in), in.readLong(), in.readInt(), in.readLong());
            case HOLD_WITHDRAWAL -> new HoldWithdrawal(readString(in), in.readLong(), in.readInt(), in.readLong());
            case ADJUST_BALANCE -> new AdjustBalance(readString(in), in.readLong(), in.readInt(), in.readLong());
            case CONFIRM_WITHDRAWAL -> new ConfirmWithdrawal(readString(in));
            case RELEASE_WITHDRAWAL -> new ReleaseWithdrawal(readString(in));
            case UPDATE_REFERENCE_PRICE -> new UpdateReferencePrice(in.readInt(), in.readLong());
            case ADD_ASSET -> new AddAsset(readString(in), in.readInt());
            case ADD_INSTRUMENT -> new AddInstrument(readString(in), in.readInt(), in.readInt(), readIncrement(in),
                    readIncrement(in), in.readLong());
            case SET_INSTRUMENT_STATUS -> new SetInstrumentStatus(in.readInt(), readEnum(in, STATUSES));
            case CONFIGURE_FEE_TIER -> new ConfigureFeeTier(in.readInt(), in.readInt(), in.readInt());
            case SET_ACCOUNT_FEE_TIER -> new SetAccountFeeTier(in.readLong(), in.readInt());
            case CONFIGURE_RISK_LIMITS -> new ConfigureRiskLimits(in.readInt(), in.readInt(), in.readLong(), in.readLong());
            default -> throw new IOException("unknown command tag " + tag + ": journal corrupt or written by a newer engine");
        };
    }

    private static void writeMoney(DataOutput out, byte tag, String reference, long accountId, int assetId, long amount)
            throws IOException {
        out.writeByte(tag);
        writeString(out, reference);
        out.writeLong(accountId);
        out.writeInt(assetId);
        out.writeLong(amount);
    }

    private static void writeEnum(DataOutput out, Enum<?> value) throws IOException {
        out.writeByte(value == null ? -1 : value.ordinal());
    }

    private static <E extends Enum<E>> E readEnum(DataInput in, E[] values) throws IOException {
        int ordinal = in.readByte();
        if (ordinal == -1) {
            return null;
        }
        if (ordinal < 0 || ordinal >= values.length) {
            throw new IOException("enum ordinal " + ordinal + " out of range for " + values[0].getDeclaringClass().getSimpleName());
        }
        return values[ordinal];
    }

    private static void writeString(DataOutput out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    private static String readString(DataInput in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    private static void writeIncrement(DataOutput out, Increment value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeLong(value.units());
            out.writeByte(value.scale());
        }
    }

    private static Increment readIncrement(DataInput in) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        long units = in.readLong();
        int scale = in.readByte();
        try {
            return new Increment(units, scale);
        } catch (IllegalArgumentException e) {
            throw new IOException("corrupt increment in journal: " + e.getMessage(), e);
        }
    }
}
