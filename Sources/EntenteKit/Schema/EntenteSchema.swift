import Foundation

/// JSON Schemas (draft-07) of the scenario and sweep formats, for editor completion and validation
/// (VS Code's YAML extension: `# yaml-language-server: $schema=…` or `yaml.schemas`).
///
/// Built from the same key tables the decoders check (``ScenarioDecoder/topLevelKeys``, each event and
/// outcome type's `fieldNames`/`requiredFields`, ``Parameter`` with its bounds, ``SweepDecoder/topLevelKeys``,
/// the design names), so a key the decoder accepts is never refused by the schema. The schema checks keys
/// and simple types; ids, dates and cross-references are left to `entente check`.
public enum EntenteSchema {
    /// The scenario format.
    public static func scenario() -> [String: Any] {
        let id: [String: Any] = ["type": "string"]
        let number: [String: Any] = ["type": "number"]
        let text: [String: Any] = ["type": "string"]
        let date: [String: Any] = ["type": ["string", "integer"], "description": "YYYY, YYYY-MM or YYYY-MM-DD"]
        func object(_ properties: [String: Any], required: [String] = [], closed: Bool = true) -> [String: Any] {
            var schema: [String: Any] = ["type": "object", "properties": properties]
            if closed { schema["additionalProperties"] = false }
            if !required.isEmpty { schema["required"] = required }
            return schema
        }
        func list(_ item: [String: Any]) -> [String: Any] { ["type": "array", "items": item] }
        func keys(_ names: [String], _ known: [String: Any] = [:]) -> [String: Any] {
            Dictionary(uniqueKeysWithValues: names.map { ($0, known[$0] ?? [:]) })
        }
        func typed(_ names: [String], fields: (String) -> [String], required: (String) -> [String], common: [String]) -> [String: Any] {
            let all = Array(Set(names.flatMap(fields) + common)).sorted()
            let cases: [[String: Any]] = names.map { name in
                ["if": ["properties": ["type": ["const": name]], "required": ["type"]],
                 "then": ["propertyNames": ["enum": common + fields(name)], "required": required(name)]]
            }
            return ["type": "object", "required": ["type"],
                    "properties": keys(all, ["type": ["enum": names], "id": id, "at": date, "note": text,
                                            "tags": list(id), "name": id]),
                    "allOf": cases]
        }
        let parameters: [String: Any] = Dictionary(uniqueKeysWithValues: Parameter.allCases.map { parameter in
            let info = parameter.info
            return (info.name, ["type": "number", "minimum": info.minimum, "maximum": info.maximum,
                                "default": info.defaultValue, "description": info.meaning] as [String: Any])
        })
        let events = EventRegistry.types
        let outcomes = OutcomeRegistry.types
        let member: [String: Any] = ["anyOf": [id, object(keys(ScenarioDecoder.memberKeys, ["id": id, "from": date, "status": ["enum": ["frozen"]]]),
                                                         required: ["id"])]]
        let properties: [String: Any] = [
            "name": text, "description": text,
            "calendar": object(["start": date, "end": date, "step": ["enum": SimulationCalendar.Unit.allCases.map(\.rawValue)]],
                               required: ["start", "end"]),
            "seed": ["type": "integer", "minimum": 0], "replicates": ["type": "integer", "minimum": 1],
            "parameters": object(parameters),
            "states": list(object(keys(ScenarioDecoder.stateKeys, ["id": id, "name": text, "capability": number,
                                                                  "kind": ["enum": ["state", "group"]], "salience_scale": number,
                                                                  "autonomy": ["type": "number", "minimum": 0, "maximum": 1]]),
                                  required: ["id", "capability"])),
            "blocs": list(object(keys(ScenarioDecoder.blocKeys, ["id": id, "name": text, "leader": id, "members": list(member),
                                                                "obligation": number, "from": date, "until": date, "rivals": list(id),
                                                                "exit_from": date, "notice": text, "renewals": list(date)]),
                                 required: ["id", "members"])),
            "model": ["type": "integer", "enum": [1, 2], "description": "the rule set: 1 (default) or 2 (docs/model.md#model-2)"],
            "trust": list(object(["from": id, "to": id, "value": ["type": "number", "minimum": -1, "maximum": 1], "mutual": ["type": "boolean"]],
                                 required: ["from", "to", "value"])),
            "alignment": list(object(["state": id, "bloc": id, "value": number], required: ["state", "bloc", "value"])),
            "kinds": ["type": "object", "additionalProperties": object(["delta": number, "note": text], required: ["delta"])],
            "events": list(typed(events.map { $0.typeName }, fields: { name in events.first { $0.typeName == name }!.fieldNames },
                                 required: { name in events.first { $0.typeName == name }!.requiredFields }, common: EventRegistry.commonFields)),
            "outcomes": list(typed(outcomes.map { $0.typeName }, fields: { name in outcomes.first { $0.typeName == name }!.fieldNames },
                                   required: { name in ["name"] + outcomes.first { $0.typeName == name }!.requiredFields }, common: ["name", "type"])),
            "variants": list(object(["name": id, "remove": object(keys(["id", "ids", "tag", "tags"])), "set": ["type": "object"],
                                     "parameters": object(parameters), "note": text], required: ["name"])),
            "observed": ["type": "object", "additionalProperties": object(keys(ScenarioDecoder.observedKeys, ["source": text, "note": text]))],
            "propensity": list(object(["from": id, "to": id, "value": number, "note": text], required: ["from", "to", "value"])),
        ]
        precondition(Set(properties.keys) == Set(ScenarioDecoder.topLevelKeys), "the schema and ScenarioDecoder.topLevelKeys disagree")
        var schema = object(properties, required: ["calendar", "states"])
        schema["$schema"] = "http://json-schema.org/draft-07/schema#"
        schema["title"] = "Entente scenario"
        schema["description"] = "A scenario file of Entente (docs/scenario-format.md)."
        return schema
    }

    /// The sweep format.
    public static func sweep() -> [String: Any] {
        let domain: [String: Any] = [
            "type": "object", "additionalProperties": false,
            "properties": ["values": ["type": "array", "items": ["type": ["number", "string"]]], "from": ["type": "number"],
                           "to": ["type": "number"], "steps": ["type": "integer", "minimum": 1], "scale": ["enum": ["linear", "log"]]],
        ]
        var properties: [String: Any] = Dictionary(uniqueKeysWithValues: SweepDecoder.topLevelKeys.map { ($0, [String: Any]()) })
        properties["name"] = ["type": "string"]
        properties["description"] = ["type": "string"]
        properties["scenario"] = ["type": "string", "description": "The scenario file, relative to this file."]
        properties["variant"] = ["type": "string"]
        properties["seed"] = ["type": "integer", "minimum": 0]
        properties["replicates"] = ["type": "integer", "minimum": 1]
        properties["samples"] = ["type": "integer", "minimum": 1]
        properties["design"] = ["enum": DesignRegistry.names]
        properties["parameters"] = ["type": "object", "additionalProperties": domain,
                                    "description": "Paths as for --set: a parameter name or events.ID.FIELD, each {values: [...]} or {from, to, steps, scale}."]
        return ["$schema": "http://json-schema.org/draft-07/schema#", "title": "Entente sweep",
                "description": "A sweep file of Entente (docs/sweeps.md).", "type": "object", "additionalProperties": false,
                "required": ["scenario", "parameters"], "properties": properties]
    }

    /// `schema` as pretty-printed JSON with sorted keys (the same bytes every time), ending in a newline.
    public static func json(_ schema: [String: Any]) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: schema, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
