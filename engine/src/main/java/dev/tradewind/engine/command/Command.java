package dev.tradewind.engine.command;

/**
 * Everything that can change engine state, as imperative records. Commands are journaled (see
 * {@link CommandCodec}) and replayed, so they carry every input the engine needs and nothing it
 * must not depend on (no clock, no randomness). Records do not validate: the engine answers bad
 * input with a rejection code, so even a malformed command replays identically.
 */
public sealed interface Command permits PlaceOrder, CancelOrder, ReplaceOrder,
        CreditDeposit, HoldWithdrawal, ConfirmWithdrawal, ReleaseWithdrawal, AdjustBalance,
        UpdateReferencePrice, AddAsset, AddInstrument, SetInstrumentStatus,
        ConfigureFeeTier, SetAccountFeeTier, ConfigureRiskLimits {
}
