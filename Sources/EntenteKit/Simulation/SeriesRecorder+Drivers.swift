/// drivers.csv: the model's reasons for every state–bloc pair at every recorded step (`--record drivers`).
extension SeriesRecorder {
    /// drivers.csv columns (docs/outputs.md#driverscsv).
    public static let driversHeader = [
        "replicate", "step", "date", "state", "bloc", "status", "threat", "need", "cover", "bloc_trust",
        "half", "trust_term", "security_term", "clamp", "target", "affinity",
        "outside_option", "outside_affinity", "gap", "change", "hazard", "probability",
    ]

    public var wantsDrivers: Bool { driverParameters != nil }

    /// Writes one row per state–bloc pair on recorded steps, from the world between rules 5 and 6.
    public mutating func observeDrivers(world: World, blocTrust: UnsafeBufferPointer<Double>, cover: UnsafeBufferPointer<Double>, step: Int) {
        guard let parameters = driverParameters, step % every == 0 || step == lastStep else { return }
        let date = labels[step]
        let blocs = world.blocCount
        let wTrust = parameters[.wTrust]
        let wSecurity = parameters[.wSecurity]
        let nonaligned = parameters[.nonaligned]
        let nonalignedWord = Array("nonaligned".utf8)
        for i in 0..<world.stateCount {
            for b in 0..<blocs {
                let cell = i * blocs + b
                let status = world.status[cell]
                let affinity = world.affinity[cell]
                // The outside option as rule 6 picks it: max(nonaligned, other blocs), a later bloc winning ties.
                var best = nonaligned
                var option = -1
                for other in 0..<blocs where other != b {
                    let value = world.affinity[i * blocs + other]
                    if value >= best { best = value; option = other }
                }
                var acceptance: Double?
                if (status == .outside || status == .left) && !world.isGroup[i] {  // a group is never accepted
                    var sum = 0.0
                    var count = 0
                    for m in 0..<world.stateCount where m != i && world.isActive(m, b) {
                        sum += world.trust(m, i)
                        count += 1
                    }
                    if count > 0 { acceptance = sum / Double(count) }
                }
                let terms = AffinityTerms(blocTrust: blocTrust[cell], need: world.need[i], cover: cover[cell],
                                          wTrust: wTrust, wSecurity: wSecurity)
                let check = MembershipCheck(status: status, gap: best - affinity, affinity: affinity,
                                            acceptance: acceptance, parameters: parameters)
                drivers.field(replicate); drivers.field(step); drivers.plainField(date)
                drivers.plainField(stateIDs[i]); drivers.plainField(blocIDs[b])
                drivers.plainField(Self.statusWords[Int(status.rawValue)])
                drivers.field(world.threat[i]); drivers.field(world.need[i]); drivers.field(cover[cell]); drivers.field(blocTrust[cell])
                drivers.field(terms.half); drivers.field(terms.trust); drivers.field(terms.security); drivers.field(terms.clamp)
                drivers.field(terms.target); drivers.field(affinity)
                drivers.plainField(option < 0 ? nonalignedWord : blocIDs[option]); drivers.field(best); drivers.field(best - affinity)
                drivers.field(check.change.rawValue); drivers.field(check.hazard); drivers.field(check.probability)
                drivers.endRow()
            }
        }
    }
}
