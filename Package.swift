// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Entente",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "entente", targets: ["entente"]),
        .library(name: "EntenteCore", targets: ["EntenteCore"]),
        .library(name: "EntenteKit", targets: ["EntenteKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.6.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CGSL",
            pkgConfig: "gsl",
            providers: [.apt(["libgsl-dev"])]
        ),
        // zlib, for `--compress` (gzip-compressed series CSVs).
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]
        ),
        // The model core: scenario values, world, engine, random streams, designs, statistics.
        // No Yams and no file system: DirectionTests keep it so.
        .target(
            name: "EntenteCore",
            dependencies: ["CGSL"]
        ),
        // Files around the core: YAML, decoding, variants, output files, results folders, drivers.
        .target(
            name: "EntenteKit",
            dependencies: ["EntenteCore", "CGSL", "CZlib", "Yams"]
        ),
        .executableTarget(
            name: "entente",
            dependencies: [
                "EntenteKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "entente-bench",
            dependencies: ["EntenteKit"]
        ),
        // libFuzzer target for the loaders (`make fuzz`); a plain build makes it a replay tool.
        .executableTarget(
            name: "FuzzScenario",
            dependencies: ["EntenteKit"]
        ),
        // The tiny scenarios both test targets run (Tests/EntenteTestSupport); no product, not in the CLI.
        .target(
            name: "EntenteTestSupport",
            path: "Tests/EntenteTestSupport"
        ),
        .testTarget(
            name: "EntenteKitTests",
            dependencies: ["EntenteKit", "EntenteCore", "CGSL", "EntenteTestSupport"]
        ),
        .testTarget(
            name: "EntenteCLITests",
            dependencies: ["EntenteKit", "EntenteTestSupport"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
