import Foundation

/// Locations tests need: the repository root, the third-party data next to it, and the built executable.
public enum ProjectPaths {
    /// The package root (this file is Tests/TestSupport/ProjectPaths.swift).
    public static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// `../shared/data` beside the clone (third-party datasets, not shipped); nil when absent.
    public static let sharedData: String? = {
        let candidates = [
            (root as NSString).appendingPathComponent("../shared/data"),
            (root as NSString).appendingPathComponent("../../shared/data"),
            "/work/shared/data",
        ]
        return candidates.map { ($0 as NSString).standardizingPath }
            .first { FileManager.default.fileExists(atPath: ($0 as NSString).appendingPathComponent("README.md")) }
    }()

    /// A file in the shared data folder, or nil when the folder or file is missing.
    public static func sharedDataFile(_ name: String) -> String? {
        guard let folder = sharedData else { return nil }
        let path = (folder as NSString).appendingPathComponent(name)
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    /// The `dsbench` executable built next to the test bundle (swift test builds it).
    public static let executable: String = {
        let bundle = Bundle.main.bundleURL.deletingLastPathComponent()
        let candidates = [
            bundle.appendingPathComponent("dsbench").path,
            (root as NSString).appendingPathComponent(".build/debug/dsbench"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[1]
    }()
}
