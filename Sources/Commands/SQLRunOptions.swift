/// What `runs.options` records for `dsbench sql --write`: the script that ran (also when read from stdin).
struct SQLRunOptions: Encodable {
    var write: Bool
    var script: String
}
