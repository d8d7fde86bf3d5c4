import Foundation

/// The rounds of `dsbench evolve --json`, decoded for assertions.
struct EvolveJSON: Decodable {
    struct Round: Decodable, Equatable {
        var round: Int
        var planned: Int
        var already_done: Int
        var evolved: Int
        var failed_evolutions: Int
    }

    var rounds: [Round]

    init(_ stdout: String) throws {
        self = try JSONDecoder().decode(Self.self, from: Data(stdout.utf8))
    }

    func round(_ number: Int) -> Round? { rounds.first { $0.round == number } }
}
