import EntenteTestSupport

/// Scenario files shared by several end-to-end test files (the worlds themselves are in ``TinyWorlds``).
enum TinyScenarios {
    /// Four states, 24 monthly steps, a bloc, a covert transfer and its reveal, and two attacks whose
    /// calls for help are answered at random, so replicates differ and A leaves X in some of them.
    static let fourStates = TinyWorlds.fourStatesTwoYears()

    /// Three states, a covert sale that leaks, an attack on A with X's call for help, and two variants
    /// (a milder betrayal, no sale): the tables' and layouts' compare tests.
    static let threeStatesWithVariants = TinyWorlds.covertSaleYear(
        replicates: 8, variants: ["{name: calm, parameters: {betrayal: 0.5}}", "{name: no-sale, set: {events.sale.value: 0.0}}"])
}
