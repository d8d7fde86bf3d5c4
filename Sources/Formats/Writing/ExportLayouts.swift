/// Every layout `dsbench export --format` offers, in help order.
public enum ExportLayouts {
    public static let all: [any ExportLayout] = [AlpacaLayout(), ShareGPTLayout(), OpenAILayout(), JSONLLayout()]

    /// The layout called `name`, or nil.
    public static func named(_ name: String) -> (any ExportLayout)? {
        all.first { $0.name == name }
    }
}
