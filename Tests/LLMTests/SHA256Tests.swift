import Testing
@testable import LLM

@Suite struct SHA256Tests {
    @Test func knownVectors() {
        #expect(SHA256.hexDigest(of: "") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hexDigest(of: "abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            SHA256.hexDigest(of: "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func multiBlockAndUnicode() {
        let million = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        #expect(SHA256.hexDigest(of: million) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        // Cross-checked with `printf '中文' | sha256sum`.
        #expect(SHA256.hexDigest(of: "中文") == "72726d8818f693066ceb69afa364218b692e62ea92b385782363780f47529c21")
    }

    @Test func incrementalEqualsOneShot() {
        let text = Array(String(repeating: "0123456789abcdef", count: 20).utf8)
        var hasher = SHA256()
        hasher.update(text[0..<7])
        hasher.update(text[7..<130])
        hasher.update(text[130...])
        let digest = hasher.finalize().map { String(format: "%02x", $0) }.joined()
        #expect(digest == SHA256.hexDigest(of: text))
    }
}

import Foundation
