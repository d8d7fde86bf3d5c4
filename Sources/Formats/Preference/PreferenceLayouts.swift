/// Every preference layout `dsbench export --format` offers, in help order.
public enum PreferenceLayouts {
    public static let all: [any PreferenceLayout] = [
        AlpacaPreferenceLayout(), ShareGPTPreferenceLayout(), TRLPreferenceLayout(), OpenAIPreferenceLayout(),
        TRLKTOLayout(),
    ]

    /// The layout called `name`, or nil.
    public static func named(_ name: String) -> (any PreferenceLayout)? {
        all.first { $0.name == name }
    }
}
