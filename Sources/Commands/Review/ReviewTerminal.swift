#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The terminal `dsbench review` runs in: keys read one at a time from stdin in raw mode (no echo, no line
/// buffering, Ctrl-C arriving as a key so the loop can quit cleanly), the window size from the tty, and the
/// mode restored on `restore()` — also around `$EDITOR`, which needs the terminal as it found it.
final class ReviewTerminal {
    private let input: Int32
    private let output: Int32
    private var saved = termios()
    private var isRaw = false

    /// Whether stdin and stdout are both terminals.
    static func isAvailable(input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO) -> Bool {
        isatty(input) != 0 && isatty(output) != 0
    }

    init(input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO) {
        self.input = input
        self.output = output
    }

    deinit { restore() }

    /// Columns and rows from the tty (TIOCGWINSZ), else COLUMNS/LINES, else 80 × 24.
    func size(environment: [String: String]) -> (columns: Int, rows: Int) {
        var window = winsize()
        if ioctl(output, UInt(TIOCGWINSZ), &window) == 0, window.ws_col > 0, window.ws_row > 0 {
            return (Int(window.ws_col), Int(window.ws_row))
        }
        return (environment["COLUMNS"].flatMap(Int.init) ?? 80, environment["LINES"].flatMap(Int.init) ?? 24)
    }

    /// Switches stdin to raw mode (kept until `restore()`).
    func enterRawMode() {
        guard !isRaw, tcgetattr(input, &saved) == 0 else { return }
        var raw = saved
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO | ISIG | IEXTEN)
        raw.c_iflag &= ~tcflag_t(IXON | ICRNL)
        withUnsafeMutableBytes(of: &raw.c_cc) { bytes in
            bytes[Int(VMIN)] = 1
            bytes[Int(VTIME)] = 0
        }
        if tcsetattr(input, TCSAFLUSH, &raw) == 0 { isRaw = true }
    }

    /// Puts the terminal back as it was.
    func restore() {
        guard isRaw else { return }
        _ = tcsetattr(input, TCSAFLUSH, &saved)
        isRaw = false
    }

    /// The next byte from stdin, or nil at end of input or on an error.
    func readByte() -> UInt8? {
        var byte: UInt8 = 0
        while true {
            let count = read(input, &byte, 1)
            if count == 1 { return byte }
            if count < 0, errno == EINTR { continue }
            return nil
        }
    }

    /// Writes text straight to the terminal.
    func show(_ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { write(output, $0.baseAddress! + offset, $0.count - offset) }
            if written <= 0 { if errno == EINTR { continue }; return }
            offset += written
        }
    }

    /// Reads one line of text in raw mode with echo: Enter ends it, Backspace removes the last character,
    /// Escape or Ctrl-C cancels (nil). UTF-8 input (Chinese reasons) is decoded as it arrives.
    func readLine(prompt: String) -> String? {
        show(prompt)
        var text = ""
        var pending: [UInt8] = []
        while let byte = readByte() {
            switch byte {
            case 0x0D, 0x0A:
                show("\r\n")
                return text
            case 0x1B, 0x03:
                show("\r\n")
                return nil
            case 0x7F, 0x08:
                if let last = text.popLast() { show(String(repeating: "\u{8} \u{8}", count: DisplayWidth.of(String(last)))) }
            default:
                guard byte >= 0x20 else { continue }
                pending.append(byte)
                if let character = String(validating: pending, as: UTF8.self) {
                    pending.removeAll()
                    text += character
                    show(character)
                } else if pending.count >= 4 {
                    pending.removeAll()
                }
            }
        }
        return nil
    }
}
