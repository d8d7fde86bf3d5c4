/// Numbers as the report prints them, independent of the locale: counts with thin grouping (52,002),
/// fixed decimals, percentages and US dollars.
public enum NumberText {
    /// 52002 → "52,002".
    public static func count(_ value: Int) -> String {
        let digits = String(abs(value))
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return value < 0 ? "-" + out : out
    }

    /// `value` rounded to `places` decimals (0–6).
    public static func fixed(_ value: Double, places: Int) -> String {
        guard value.isFinite else { return "–" }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = Int64((abs(value) * scale).rounded())
        let sign = value < 0 && scaled != 0 ? "-" : ""
        guard places > 0 else { return sign + String(scaled) }
        let whole = scaled / Int64(scale)
        var fraction = String(scaled % Int64(scale))
        while fraction.count < places { fraction = "0" + fraction }
        return "\(sign)\(whole).\(fraction)"
    }

    /// Shortest of integer or two-decimal form: 5 → "5", 2.5 → "2.5", 0.25 → "0.25".
    public static func compact(_ value: Double) -> String {
        var text = fixed(value, places: 2)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }

    /// A share as a percentage with one decimal, two below 1% so a small share does not read as none:
    /// 0.4567 → "45.7%", 0.00023 → "0.02%".
    public static func percent(_ share: Double) -> String {
        fixed(share * 100, places: share > 0 && share < 0.01 ? 2 : 1) + "%"
    }

    /// US dollars with four decimals: "$0.0123".
    public static func dollars(_ value: Double) -> String { "$" + fixed(value, places: 4) }
}
