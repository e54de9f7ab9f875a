@testable import EntenteKit
import XCTest

/// The table model and its four renderers on a hand-made two-outcome table (issue 20).
final class ResultTableTests: XCTestCase {
    /// Two variants × two outcomes, as `compare` builds it.
    private let effects: [Comparison.Effect] = [
        .init(variant: "v1", outcome: "exit", n: 10, baselineMean: 0.5, variantMean: 0.2, difference: -0.3,
              ci95Low: -0.45, ci95High: -0.15, variantLow: 0, variantHigh: 0),
        .init(variant: "v1", outcome: "trust_ab", n: 10, baselineMean: -0.125, variantMean: -0.1, difference: 0.025,
              ci95Low: -0.01, ci95High: 0.06, variantLow: 0, variantHigh: 0),
        .init(variant: "long_name", outcome: "exit", n: 10, baselineMean: 0.5, variantMean: 0.5, difference: 0,
              ci95Low: 0, ci95High: 0, variantLow: 0, variantHigh: 0),
        .init(variant: "long_name", outcome: "trust_ab", n: 10, baselineMean: -0.125, variantMean: 0.3, difference: 0.425,
              ci95Low: 0.4, ci95High: 0.45, variantLow: 0, variantHigh: 0),
    ]

    func testCompareTableMarksDifferencesWhoseIntervalExcludesZeroAndFitsOneBlockWhenWide() {
        let table = Comparison.table(effects: effects, replicates: 10)
        XCTAssertEqual(TextTableRenderer(width: 200).render(table), """
            Paired effects of each variant, 10 replicates per arm on common random numbers (means; difference = variant − baseline)
                       exit                                         trust_ab
            variant    baseline  variant       difference [95% CI]  baseline  variant     difference [95% CI]
            ---------  --------  -------  ------------------------  --------  -------  ----------------------
            v1            0.500    0.200  -0.300 [-0.450, -0.150]*    -0.125   -0.100  0.025 [-0.010, 0.060]
            long_name     0.500    0.500     0.000 [0.000, 0.000]     -0.125    0.300   0.425 [0.400, 0.450]*
            * the 95% interval of the paired difference excludes 0

            """)
    }

    func testANarrowTerminalWrapsBetweenOutcomesRepeatingTheVariantColumn() {
        let table = Comparison.table(effects: effects, replicates: 1)
        XCTAssertEqual(TextTableRenderer(width: 60).render(table), """
            Paired effects of each variant, 1 replicate per arm on common random numbers (means; difference = variant − baseline)
                       exit
            variant    baseline  variant       difference [95% CI]
            ---------  --------  -------  ------------------------
            v1            0.500    0.200  -0.300 [-0.450, -0.150]*
            long_name     0.500    0.500     0.000 [0.000, 0.000]

                       trust_ab
            variant    baseline  variant     difference [95% CI]
            ---------  --------  -------  ----------------------
            v1           -0.125   -0.100  0.025 [-0.010, 0.060]
            long_name    -0.125    0.300   0.425 [0.400, 0.450]*
            * the 95% interval of the paired difference excludes 0

            """)
    }

    func testMarkdownHasOneHeaderRowWithGroupTitlesAndEscapesTheMark() {
        let table = Comparison.table(effects: Array(effects.prefix(1)), replicates: 10)
        XCTAssertEqual(MarkdownTableRenderer().render(table), """
            Paired effects of each variant, 10 replicates per arm on common random numbers (means; difference = variant − baseline)

            | variant | exit baseline | exit variant | exit difference [95% CI] |
            | :--- | ---: | ---: | ---: |
            | v1 | 0.500 | 0.200 | -0.300 [-0.450, -0.150]\\* |

            \\* the 95% interval of the paired difference excludes 0

            """)
    }

    func testLaTeXUsesBooktabsMulticolumnGroupsAndEscapesUnderscores() {
        let table = Comparison.table(effects: [effects[1]], replicates: 10)
        XCTAssertEqual(LaTeXTableRenderer().render(table), """
            \\begin{table}
            \\centering
            \\caption{Paired effects of each variant, 10 replicates per arm on common random numbers (means; difference = variant $-$ baseline)}
            \\begin{tabular}{lrrr}
            \\toprule
             & \\multicolumn{3}{c}{trust\\_ab} \\\\
            \\cmidrule(lr){2-4}
            variant & baseline & variant & difference [95\\% CI] \\\\
            \\midrule
            v1 & -0.125 & -0.100 & 0.025 [-0.010, 0.060] \\\\
            \\bottomrule
            \\end{tabular}
            \\par\\smallskip{\\footnotesize * the 95\\% interval of the paired difference excludes 0}
            \\end{table}

            """)
    }

    func testCSVQuotesCellsWithCommasAndDropsCaptionNotesAndAlignmentSpaces() {
        let table = Comparison.table(effects: Array(effects.prefix(2)), replicates: 10)
        XCTAssertEqual(CSVTableRenderer().render(table), """
            variant,exit baseline,exit variant,exit difference [95% CI],trust_ab baseline,trust_ab variant,trust_ab difference [95% CI]
            v1,0.500,0.200,"-0.300 [-0.450, -0.150]*",-0.125,-0.100,"0.025 [-0.010, 0.060]"

            """)
    }

    func testATableWithoutGroupsIsNeverWrapped() {
        let table = ResultTable(caption: "", columns: [.init("name", alignment: .left), .init("value")],
                                rows: [["a", "1.0"], ["bb", "22.5"]], notes: ["n"])
        XCTAssertEqual(TextTableRenderer(width: 5).render(table), "name  value\n----  -----\na       1.0\nbb     22.5\nn\n")
        XCTAssertEqual(TableFormat.allCases.map(\.rawValue), ["table", "markdown", "latex", "csv"])
    }

    func testFixedDecimalsKeepTrailingZerosAndNeverPrintMinusZero() {
        XCTAssertEqual(NumberText.fixed(0.5, places: 3), "0.500")
        XCTAssertEqual(NumberText.fixed(-0.00004, places: 3), "0.000")
        XCTAssertEqual(NumberText.fixed(-1.23456, places: 2), "-1.23")
        XCTAssertEqual(NumberText.fixed(12, places: 0), "12")
        XCTAssertEqual(NumberText.fixed(.nan, places: 3), "NA")
        XCTAssertEqual(NumberText.interval(-0.1, 0.25, places: 3), "[-0.100, 0.250]")
    }
}
