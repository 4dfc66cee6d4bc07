package dev.tradewind.trading.internal;

import dev.tradewind.trading.ReferenceData;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/instruments")
@Tag(name = "Market data")
class InstrumentController {
    private final ReferenceData referenceData;

    InstrumentController(ReferenceData referenceData) {
        this.referenceData = referenceData;
    }

    @GetMapping
    @Operation(summary = "List instruments", description = "Every instrument with its tick size, lot size, minimum "
            + "quantity and status (TRADING or HALTED). Public.")
    List<InstrumentView> list() {
        return referenceData.instruments().stream().map(InstrumentView::of).toList();
    }
}
