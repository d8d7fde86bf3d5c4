/// One dedup method's active duplicates (latest successful run): how many rows were dropped, into how many
/// clusters (distinct survivors), and the largest clusters with their texts.
public struct DuplicateSummary: Sendable, Equatable {
    /// A survivor and the rows dropped as its duplicates.
    public struct Cluster: Sendable, Equatable {
        /// A dropped row and its similarity to the survivor (1 for exact).
        public struct Member: Sendable, Equatable {
            public let id: Int64
            public let text: String
            public let similarity: Double
            public init(id: Int64, text: String, similarity: Double) {
                self.id = id
                self.text = text
                self.similarity = similarity
            }
        }

        public let survivorID: Int64
        public let survivorText: String
        /// All members of the cluster (the shown ones are `members`).
        public let size: Int
        public let members: [Member]

        public init(survivorID: Int64, survivorText: String, size: Int, members: [Member]) {
            self.survivorID = survivorID
            self.survivorText = survivorText
            self.size = size
            self.members = members
        }
    }

    public let method: String
    public let duplicates: Int
    public let clusters: Int
    public let examples: [Cluster]

    public init(method: String, duplicates: Int, clusters: Int, examples: [Cluster]) {
        self.method = method
        self.duplicates = duplicates
        self.clusters = clusters
        self.examples = examples
    }
}
