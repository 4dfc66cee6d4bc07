package dev.tradewind.trading.internal;

import dev.tradewind.engine.instrument.InstrumentStatus;
import dev.tradewind.identity.CurrentUser;
import dev.tradewind.platform.openapi.OpenApiConfiguration;
import dev.tradewind.trading.ReferenceData;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/admin/instruments")
@Tag(name = "Administration")
@SecurityRequirement(name = OpenApiConfiguration.BEARER_AUTH)
class InstrumentAdminController {
    private static final String EXAMPLE = """
            {"symbol": "ADA-USD", "baseAsset": "ADA", "quoteAsset": "USD", "tickSize": "0.0001", "lotSize": "0.1",
             "minQuantity": "1", "status": "TRADING"}""";

    private final InstrumentAdmin admin;
    private final ReferenceData referenceData;

    InstrumentAdminController(InstrumentAdmin admin, ReferenceData referenceData) {
        this.admin = admin;
        this.referenceData = referenceData;
    }

    @GetMapping
    @Operation(summary = "List instruments (ADMIN)")
    List<InstrumentView> list() {
        return referenceData.instruments().stream().map(InstrumentView::of).toList();
    }

    @PostMapping
    @Operation(summary = "Add an instrument (ADMIN)", description = """
            Adds a spot pair between existing assets; it trades at once. The lot size must be a whole number of \
            the base asset's minor units and tick x lot a whole number of the quote asset's. Audited as \
            INSTRUMENT_ADDED.""")
    @ApiResponse(responseCode = "201", content = @Content(examples = @ExampleObject(value = EXAMPLE)))
    @ApiResponse(responseCode = "409", description = "DUPLICATE_SYMBOL")
    @ApiResponse(responseCode = "422", description = "INVALID_SYMBOL, UNKNOWN_ASSET, NOT_POSITIVE, QUANTITY_OFF_LOT, "
            + "INVALID_INSTRUMENT (increments not expressible in the assets' decimals)")
    ResponseEntity<InstrumentView> add(CurrentUser user, @Valid @RequestBody AddInstrumentRequest request) {
        InstrumentView view = InstrumentView.of(admin.add(user.userId(), request));
        return ResponseEntity.created(URI.create("/api/v1/admin/instruments/" + view.symbol())).body(view);
    }

    @PostMapping("/{symbol}/halt")
    @Operation(summary = "Halt trading (ADMIN)", description = "New orders are refused with 422 INSTRUMENT_HALTED; "
            + "cancels still work; stops do not fire. Audited as INSTRUMENT_HALTED.")
    @ApiResponse(responseCode = "200", content = @Content(examples = @ExampleObject(value = EXAMPLE)))
    InstrumentView halt(CurrentUser user, @PathVariable String symbol) {
        return InstrumentView.of(admin.setStatus(user.userId(), symbol, InstrumentStatus.HALTED));
    }

    @PostMapping("/{symbol}/resume")
    @Operation(summary = "Resume trading (ADMIN)", description = "Stops the market price crossed meanwhile fire. "
            + "Audited as INSTRUMENT_RESUMED.")
    @ApiResponse(responseCode = "200", content = @Content(examples = @ExampleObject(value = EXAMPLE)))
    InstrumentView resume(CurrentUser user, @PathVariable String symbol) {
        return InstrumentView.of(admin.setStatus(user.userId(), symbol, InstrumentStatus.TRADING));
    }
}
