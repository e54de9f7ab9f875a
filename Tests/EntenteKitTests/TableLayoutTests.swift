@testable import EntenteKit
import XCTest

/// `--layout long` (issue 20): `compare`'s variant × outcome table as one row per variant and outcome,
/// so a case with many outcomes fits a page in LaTeX and Markdown.
final class TableLayoutTests: XCTestCase {
    /// Two variants × two outcomes; the second variant does not report the second outcome.
    private let effects: [Comparison.Effect] = [
        .init(variant: "v1", outcome: "exit", n: 10, baselineMean: 0.5, variantMean: 0.2, difference: -0.3,
              ci95Low: -0.45, ci95High: -0.15, variantLow: 0, variantHigh: 0),
        .init(variant: "v1", outcome: "trust_ab", n: 10, baselineMean: -0.125, variantMean: -0.1, difference: 0.025,
              ci95Low: -0.01, ci95High: 0.06, variantLow: 0, variantHigh: 0),
        .init(variant: "calm", outcome: "exit", n: 10, baselineMean: 0.5, variantMean: 0.5, difference: 0,
              ci95Low: 0, ci95High: 0, variantLow: 0, variantHigh: 0),
    ]

    func testLongCompareTableHasOneRowPerVariantAndOutcomeInFiveColumns() {
        let table = Comparison.table(effects: effects, replicates: 10).laidOut(.long)
        XCTAssertEqual(table.columns.map(\.title), ["variant", "outcome", "baseline mean", "variant mean", "difference [95% CI]"])
        XCTAssertEqual(table.keyColumns, 2)
        XCTAssertEqual(TextTableRenderer(width: 60).render(table), """
            Paired effects of each variant, 10 replicates per arm on common random numbers (means; difference = variant − baseline)
            variant  outcome   baseline mean  variant mean       difference [95% CI]
            -------  --------  -------------  ------------  ------------------------
            v1       exit              0.500         0.200  -0.300 [-0.450, -0.150]*
            v1       trust_ab         -0.125        -0.100    0.025 [-0.010, 0.060]
            calm     exit              0.500         0.500     0.000 [0.000, 0.000]
            * the 95% interval of the paired difference excludes 0

            """)
    }

    func testLongCompareTableInLaTeXHasNoGroupHeaderAndEscapesTheOutcome() {
        let table = Comparison.table(effects: effects, replicates: 10).laidOut(.long)
        XCTAssertEqual(LaTeXTableRenderer().render(table), """
            \\begin{table}
            \\centering
            \\caption{Paired effects of each variant, 10 replicates per arm on common random numbers (means; difference = variant $-$ baseline)}
            \\begin{tabular}{llrrr}
            \\toprule
            variant & outcome & baseline mean & variant mean & difference [95\\% CI] \\\\
            \\midrule
            v1 & exit & 0.500 & 0.200 & -0.300 [-0.450, -0.150]* \\\\
            v1 & trust\\_ab & -0.125 & -0.100 & 0.025 [-0.010, 0.060] \\\\
            calm & exit & 0.500 & 0.500 & 0.000 [0.000, 0.000] \\\\
            \\bottomrule
            \\end{tabular}
            \\par\\smallskip{\\footnotesize * the 95\\% interval of the paired difference excludes 0}
            \\end{table}

            """)
    }

    func testLongCompareTableInMarkdownAndCSV() {
        let table = Comparison.table(effects: Array(effects.prefix(2)), replicates: 10).laidOut(.long)
        XCTAssertEqual(MarkdownTableRenderer().render(table), """
            Paired effects of each variant, 10 replicates per arm on common random numbers (means; difference = variant − baseline)

            | variant | outcome | baseline mean | variant mean | difference [95% CI] |
            | :--- | :--- | ---: | ---: | ---: |
            | v1 | exit | 0.500 | 0.200 | -0.300 [-0.450, -0.150]\\* |
            | v1 | trust_ab | -0.125 | -0.100 | 0.025 [-0.010, 0.060] |

            \\* the 95% interval of the paired difference excludes 0

            """)
        XCTAssertEqual(CSVTableRenderer().render(table), """
            variant,outcome,baseline mean,variant mean,difference [95% CI]
            v1,exit,0.500,0.200,"-0.300 [-0.450, -0.150]*"
            v1,trust_ab,-0.125,-0.100,"0.025 [-0.010, 0.060]"

            """)
    }

    func testATableWithoutGroupsIsTheSameInBothLayouts() {
        let table = ResultTable(caption: "c", columns: [.init("case", alignment: .left), .init("P")], rows: [["a", "0.5"]])
        XCTAssertEqual(table.laidOut(.long), table)
        XCTAssertEqual(table.laidOut(.wide), table)
    }

    func testUngroupedColumnsAreRepeatedOnEveryLongRow() {
        let table = ResultTable(caption: "", columns: [.init("key", alignment: .left), .init("n"),
                                                       .init("x", group: "g1"), .init("y", group: "g1"), .init("x", group: "g2")],
                                rows: [["k", "3", "1", "2", "4"]], groupName: "item")
        XCTAssertEqual(CSVTableRenderer().render(table.long), "key,n,item,x,y\nk,3,g1,1,2\nk,3,g2,4,\n")
    }
}
