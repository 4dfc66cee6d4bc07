package dev.tradewind.ledger.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;

@Schema(name = "LedgerLine", description = "One posting to your account: an entry of the double-entry ledger")
record LedgerLineView(
        @Schema(example = "1042") long entryId,
        @Schema(description = "DEPOSIT, WITHDRAWAL, ADJUSTMENT, TRADE or FEE", example = "TRADE") String type,
        @Schema(example = "USD") String asset,
        @Schema(description = "Signed: positive credits your balance", example = "-10500.12500000") BigDecimal amount,
        @Schema(description = "Your balance of the asset after this line", example = "89499.87500000")
        BigDecimal balanceAfter,
        @Schema(description = "What caused it: trade:<tradeId>, a deposit's or adjustment's reference",
                example = "trade:812") String reference,
        Instant timestamp) {
}
