import Formats

/// Short names for the layouts in tests.
enum LayoutName {
    case alpaca, sharegpt, openai

    var layout: any ExportLayout {
        switch self {
        case .alpaca: return AlpacaLayout()
        case .sharegpt: return ShareGPTLayout()
        case .openai: return OpenAILayout()
        }
    }
}

/// The record `layout` writes for `row`; an empty record (which no expectation matches) when it is skipped.
func exported(_ row: ExportRow, _ layout: LayoutName, _ options: ExportOptions = ExportOptions()) -> OrderedRecord {
    layout.layout.export(row, options: options).record ?? OrderedRecord()
}
