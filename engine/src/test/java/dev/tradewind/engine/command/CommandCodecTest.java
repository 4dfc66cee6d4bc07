package dev.tradewind.engine.command;

import dev.tradewind.engine.instrument.Increment;
import dev.tradewind.engine.instrument.InstrumentStatus;
import dev.tradewind.engine.order.OrderType;
import dev.tradewind.engine.order.Side;
import dev.tradewind.engine.order.TimeInForce;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandCodecTest {
    private final CommandCodec codec = new CommandCodec();

    static final List<Command> EVERY_KIND = List.of(
            new PlaceOrder(42, 3, Side.SELL, OrderType.STOP_LIMIT, TimeInForce.FOK, 101, 99, 7, "client-1"),
            new PlaceOrder(-1, -2, null, null, null, Long.MIN_VALUE, Long.MAX_VALUE, 0, null),
            PlaceOrder.market(1, 0, Side.BUY, TimeInForce.IOC, 5),
            new CancelOrder(42, 1234567890123L),
            new ReplaceOrder(42, 77, 0, 9),
            new CreditDeposit("evt_1Nx€", 42, 1, 10_000),
            new HoldWithdrawal("wd-1", 42, 0, 50),
            new ConfirmWithdrawal("wd-1"),
            new ReleaseWithdrawal(null),
            new AdjustBalance("adj", 0, 2, -17),
            new UpdateReferencePrice(3, 4_200_050),
            new AddAsset("BTC", 8),
            new AddInstrument("BTC-USD", 1, 0, new Increment(1, 2), new Increment(1, 4), 1),
            new AddInstrument(null, 1, 0, null, null, 0),
            new SetInstrumentStatus(3, InstrumentStatus.HALTED),
            new SetInstrumentStatus(3, null),
            new ConfigureFeeTier(2, 10, 20),
            new SetAccountFeeTier(42, 2),
            new ConfigureRiskLimits(3, 500, 1_000, 0));

    private byte[] encode(Command command) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        codec.write(command, new DataOutputStream(bytes));
        return bytes.toByteArray();
    }

    private Command decode(byte[] bytes) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        Command command = codec.read(in);
        assertThat(in.available()).as("bytes left after decoding").isZero();
        return command;
    }

    @Test
    void everyCommandRoundTrips() throws IOException {
        for (Command command : EVERY_KIND) {
            assertThat(decode(encode(command))).isEqualTo(command);
        }
    }

    @Test
    void theSampleCoversEveryCommandType() {
        Set<Class<?>> covered = EVERY_KIND.stream().map(Object::getClass).collect(Collectors.toSet());
        assertThat(covered).containsExactlyInAnyOrder(Command.class.getPermittedSubclasses());
    }

    @Test
    void commandsFollowEachOtherInOneStream() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        for (Command command : EVERY_KIND) {
            codec.write(command, out);
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
        for (Command command : EVERY_KIND) {
            assertThat(codec.read(in)).isEqualTo(command);
        }
    }

    @Test
    void theJournalFormatIsPinned() throws IOException {
        // If this fails, journals written by earlier builds would no longer replay: add a new tag instead.
        assertThat(HexFormat.of().formatHex(encode(
                new PlaceOrder(1, 2, Side.SELL, OrderType.STOP_LIMIT, TimeInForce.FOK, 3, 4, 5, "a"))))
                .isEqualTo("01" + "0000000000000001" + "00000002" + "01" + "02" + "02"
                        + "0000000000000003" + "0000000000000004" + "0000000000000005" + "01" + "0001" + "61");
        assertThat(HexFormat.of().formatHex(encode(new CancelOrder(1, 2))))
                .isEqualTo("02" + "0000000000000001" + "0000000000000002");
    }

    @Test
    void anUnknownTagIsAnError() {
        assertThatThrownBy(() -> decode(new byte[] {99})).isInstanceOf(IOException.class).hasMessageContaining("99");
        assertThatThrownBy(() -> decode(new byte[] {1, 0})).isInstanceOf(IOException.class);
    }
}
