/// Migration i8-evolution-round: `instructions.round` keeps the evolve round that made a row, and `depth` becomes
/// what users filter on — evolution steps from the root (parent's depth + 1). Until now depth held the round,
/// so a seed retried in round 2 after its round-1 evolution was eliminated got a depth-2 child of a depth-0
/// parent. The backfill moves the old value to `round` and recomputes depth along the parent chain.
/// Never edit once shipped.
extension Migration {
    static let evolutionRound = Migration(name: "i8-evolution-round", sql: #"""
ALTER TABLE instructions ADD COLUMN round INTEGER CHECK (round IS NULL OR round >= 1);
UPDATE instructions SET round = depth WHERE parent_id IS NOT NULL;
WITH RECURSIVE chain (id, steps) AS (
    SELECT id, 0 FROM instructions WHERE parent_id IS NULL
    UNION ALL
    SELECT i.id, chain.steps + 1 FROM instructions i JOIN chain ON i.parent_id = chain.id
)
UPDATE instructions SET depth = (SELECT steps FROM chain WHERE chain.id = instructions.id)
WHERE parent_id IS NOT NULL;
"""#)
}
