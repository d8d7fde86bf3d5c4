/// `dsbench evolve --json` when every asked-for round is already done.
struct EvolveNothingToDo: Encodable {
    var nothingToDo = true
    var rounds: Int
    var selected: Int

    enum CodingKeys: String, CodingKey {
        case rounds, selected
        case nothingToDo = "nothing_to_do"
    }
}
