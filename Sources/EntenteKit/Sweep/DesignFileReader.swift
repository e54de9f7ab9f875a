import Foundation

/// Reads the CSV of `design: file`: a header naming every swept parameter once (any order), then one
/// row of numbers per point. Values must lie in each parameter's domain (a `from`/`to` range
/// inclusive, or one of its `values`). Problems are reported as `file:line:column`.
struct DesignFileReader {
    /// The rows in the sweep's parameter order, or diagnostics.
    static func read(path: String, displayName: String, parameters: [SweepParameter], maxRows: Int) -> Result<[[Double]], EntenteError> {
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(.noInput("design file \(displayName) not found or unreadable"))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return .failure(.data([Diagnostic("the design file is not UTF-8 text", at: SourceLocation(file: displayName, line: 1, column: 1))]))
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        while let last = lines.last, last.allSatisfy({ $0 == " " }) { lines.removeLast() }
        var problems: [Diagnostic] = []
        func at(_ line: Int, _ column: Int) -> SourceLocation { SourceLocation(file: displayName, line: line, column: column) }
        /// Fields with their 1-based start columns (counted in characters).
        func fields(_ line: Substring) -> [(text: String, column: Int)] {
            var result: [(String, Int)] = []
            var column = 1
            for part in line.split(separator: ",", omittingEmptySubsequences: false) {
                result.append((part.trimmingCharacters(in: .whitespaces), column))
                column += part.count + 1
            }
            return result
        }
        guard let headerLine = lines.first else {
            return .failure(.data([Diagnostic("the design file is empty; expected a header naming the parameters \(parameters.map(\.path).joined(separator: ", ")), then one row per point", at: at(1, 1))]))
        }
        let header = fields(headerLine)
        let names = parameters.map(\.path)
        var columnOf = [Int?](repeating: nil, count: parameters.count)
        for (index, field) in header.enumerated() {
            let name = field.text.hasPrefix("\"") && field.text.hasSuffix("\"") && field.text.count >= 2 ? String(field.text.dropFirst().dropLast()) : field.text
            guard let slot = names.firstIndex(of: name) else {
                problems.append(Diagnostic("column '\(name)' is not a swept parameter; expected one of \(names.joined(separator: ", "))\(DidYouMean.hint(for: name, among: names))", at: at(1, field.column)))
                continue
            }
            if columnOf[slot] != nil {
                problems.append(Diagnostic("column '\(name)' appears twice", at: at(1, field.column)))
                continue
            }
            columnOf[slot] = index
        }
        for (slot, column) in columnOf.enumerated() where column == nil {
            problems.append(Diagnostic("the header has no column '\(names[slot])'; every swept parameter needs one", at: at(1, 1)))
        }
        guard problems.isEmpty else { return .failure(.data(problems)) }
        if lines.count - 1 > maxRows {
            return .failure(.data([Diagnostic("the design file has \(lines.count - 1) rows; expected at most \(maxRows) points", at: at(maxRows + 2, 1))]))
        }
        var rows: [[Double]] = []
        rows.reserveCapacity(lines.count - 1)
        for (offset, line) in lines.dropFirst().enumerated() where problems.count < 20 {
            let number = offset + 2
            let row = fields(line)
            guard row.count == header.count else {
                problems.append(Diagnostic("expected \(header.count) fields as in the header; found \(row.count)", at: at(number, 1)))
                continue
            }
            var point = [Double](repeating: 0, count: parameters.count)
            for (slot, parameter) in parameters.enumerated() {
                let field = row[columnOf[slot]!]
                guard let value = DecodeContext.parseNumber(field.text), value.isFinite else {
                    problems.append(Diagnostic("'\(parameter.path)' must be a number; found '\(field.text)'", at: at(number, field.column)))
                    continue
                }
                switch parameter.domain {
                case .range(let from, let to, _, _) where value < from || value > to:
                    problems.append(Diagnostic("'\(parameter.path)' must lie in [\(NumberText.plain(from)), \(NumberText.plain(to))] as the sweep file declares; found \(field.text)", at: at(number, field.column)))
                case .values(let values) where !values.contains(value):
                    problems.append(Diagnostic("'\(parameter.path)' must be one of its values \(values.map(NumberText.plain).joined(separator: ", ")); found \(field.text)", at: at(number, field.column)))
                default: point[slot] = value
                }
            }
            rows.append(point)
        }
        if problems.isEmpty && rows.isEmpty {
            problems.append(Diagnostic("the design file has a header but no rows; expected one row per point", at: at(2, 1)))
        }
        return problems.isEmpty ? .success(rows) : .failure(.data(problems))
    }
}
