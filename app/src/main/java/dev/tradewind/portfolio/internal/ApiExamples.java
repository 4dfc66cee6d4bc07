package dev.tradewind.portfolio.internal;

/** Example bodies for the OpenAPI description of the portfolio endpoints. */
final class ApiExamples {
    static final String PROBLEM_JSON = "application/problem+json";

    static final String PORTFOLIO = """
            {"positions":[{"asset":"BTC","quantity":"0.50000000","price":"64000.00","marketValue":"32000.00",\
            "averageCost":"58210.50000000","unrealizedPnl":"2894.75","realizedPnl":"1250.00"},\
            {"asset":"USD","quantity":"10000.00","price":"1","marketValue":"10000.00","averageCost":"1.00000000",\
            "unrealizedPnl":"0.00","realizedPnl":"0.00"}],"totalValue":"42000.00","quoteAsset":"USD",\
            "metrics":{"volatility":"0.523412","var95":"1764.00","sharpeRatio":"1.284511","observations":90}}""";
    static final String PORTFOLIO_NEW_USER = """
            {"positions":[{"asset":"USD","quantity":"500.00","price":"1","marketValue":"500.00",\
            "averageCost":"1.00000000","unrealizedPnl":"0.00","realizedPnl":"0.00"}],"totalValue":"500.00",\
            "quoteAsset":"USD","metrics":{"volatility":null,"var95":null,"sharpeRatio":null,"observations":0}}""";
    static final String HISTORY = """
            [{"day":"2026-02-28","value":"40875.20"},{"day":"2026-03-01","value":"41250.00"},\
            {"day":"2026-03-02","value":"42000.00"}]""";
    static final String UNAVAILABLE = "{\"type\":\"https://tradewind.dev/problems/service-unavailable\","
            + "\"title\":\"Service Unavailable\",\"status\":503,\"detail\":\"" + PortfolioService.UNAVAILABLE
            + "\",\"code\":\"SERVICE_UNAVAILABLE\"}";

    private ApiExamples() {
    }
}
