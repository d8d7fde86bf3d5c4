/// What `dsbench generate --dry-run` adds to the estimate: the target and the assumption the call count rests on.
struct GenerateDryRunReport: ModelCallReport {
    var acceptedTotal: Int
    var target: Int
    var tasksPerPrompt: Int
    var template: String

    enum CodingKeys: String, CodingKey {
        case target, template
        case acceptedTotal = "accepted_total"
        case tasksPerPrompt = "tasks_per_prompt"
    }

    var text: String {
        "\(target - acceptedTotal) more accepted instructions to reach \(target) (assuming \(Int(GenerateSettings.assumedYield * 100))% of \(tasksPerPrompt) tasks per prompt pass); template \(template)"
    }
}
