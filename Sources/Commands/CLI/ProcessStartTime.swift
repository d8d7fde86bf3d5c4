import Foundation

/// When a process started, from Linux's procfs: field 22 of `/proc/PID/stat` (`starttime`, clock ticks after
/// boot, see proc_pid_stat(5)) plus `btime` of `/proc/stat` (boot time, seconds since the epoch). Nil where
/// procfs is absent (macOS) or the process is gone.
enum ProcessStartTime {
    static func of(_ pid: Int32) -> Date? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")  // the command name may hold spaces and parentheses
        else { return nil }
        // Fields after the name start at field 3 (state), so starttime (22) is the 20th.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 19, let ticks = Double(fields[19]), let boot = bootTime else { return nil }
        let ticksPerSecond = Double(sysconf(Int32(_SC_CLK_TCK)))
        guard ticksPerSecond > 0 else { return nil }
        return Date(timeIntervalSince1970: boot + ticks / ticksPerSecond)
    }

    /// `btime` from /proc/stat.
    static var bootTime: Double? {
        guard let stat = try? String(contentsOfFile: "/proc/stat", encoding: .utf8) else { return nil }
        for line in stat.split(separator: "\n") where line.hasPrefix("btime ") {
            return Double(line.dropFirst(6).trimmingCharacters(in: .whitespaces))
        }
        return nil
    }
}
