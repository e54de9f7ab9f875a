import EntenteKit
import Foundation

/// One measured workload: a row of bench.csv.
struct Measurement {
    var workload: String
    var states: Int
    var steps: Int
    var runs: Int
    var seconds: Double
    var peakRSSMegabytes: Double

    var runsPerSecond: Double { Double(runs) / seconds }
    var nanosecondsPerStateStep: Double { seconds * 1e9 / (Double(runs) * Double(steps) * Double(states)) }
}

/// Peak resident memory of this process so far, in MB: VmHWM from /proc/self/status.
/// (getrusage's ru_maxrss is carried across exec on Linux, so a child would report its parent's peak.)
func peakRSSMegabytes() -> Double {
    if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
       let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
       let kilobytes = line.split(separator: " ").compactMap({ Double($0) }).first {
        return kilobytes / 1024
    }
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

/// Wall-clock seconds of `body`.
func measure(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// Wall-clock and CPU seconds (user + system, all threads of the process) of `body`.
func measureTimes(_ body: () throws -> Void) rethrows -> (wall: Double, cpu: Double) {
    func cpuNow() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
    let cpuStart = cpuNow()
    let wall = try measure(body)
    return (wall, cpuNow() - cpuStart)
}

/// A recorder that formats every row as `run` does but keeps only the byte count, to cost CSV formatting without disk.
struct CountingRecorder: StepObserver {
    var inner: SeriesRecorder
    var bytes = 0
    var wantsEvents: Bool { true }
    mutating func observe(world: World, step: Int, events: [EventLog.Entry]) {
        inner.observe(world: world, step: step, events: events)
        bytes += inner.trust.bytes.count + inner.affinity.bytes.count + inner.states.bytes.count + inner.blocs.bytes.count + inner.events.bytes.count
        inner.trust.removeAll(); inner.affinity.removeAll(); inner.states.removeAll(); inner.blocs.removeAll(); inner.events.removeAll()
    }
}
