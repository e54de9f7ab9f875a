extension Scenario {
    /// The parameters a manifest records: every model parameter, plus each diplomatic-kind size
    /// (`delta_KIND`) and `mediation` that the file or an override sets or that differs from its default, (its rule set's default, ``ModelDefaults``), and the
    /// model-2 parameters under model 2 (or when set). A kind size at
    /// its default is documented in docs/model.md; leaving it out keeps older files' manifests unchanged.
    public var listedParameters: [Parameter] {
        Parameter.allCases.filter {
            $0.isModelTwo ? model == 2 || explicitParameters.contains($0) || parameters[$0] != ModelDefaults.value(of: $0, model: model)
                : !$0.isEventSize || explicitParameters.contains($0) || parameters[$0] != ModelDefaults.value(of: $0, model: model)
        }
    }
}
