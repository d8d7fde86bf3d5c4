import Foundation
import Hashing
import Testing

@Suite("SHA256")
struct SHA256Tests {
    @Test("known digests (FIPS 180-4 examples)")
    func knownDigests() {
        #expect(SHA256.hexDigest(of: Array("".utf8)) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hexDigest(of: Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hexDigest(of: Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hexDigest(of: [UInt8](repeating: 0x61, count: 1_000_000))
            == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test("feeding in uneven pieces gives the same digest")
    func incremental() {
        let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        var hasher = SHA256()
        var index = 0
        for size in [1, 63, 64, 65, 7, 300, 500] where index < bytes.count {
            let end = min(index + size, bytes.count)
            hasher.update(bytes[index..<end])
            index = end
        }
        #expect(hasher.hexDigest() == SHA256.hexDigest(of: bytes))
    }

    @Test("Chinese text hashes its UTF-8 bytes")
    func unicode() {
        // Cross-checked with `printf '中文' | sha256sum`.
        #expect(SHA256.hexDigest(of: "中文") == "72726d8818f693066ceb69afa364218b692e62ea92b385782363780f47529c21")
    }
}

@Suite("SHA256 of files")
struct SHA256FileTests {
    @Test("a file's digest equals the digest of its bytes, across the 1 MiB chunk boundary")
    func fileDigest() throws {
        let bytes = (0..<(1 << 20) + 777).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        let path = NSTemporaryDirectory() + "dsbench-sha-\(UUID().uuidString)"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(SHA256.hexDigest(ofFileAt: path) == SHA256.hexDigest(of: bytes))
        #expect(SHA256.hexDigest(ofFileAt: path + ".missing") == nil)
    }
}
