/// The body of each report section.
extension ReportRenderer {
    static func counts(_ report: DatasetReport) -> String {
        guard report.counts.contains(where: { !$0.entries.isEmpty }) else { return empty("No instructions.") }
        return grid(report.counts.map { breakdown in
            BarChart(title: "Instructions by \(breakdown.dimension)", axisTitle: "instructions",
                     bars: breakdown.entries.map { .init(label: $0.label, value: Double($0.count)) }).svg
        })
    }

    static func funnel(_ report: DatasetReport) -> String {
        guard !report.funnel.isEmpty else { return empty("No instructions.") }
        var out = note("Made, eliminated (a failing latest verdict on the instruction, by filter) and survived, per "
            + "depth (0 = seeds, imports and generated; r = evolution round r) and strategy.")
        var byDepth: [Int: (made: Int, survived: Int)] = [:]
        var table = HTMLTable(headers: ["depth", "strategy / origin", "made", "eliminated", "survived", "survival", "eliminated by"])
        for step in report.funnel {
            byDepth[step.depth, default: (0, 0)].made += step.made
            byDepth[step.depth, default: (0, 0)].survived += step.survived
            let share = step.made == 0 ? 0 : Double(step.survived) / Double(step.made)
            table.append([
                .count(step.depth), .text(step.strategy), .count(step.made), .count(step.eliminated), .count(step.survived),
                .number(share, NumberText.percent(share)),
                .text(step.reasons.map { "\($0.label) \(NumberText.count($0.count))" }.joined(separator: ", ")),
            ])
        }
        let depths = byDepth.keys.sorted()
        out += grid([
            BarChart(title: "Made per depth", axisTitle: "instructions",
                     bars: depths.map { .init(label: "depth \($0)", value: Double(byDepth[$0]!.made)) }).svg,
            BarChart(title: "Survived per depth", axisTitle: "instructions",
                     bars: depths.map { .init(label: "depth \($0)", value: Double(byDepth[$0]!.survived)) }).svg,
        ])
        return out + table.html + "\n"
    }

    static func lengths(_ report: DatasetReport) -> String {
        guard !report.lengths.isEmpty else { return empty("No texts.") }
        var out = note("Words for Latin-script text, characters for Chinese, Japanese and Korean. Instruction length "
            + "includes the input. The last bar collects everything above the 99th percentile.")
        var table = HTMLTable(headers: ["language", "field", "unit", "n", "median", "p90", "max"])
        for item in report.lengths {
            table.append([.text(item.language), .text(item.field), .text(item.unit), .count(item.count),
                          .count(item.median), .count(item.p90), .count(item.maximum)])
        }
        out += table.html + "\n"
        let charted = report.lengths.filter { $0.count >= minimumHistogramRows }
        if charted.count < report.lengths.count {
            out += note("Histograms are drawn for languages with at least \(minimumHistogramRows) rows.")
        }
        out += grid(charted.map { item in
            Histogram(title: "\(item.field) length, language \(item.language)", xTitle: "\(item.field) length (\(item.unit))",
                      yTitle: "rows", bins: item.bins).svg
        })
        return out
    }

    static func filters(_ report: DatasetReport) -> String {
        guard !report.ruleFailures.isEmpty else { return empty("No verdicts yet: run dsbench filter.") }
        var out = BarChart(title: "Failures per rule (latest verdicts)", axisTitle: "failed subjects",
                           bars: report.ruleFailures.map { .init(label: $0.rule, value: Double($0.failed)) }).svg
        var table = HTMLTable(headers: ["rule", "checked", "failed", "failed share"])
        for rule in report.ruleFailures {
            let share = rule.checked == 0 ? 0 : Double(rule.failed) / Double(rule.checked)
            table.append([.text(rule.rule), .count(rule.checked), .count(rule.failed), .number(share, NumberText.percent(share))])
        }
        out += table.html + "\n"
        for rule in report.ruleFailures where !rule.examples.isEmpty {
            out += "<h3>\(HTMLEscaper.escape(rule.rule)): examples</h3>\n"
            var examples = HTMLTable(headers: ["instruction", "completion", "text judged", "reason"])
            for example in rule.examples {
                examples.append([.number(Double(example.instructionID), "#\(example.instructionID)"),
                                 .text(example.completionID.map { "#\($0)" } ?? "–"),
                                 .markup(text(HTMLEscaper.shortened(example.text, to: 400))), .text(example.reason)])
            }
            out += examples.html + "\n"
        }
        return out
    }

    static func scores(_ report: DatasetReport) -> String {
        guard !report.scores.isEmpty else { return empty("No scores yet: run dsbench score.") }
        var table = HTMLTable(headers: ["scorer", "scored", "mean"])
        for item in report.scores {
            table.append([.text(item.scorer), .count(item.count), .number(item.mean, NumberText.fixed(item.mean, places: 2))])
        }
        return table.html + "\n" + grid(report.scores.map {
            Histogram(title: "\($0.scorer) scores", xTitle: "score (0–10)", yTitle: "rows", bins: $0.bins).svg
        })
    }

    static func duplicates(_ report: DatasetReport) -> String {
        guard !report.duplicates.isEmpty else { return empty("No duplicates found (or dsbench dedup not run).") }
        var table = HTMLTable(headers: ["method", "dropped rows", "clusters"])
        for item in report.duplicates {
            table.append([.text(item.method), .count(item.duplicates), .count(item.clusters)])
        }
        var out = note("From the latest successful dedup run of each method; a cluster is a kept row and the rows dropped as its duplicates.")
        out += table.html + "\n"
        for item in report.duplicates where !item.examples.isEmpty {
            out += "<h3>\(HTMLEscaper.escape(item.method)): largest clusters</h3>\n"
            for cluster in item.examples {
                out += "<div class=\"cluster\"><b>kept #\(cluster.survivorID)</b> (\(NumberText.count(cluster.size)) dropped) "
                    + text(HTMLEscaper.shortened(cluster.survivorText, to: 300)) + "<ul>"
                for member in cluster.members {
                    out += "<li>#\(member.id), similarity \(NumberText.fixed(member.similarity, places: 3)): "
                        + "\(HTMLEscaper.escape(HTMLEscaper.shortened(member.text, to: 300)))</li>"
                }
                out += "</ul></div>\n"
            }
        }
        return out
    }

    static func cost(_ report: DatasetReport) -> String {
        guard !report.runs.isEmpty else { return empty("No runs recorded.") }
        var out = ""
        let paid = report.runs.filter { $0.calls > 0 }
        if !paid.isEmpty {
            let anyCost = paid.contains { $0.cost > 0 }
            out += grid([
                BarChart(title: "Tokens per run", axisTitle: "tokens (prompt + completion)",
                         bars: paid.map { .init(label: "#\($0.id) \($0.command)", value: Double($0.promptTokens + $0.completionTokens)) }).svg,
                anyCost
                    ? BarChart(title: "Cost per run", axisTitle: "cost (USD)",
                               bars: paid.map { .init(label: "#\($0.id) \($0.command)", value: $0.cost, valueText: NumberText.dollars($0.cost)) }).svg
                    : note("No call had a price (local models cost 0; set prices with dsbench config price)."),
            ])
        }
        var runs = HTMLTable(headers: ["run", "command", "status", "started", "model", "endpoint", "template", "rows",
                                       "LLM calls", "prompt tokens", "completion tokens", "cost (USD)"])
        for run in report.runs {
            runs.append([.number(Double(run.id), "#\(run.id)"), .text(run.command), .text(run.status), .text(Self.shortTime(run.startedAt)),
                         .text(run.model ?? "–"), .text(run.endpointHost ?? "–"), .text(run.template ?? "–"),
                         .count(run.rowsWritten), .count(run.calls), .count(run.promptTokens), .count(run.completionTokens),
                         .number(run.cost, NumberText.dollars(run.cost))])
        }
        out += "<h3>Runs</h3>\n" + runs.html + "\n"
        if report.purposes.isEmpty { return out + note("No LLM calls.") }
        var purposes = HTMLTable(headers: ["purpose", "model", "calls", "failed", "prompt tokens", "completion tokens", "cost (USD)"])
        for item in report.purposes {
            purposes.append([.text(item.purpose), .text(item.model), .count(item.calls), .count(item.failed),
                             .count(item.promptTokens), .count(item.completionTokens), .number(item.cost, NumberText.dollars(item.cost))])
        }
        return out + "<h3>LLM calls per purpose</h3>\n" + purposes.html + "\n"
    }

    /// "2026-11-30T11:31:49.101Z" → "2026-11-30 11:31:49" (UTC, as stored).
    static func shortTime(_ stamp: String) -> String {
        String(stamp.prefix(19).map { $0 == "T" ? " " : $0 })
    }

    static func diversity(_ report: DatasetReport) -> String {
        guard !report.leadingWords.isEmpty else { return empty("No English or Chinese instructions.") }
        var out = note("The most common first words of instructions (English, after \"please\"/\"can you\") and first two "
            + "characters (Chinese, after 请/帮我), as the Self-Instruct paper charts its pool: the smaller the top 20's share, "
            + "the more varied the instructions.")
        out += grid(report.leadingWords.map { tally in
            BarChart(title: "Top leading words (\(tally.language)): top 20 = \(NumberText.percent(tally.topShare)) of "
                        + "\(NumberText.count(tally.total)), \(NumberText.count(tally.distinct)) distinct",
                     axisTitle: "instructions", bars: tally.top.map { .init(label: $0.label, value: Double($0.count)) }).svg
        })
        return out
    }

    static func sample(_ report: DatasetReport) -> String {
        var out = note("\(report.sample.count) rows drawn with seed \(report.sampleSeed) (dsbench report --sample "
            + "\(report.sampleSize) --seed \(report.sampleSeed) draws the same rows).")
        guard !report.sample.isEmpty else { return out + empty("No rows selected.") }
        for row in report.sample {
            let verdictClass = row.verdict == "fail" ? "fail" : row.verdict == "pass" ? "pass" : "note"
            out += "<details class=\"example\"><summary>#\(row.instructionID)"
                + (row.completionID.map { "/\($0)" } ?? "")
                + " · \(HTMLEscaper.escape(row.origin)) · \(HTMLEscaper.escape(row.language)) · "
                + "<span class=\"\(verdictClass)\">\(HTMLEscaper.escape(row.verdict))</span>"
                + (row.bestScore.map { " · score \(NumberText.compact($0))" } ?? "")
                + (row.isDuplicate ? " · duplicate" : "")
                + " · \(HTMLEscaper.escape(HTMLEscaper.shortened(row.instruction, to: 90)))</summary><dl>"
            if let system = row.system, !system.isEmpty { out += "<dt>system</dt><dd>\(text(system))</dd>" }
            out += "<dt>instruction</dt><dd>\(text(row.instruction))</dd>"
            if !row.input.isEmpty { out += "<dt>input</dt><dd>\(text(row.input))</dd>" }
            out += "<dt>output</dt><dd>" + (row.output.map(text) ?? "<span class=\"empty\">no answer yet</span>") + "</dd>"
            out += "<dt>verdicts</dt><dd>"
            out += row.verdicts.isEmpty ? "<span class=\"empty\">none</span>" : row.verdicts.map { verdict in
                "\(passFail(verdict.passed)) \(HTMLEscaper.escape(verdict.filter))"
                    + (verdict.reason.map { ": \(HTMLEscaper.escape($0))" } ?? "")
            }.joined(separator: "<br/>")
            out += "</dd>"
            if row.lineage.count > 1 {
                out += "<dt>lineage (root first)</dt><dd>" + row.lineage.map { step in
                    "#\(step.id) [\(HTMLEscaper.escape(step.origin))"
                        + (step.strategy.map { " \(HTMLEscaper.escape($0))" } ?? "") + " d\(step.depth)] "
                        + HTMLEscaper.escape(HTMLEscaper.shortened(step.text, to: 160))
                }.joined(separator: "<br/>") + "</dd>"
            }
            out += "</dl></details>\n"
        }
        return out
    }
}
