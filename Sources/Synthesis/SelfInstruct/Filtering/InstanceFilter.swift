import Foundation

/// Cleans a task's instances: drops empty outputs, outputs that merely repeat the input, and exact repeats;
/// rejects the whole task when one input is given different outputs (the task is ambiguous).
public enum InstanceFilter {
    /// What survived and why the rest did not.
    public struct Result: Hashable, Sendable {
        public var kept: [TaskInstance]
        public var dropped: [Dropped]
        /// Set when the task itself must be rejected (conflicting outputs for one input).
        public var taskRejection: String?
    }

    /// A removed instance and the reason.
    public struct Dropped: Hashable, Sendable {
        public var instance: TaskInstance
        public var reason: String
    }

    public static func check(_ instances: [TaskInstance], maxInstances: Int = .max) -> Result {
        var kept: [TaskInstance] = []
        var dropped: [Dropped] = []
        var outputByInput: [String: String] = [:]
        var conflict: String?
        for instance in instances {
            let input = instance.input.trimmingCharacters(in: .whitespacesAndNewlines)
            let output = instance.output.trimmingCharacters(in: .whitespacesAndNewlines)
            let clean = TaskInstance(input: input, output: output)
            if output.isEmpty {
                dropped.append(Dropped(instance: clean, reason: "empty output"))
                continue
            }
            if !input.isEmpty && input == output {
                dropped.append(Dropped(instance: clean, reason: "output repeats the input"))
                continue
            }
            if let previous = outputByInput[input] {
                if previous == output {
                    dropped.append(Dropped(instance: clean, reason: "duplicate instance"))
                } else {
                    conflict = conflict ?? "input \"\(input.prefix(60))\" has different outputs"
                }
                continue
            }
            outputByInput[input] = output
            if kept.count < maxInstances {
                kept.append(clean)
            } else {
                dropped.append(Dropped(instance: clean, reason: "more than \(maxInstances) instances"))
            }
        }
        if let conflict {
            return Result(kept: [], dropped: dropped + kept.map { Dropped(instance: $0, reason: conflict) }, taskRejection: conflict)
        }
        return Result(kept: kept, dropped: dropped, taskRejection: nil)
    }
}
