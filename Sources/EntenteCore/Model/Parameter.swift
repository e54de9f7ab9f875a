/// A named model parameter: its default, its allowed range and what it means.
///
/// The table in ``Parameter/allCases`` is the single source for the loader, `--set`,
/// sweeps and docs/model.md; adding a parameter is one case and one `info` entry.
public enum Parameter: Int, CaseIterable, Sendable {
    case betrayal, allyPenalty, deception, complicity, gratitude
    case hostility, solidarity, kAssist, abandonment, reward
    case reciprocity, engagement
    case decay, forgiveness, balance, noise
    case leaderWeight, wTrust, wSecurity, adaptation
    case nonaligned, freezeThreshold, leaveThreshold, hysteresis
    case joinThreshold, acceptThreshold, hazard
    case defaultTrust, memberTrust, memberAffinity, outsiderAffinity
    case deltaRecallAmbassador, deltaSeverRelations, deltaSummit, deltaAgreement, deltaApology, deltaSanction
    case deltaThreat, deltaUltimatum, deltaTerritorialClaim, deltaRecognition, deltaWithdrawal, deltaRebuff, deltaConsultation
    case mediation
    case occupationPressure, blockadePressure, sanctionPressure, measureSolidarity, basingPressure
    case hostilityDecay, grievance, grievanceDecay, exitCost, intentSolidarity, triggerWeight
    case regimeReset

    /// What a parameter is: name as written in files, default, inclusive range, meaning.
    public struct Info: Sendable {
        /// snake_case name used in scenario files and on the command line.
        public let name: String
        /// Default value.
        public let defaultValue: Double
        /// Smallest allowed value.
        public let minimum: Double
        /// Largest allowed value.
        public let maximum: Double
        /// One line on what it controls.
        public let meaning: String
    }

    /// The table entry for this parameter.
    public var info: Info {
        switch self {
        case .betrayal: return Info(name: "betrayal", defaultValue: 2.0, minimum: 0, maximum: 10, meaning: "trust lost in a supplier per unit of salience × hostility when it arms one's enemy")
        case .allyPenalty: return Info(name: "ally_penalty", defaultValue: 2.0, minimum: 0, maximum: 10, meaning: "extra weight of a betrayal by an active co-member of a bloc")
        case .deception: return Info(name: "deception", defaultValue: 1.0, minimum: 0, maximum: 10, meaning: "extra weight of a betrayal that was kept covert")
        case .complicity: return Info(name: "complicity", defaultValue: 0.5, minimum: 0, maximum: 1, meaning: "share of a betrayal's trust loss also charged to the supplier's bloc leaders")
        case .gratitude: return Info(name: "gratitude", defaultValue: 0.5, minimum: 0, maximum: 10, meaning: "recipient's trust gain in a supplier per unit of salience")
        case .hostility: return Info(name: "hostility", defaultValue: 0.5, minimum: 0, maximum: 2, meaning: "target's trust lost in its attacker per unit of intensity")
        case .solidarity: return Info(name: "solidarity", defaultValue: 0.3, minimum: 0, maximum: 2, meaning: "observers' trust lost in an attacker per unit of intensity × trust in the target")
        case .kAssist: return Info(name: "k_assist", defaultValue: 4.0, minimum: 0, maximum: 50, meaning: "steepness of the logistic chance that an ally answers a call for help")
        case .abandonment: return Info(name: "abandonment", defaultValue: 0.3, minimum: 0, maximum: 2, meaning: "caller's trust lost in an ally that declines, per unit of obligation × intensity × relative capability")
        case .reward: return Info(name: "reward", defaultValue: 0.2, minimum: 0, maximum: 2, meaning: "caller's trust gained in an ally that assists, per unit of obligation × intensity")
        case .reciprocity: return Info(name: "reciprocity", defaultValue: 0.5, minimum: 0, maximum: 1, meaning: "share of a diplomatic move's effect that falls back on the initiator's own trust")
        case .engagement: return Info(name: "engagement", defaultValue: 0.1, minimum: 0, maximum: 1, meaning: "trust and bloc affinity gained per unit of intensity of an outside partnership")
        case .decay: return Info(name: "decay", defaultValue: 0.05, minimum: 0, maximum: 1, meaning: "per-step relaxation of trust above its baseline (goodwill fades)")
        case .forgiveness: return Info(name: "forgiveness", defaultValue: 0.01, minimum: 0, maximum: 1, meaning: "per-step relaxation of trust below its baseline (betrayal is remembered)")
        case .balance: return Info(name: "balance", defaultValue: 0.0, minimum: 0, maximum: 1, meaning: "strength of structural balance (the enemy of my enemy); 0 turns it off")
        case .noise: return Info(name: "noise", defaultValue: 0.01, minimum: 0, maximum: 1, meaning: "standard deviation of the per-step Gaussian perturbation of each trust score")
        case .leaderWeight: return Info(name: "leader_weight", defaultValue: 1.0, minimum: 0, maximum: 10, meaning: "extra weight of the leader in a member's bloc trust (weight × (1 + leader_weight))")
        case .wTrust: return Info(name: "w_trust", defaultValue: 0.6, minimum: 0, maximum: 2, meaning: "weight of bloc trust in the affinity target")
        case .wSecurity: return Info(name: "w_security", defaultValue: 0.4, minimum: 0, maximum: 2, meaning: "weight of security need × (2·cover − 1) in the affinity target")
        case .adaptation: return Info(name: "adaptation", defaultValue: 0.15, minimum: 0, maximum: 1, meaning: "per-step fraction of the way affinity moves toward its target")
        case .nonaligned: return Info(name: "nonaligned", defaultValue: 0.45, minimum: 0, maximum: 1, meaning: "affinity of standing alone: the outside option a member compares its bloc with")
        case .freezeThreshold: return Info(name: "freeze_threshold", defaultValue: 0.05, minimum: 0, maximum: 1, meaning: "gap above which an active member may freeze its participation")
        case .leaveThreshold: return Info(name: "leave_threshold", defaultValue: 0.2, minimum: 0, maximum: 1, meaning: "gap above which a frozen member may leave")
        case .hysteresis: return Info(name: "hysteresis", defaultValue: 0.05, minimum: 0, maximum: 1, meaning: "how far below freeze_threshold the gap must fall for a frozen member to unfreeze")
        case .joinThreshold: return Info(name: "join_threshold", defaultValue: 0.7, minimum: 0, maximum: 1, meaning: "affinity above which an outsider may join a bloc")
        case .acceptThreshold: return Info(name: "accept_threshold", defaultValue: 0.3, minimum: -1, maximum: 1, meaning: "mean trust of active members in an applicant needed for it to be accepted")
        case .hazard: return Info(name: "hazard", defaultValue: 2.0, minimum: 0, maximum: 100, meaning: "per-step hazard rate per unit of gap above a threshold (freeze, leave, join)")
        case .defaultTrust: return Info(name: "default_trust", defaultValue: 0.0, minimum: -1, maximum: 1, meaning: "initial trust of pairs the scenario does not list")
        case .memberTrust: return Info(name: "member_trust", defaultValue: 0.4, minimum: -1, maximum: 1, meaning: "initial trust between co-members of a bloc the scenario does not list")
        case .memberAffinity: return Info(name: "member_affinity", defaultValue: 0.7, minimum: 0, maximum: 1, meaning: "initial affinity of a member for its bloc when `alignment` does not give it")
        case .outsiderAffinity: return Info(name: "outsider_affinity", defaultValue: 0.2, minimum: 0, maximum: 1, meaning: "initial affinity of a non-member for a bloc when `alignment` does not give it")
        case .deltaRecallAmbassador: return Info(name: "delta_recall_ambassador", defaultValue: -0.2, minimum: -2, maximum: 2, meaning: "change of the addressee's trust in the initiator of a `recall_ambassador` move at intensity 1")
        case .deltaSeverRelations: return Info(name: "delta_sever_relations", defaultValue: -0.5, minimum: -2, maximum: 2, meaning: "change of the addressee's trust in the initiator of a `sever_relations` move at intensity 1")
        case .deltaSummit: return Info(name: "delta_summit", defaultValue: 0.1, minimum: -2, maximum: 2, meaning: "change of the addressee's trust in the initiator of a `summit` at intensity 1")
        case .deltaAgreement: return Info(name: "delta_agreement", defaultValue: 0.15, minimum: -2, maximum: 2, meaning: "change of the addressee's trust in the initiator of an `agreement` at intensity 1")
        case .deltaApology: return Info(name: "delta_apology", defaultValue: 0.1, minimum: -2, maximum: 2, meaning: "change of the addressee's trust in the initiator of an `apology` at intensity 1")
        case .deltaSanction: return Info(name: "delta_sanction", defaultValue: -0.3, minimum: -2, maximum: 2, meaning: "change of the addressee's trust in the initiator of a `sanction` at intensity 1")
        case .deltaThreat: return Info(name: "delta_threat", defaultValue: -0.25, minimum: -2, maximum: 2, meaning: "change of the addressee's trust in the initiator of a `threat` at intensity 1")
        case .deltaUltimatum: return Info(name: "delta_ultimatum", defaultValue: -0.4, minimum: -2, maximum: 2, meaning: "change of the addressee's trust in the initiator of an `ultimatum` at intensity 1")
        case .deltaTerritorialClaim: return Info(name: "delta_territorial_claim", defaultValue: -0.35, minimum: -2, maximum: 2, meaning: "change of the addressee's trust in the initiator of a `territorial_claim` at intensity 1")
        case .deltaRecognition: return Info(name: "delta_recognition", defaultValue: -0.3, minimum: -2, maximum: 2, meaning: "change of the addressee's trust in a state that recognises a breakaway part of it (`recognition`) at intensity 1")
        case .deltaWithdrawal: return Info(name: "delta_withdrawal", defaultValue: -0.2, minimum: -2, maximum: 2, meaning: "change of the addressee's trust in the initiator of a `withdrawal` of forces or aid at intensity 1")
        case .deltaRebuff: return Info(name: "delta_rebuff", defaultValue: -0.15, minimum: -2, maximum: 2, meaning: "change of the addressee's trust in the initiator of a `rebuff` at intensity 1")
        case .deltaConsultation: return Info(name: "delta_consultation", defaultValue: 0.05, minimum: -2, maximum: 2, meaning: "change of the addressee's trust in the initiator of a `consultation` at intensity 1")
        case .mediation: return Info(name: "mediation", defaultValue: 0.1, minimum: 0, maximum: 2, meaning: "trust each party of a mediation gains in the other per unit of intensity")
        case .occupationPressure: return Info(name: "occupation_pressure", defaultValue: 0.02, minimum: 0, maximum: 1, meaning: "target's trust lost in the occupier per step of an `occupation` per unit of intensity")
        case .blockadePressure: return Info(name: "blockade_pressure", defaultValue: 0.015, minimum: 0, maximum: 1, meaning: "target's trust lost in the blockading state per step of a `blockade` per unit of intensity")
        case .sanctionPressure: return Info(name: "sanction_pressure", defaultValue: 0.01, minimum: 0, maximum: 1, meaning: "target's trust lost in the sanctioning state per step of a lasting `sanction` per unit of intensity")
        case .measureSolidarity: return Info(name: "measure_solidarity", defaultValue: 0.6, minimum: 0, maximum: 2, meaning: "observers' share of a lasting measure's per-step pressure, per unit of trust in the target")
        case .basingPressure: return Info(name: "basing_pressure", defaultValue: 0.01, minimum: 0, maximum: 1, meaning: "trust lost in a based guest per step by each enemy of its host, per unit of intensity × hostility to the host")
        case .hostilityDecay: return Info(name: "hostility_decay", defaultValue: 0.02, minimum: 0, maximum: 1, meaning: "model 2: per-step relaxation of perceived hostile intent H toward its baseline")
        case .grievance: return Info(name: "grievance", defaultValue: 0.5, minimum: 0, maximum: 2, meaning: "model 2: share of a trust loss from abandonment, betrayal or a leader's rebuff that becomes lasting grievance against the bloc")
        case .grievanceDecay: return Info(name: "grievance_decay", defaultValue: 0.005, minimum: 0, maximum: 1, meaning: "model 2: per-step decay of grievance")
        case .exitCost: return Info(name: "exit_cost", defaultValue: 0.5, minimum: 0, maximum: 2, meaning: "model 2: extra gap needed to leave per unit of the security the bloc provides (need × cover)")
        case .intentSolidarity: return Info(name: "intent_solidarity", defaultValue: 0.3, minimum: 0, maximum: 2, meaning: "model 2: hostile intent a bystander perceives in an attacker per unit of intensity × its trust in the target")
        case .triggerWeight: return Info(name: "trigger_weight", defaultValue: 0.25, minimum: 0, maximum: 1, meaning: "model 2: share of the drop of the affinity target below affinity that counts at once in the freeze test")
        case .regimeReset: return Info(name: "regime_reset", defaultValue: 1.0, minimum: 0, maximum: 1, meaning: "model 2: share of the way a new government's affinities move to their targets in the step of its `regime_change` (when larger than `adaptation`)")
        }
    }

    /// The parameter named `name` in files and on the command line.
    public static func named(_ name: String) -> Parameter? { byName[name] }

    private static let byName: [String: Parameter] = Dictionary(uniqueKeysWithValues: allCases.map { ($0.info.name, $0) })

    /// The diplomatic-kind sizes (`delta_KIND`), `mediation` and the lasting measures' sizes (`*_pressure`,
    /// `measure_solidarity`), listed in manifests only when a scenario uses or sets them, so files written
    /// before they existed keep byte-identical manifests.
    public var isEventSize: Bool { rawValue >= Parameter.deltaRecallAmbassador.rawValue && rawValue <= Parameter.basingPressure.rawValue }

    /// The parameters only model 2 reads, listed in manifests only under model 2 or when set, so
    /// model-1 manifests keep their parameter list.
    public var isModelTwo: Bool { rawValue >= Parameter.hostilityDecay.rawValue && rawValue <= Parameter.regimeReset.rawValue }

    /// All names, for did-you-mean suggestions.
    public static var names: [String] { allCases.map(\.info.name) }
}
