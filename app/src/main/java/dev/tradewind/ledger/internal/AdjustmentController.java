package dev.tradewind.ledger.internal;

import dev.tradewind.engine.instrument.Asset;
import dev.tradewind.engine.instrument.DecimalConverter;
import dev.tradewind.engine.instrument.DecimalError;
import dev.tradewind.engine.instrument.InvalidDecimalException;
import dev.tradewind.identity.CurrentUser;
import dev.tradewind.identity.UserDirectory;
import dev.tradewind.platform.openapi.OpenApiConfiguration;
import dev.tradewind.platform.web.ApiException;
import dev.tradewind.platform.web.ErrorCodes;
import dev.tradewind.trading.ReferenceData;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/admin/adjustments")
@Tag(name = "Administration")
@SecurityRequirement(name = OpenApiConfiguration.BEARER_AUTH)
class AdjustmentController {
    private final Adjustments adjustments;
    private final ReferenceData referenceData;
    private final UserDirectory users;

    AdjustmentController(Adjustments adjustments, ReferenceData referenceData, UserDirectory users) {
        this.adjustments = adjustments;
        this.referenceData = referenceData;
        this.users = users;
    }

    @Schema(name = "AdjustmentCreated")
    record Created(@Schema(description = "Ledger entry of the adjustment", example = "1042") long entryId,
                   @Schema(description = "Unique reference the engine applied it under", example = "adj:8f0c…")
                   String reference) {
    }

    @PostMapping
    @Operation(summary = "Adjust a user's balance (ADMIN)", description = """
            Credits (positive amount) or debits (negative) a user's balance, recorded in PostgreSQL first, then \
            applied to the engine exactly once, then posted to the ledger against the world:adjustments account. \
            Audited as LEDGER_ADJUSTMENT. A debit larger than the available balance is refused.""")
    @ApiResponse(responseCode = "201", content = @Content(examples = @ExampleObject(value = """
            {"entryId": 1042, "reference": "adj:0b6f1c2e-7a55-4cde-9a51-1d2a3e4f5a6b"}""")))
    @ApiResponse(responseCode = "422", description = "UNKNOWN_USER, UNKNOWN_ASSET, AMOUNT_OFF_SCALE, ZERO_AMOUNT, "
            + "NUMBER_TOO_LARGE, or the engine's INSUFFICIENT_FUNDS, BALANCE_OVERFLOW")
    ResponseEntity<Created> adjust(CurrentUser admin, @Valid @RequestBody AdjustmentRequest request) {
        if (users.find(request.userId()).isEmpty()) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "UNKNOWN_USER", "No user " + request.userId() + ".");
        }
        Asset asset = referenceData.asset(request.asset()).orElseThrow(() -> new ApiException(
                HttpStatus.UNPROCESSABLE_CONTENT, "UNKNOWN_ASSET", "No asset '" + abbreviate(request.asset()) + "'."));
        long minor;
        try {
            minor = DecimalConverter.signedAmountMinor(asset, request.amount());
        } catch (InvalidDecimalException e) {
            throw new ApiException(e.error() == DecimalError.INVALID_NUMBER ? HttpStatus.BAD_REQUEST
                    : HttpStatus.UNPROCESSABLE_CONTENT,
                    e.error() == DecimalError.INVALID_NUMBER ? ErrorCodes.VALIDATION_FAILED : e.code(),
                    "amount: " + e.getMessage());
        }
        String reference = "adj:" + UUID.randomUUID();
        adjustments.record(reference, Adjustments.Kind.ADMIN, request.userId(), asset,
                BigDecimal.valueOf(minor, asset.scale()), request.reason(), admin.userId());
        Adjustments.Outcome outcome = adjustments.apply(reference);
        if (outcome.rejectCode() != null) {
            throw Adjustments.rejected(outcome.rejectCode());
        }
        long entryId = adjustments.entryId(outcome).orElseThrow(() -> new ApiException(HttpStatus.SERVICE_UNAVAILABLE,
                ErrorCodes.SERVICE_UNAVAILABLE, "Applied as " + reference + ", but the ledger has not recorded it yet."));
        return ResponseEntity.status(HttpStatus.CREATED).body(new Created(entryId, reference));
    }

    private static String abbreviate(String text) {
        return text.length() <= 20 ? text : text.substring(0, 17) + "...";
    }
}
