import Foundation
import Testing
@testable import Curation

@Suite struct PIITests {
    let detector = PIIDetector()

    func kinds(_ text: String) -> [PIIKind] { detector.spans(in: text).map(\.kind) }

    @Test func emails() {
        #expect(kinds("Write to john.doe+news@example.co.uk today.") == [.email])
        #expect(detector.spans(in: "mail: a_b@mail.example.com.")[0].text == "a_b@mail.example.com")
        #expect(kinds("联系邮箱：zhang.san@qq.com，谢谢") == [.email])
        #expect(kinds("Follow @username on Twitter") == [])
        #expect(kinds("user@localhost") == [])
        #expect(kinds("x@y.1") == [])
    }

    @Test func phones() {
        #expect(kinds("Call +1 415 555 2671 now") == [.phone])
        #expect(kinds("Call (555) 123-4567.") == [.phone])
        #expect(kinds("Call 555-123-4567.") == [.phone])
        #expect(kinds("我的手机号是13812345678。") == [.phone])
        #expect(kinds("手机：138 1234 5678") == [.phone])
        #expect(kinds("电话 +86 138-1234-5678") == [.phone])
        #expect(kinds("座机 010-12345678") == [.phone])
        #expect(kinds("+44 20 7946 0958") == [.phone])
        // Not phones.
        #expect(kinds("In 2023 there were 12345678 visitors") == [])
        #expect(kinds("The population is 1,234,567,890") == [])
        #expect(kinds("Version 10.2.3 released") == [])
        #expect(kinds("12812345678 is not a mobile") == [])
        #expect(kinds("Add 3 and 4 to get 7") == [])
    }

    @Test func chineseResidentIDsNeedAValidCheckDigit() {
        // 11010519491231002X is the standard example with a valid check character.
        #expect(kinds("身份证号：11010519491231002X") == [.idNumber])
        #expect(kinds("ID 110105194912310021 only") == [])  // wrong check digit
        #expect(PIIDetector.validChineseID(Array("11010519491231002X".utf8)))
        #expect(!PIIDetector.validChineseID(Array("110105194912310029".utf8)))
        #expect(!PIIDetector.validChineseID(Array("110105194913310021".utf8)))  // month 13
        let valid = "440524188001010014"
        #expect(PIIDetector.validChineseID(Array(valid.utf8)) == (kinds("号码\(valid)") == [.idNumber]))
    }

    @Test func creditCardsNeedLuhn() {
        #expect(kinds("Card: 4111 1111 1111 1111, exp 12/25") == [.creditCard])
        #expect(kinds("Card: 4111-1111-1111-1111") == [.creditCard])
        #expect(kinds("5500005555555559") == [.creditCard])
        #expect(kinds("Card: 4111 1111 1111 1112") == [])  // fails Luhn
        #expect(kinds("Order 1234567812345678") == [])  // fails Luhn
        #expect(PIIDetector.luhn(Array("79927398713".utf8)))
        #expect(!PIIDetector.luhn(Array("79927398710".utf8)))
    }

    @Test func ipv4() {
        #expect(kinds("Server at 93.184.216.34 is down") == [.ipAddress])
        #expect(kinds("服务器地址：8.8.4.4。") == [.ipAddress])
        // Private, loopback, unspecified, documentation addresses and masks identify nobody by default…
        #expect(kinds("Server at 192.168.1.10 is down") == [])
        #expect(kinds("服务器地址：10.0.0.1。") == [])
        // …and count with "ip": "all".
        let all = PIIDetector(ipScope: .all)
        #expect(all.spans(in: "Server at 192.168.1.10 is down").map(\.kind) == [.ipAddress])
        #expect(all.spans(in: "mask 255.255.255.0").map(\.kind) == [.ipAddress])
        #expect(kinds("999.1.1.1") == [])
        #expect(kinds("version 1.2.3.4.5") == [])
        #expect(kinds("Pi is 3.14159") == [])
    }

    @Test func scrubberReplacesEverySpan() {
        let text = "Email bob@example.com or call 13812345678; card 4111 1111 1111 1111 from 8.8.8.8, ID 11010519491231002X."
        let (scrubbed, spans) = PIIScrubber().scrub(text)
        #expect(spans.count == 5)
        #expect(scrubbed == "Email <EMAIL> or call <PHONE>; card <CREDIT_CARD> from <IP_ADDRESS>, ID <ID_NUMBER>.")
        #expect(PIIScrubber().scrub("nothing here 42").text == "nothing here 42")
        #expect(!PIIRule().evaluate(.output(text)).passed)
        #expect(PIIRule().evaluate(.output("Give three tips for staying healthy in 2024.")).passed)
        #expect(PIIRule(kinds: [.email]).evaluate(.output("call 13812345678")).passed)
    }

    @Test func cardsNeedANetworkPrefixAndLength() {
        #expect(PaymentCardNetwork.identify(Array("4111111111111111".utf8)) == .visa)
        #expect(PaymentCardNetwork.identify(Array("5500005555555559".utf8)) == .mastercard)
        #expect(PaymentCardNetwork.identify(Array("2221000000000009".utf8)) == .mastercard)
        #expect(PaymentCardNetwork.identify(Array("378282246310005".utf8)) == .amex)
        #expect(PaymentCardNetwork.identify(Array("6011111111111117".utf8)) == .discover)
        #expect(PaymentCardNetwork.identify(Array("3530111333300000".utf8)) == .jcb)
        #expect(PaymentCardNetwork.identify(Array("6212345678901265".utf8)) == .unionPay)
        // Luhn alone is not a card: an unknown prefix, a wrong length, 18 digits.
        #expect(PaymentCardNetwork.identify(Array("1234567812345670".utf8)) == nil)
        #expect(PaymentCardNetwork.identify(Array("411111111111111".utf8)) == nil)  // Visa with 15 digits
        #expect(PaymentCardNetwork.identify(Array("410513198404201835".utf8)) == nil)
        #expect(kinds("身份证号410513198404201835校验失败") == [])
    }

    @Test func versionsAndNonPersonalAddressesAreNotPII() {
        let text = "Set the subnet mask to 255.255.255.0 and the gateway to 192.168.1.1; bind to 0.0.0.0 and test on 127.0.0.1."
        #expect(kinds(text) == [])
        #expect(PIIScrubber(detector: PIIRule().detector).scrub(text).text == text)  // the scrubber decides the same
        #expect(PIIScrubber(detector: PIIRule(ip: .all).detector).scrub(text).spans.count == 4)
        #expect(IPv4Category.of(255, 255, 240, 0) == .netmask)
        #expect(IPv4Category.of(172, 20, 1, 1) == .private)
        #expect(IPv4Category.of(224, 0, 0, 251) == .multicast)
        #expect(IPv4Category.of(8, 8, 8, 8) == .public)
        #expect(kinds("Update to v1.2.3.4 now; firmware 3.0.1.2 and 版本3.0.1.2 too.") == [])
    }

    @Test func configChoosesTheIPScope() throws {
        let all = try FilterConfig.load(Data(#"{"pii": {"ip": "all"}}"#.utf8))
        #expect(!all.pii.evaluate(.output("gateway 192.168.1.1")).passed)
        #expect(FilterConfig().pii.evaluate(.output("gateway 192.168.1.1")).passed)
        #expect(throws: (any Error).self) { try FilterConfig.load(Data(#"{"pii": {"ip": "some"}}"#.utf8)) }
    }

    /// Fixtures/curation/pii-decoys.jsonl: numbers and strings that look like personal data and are not.
    @Test func noDecoyIsFlagged() throws {
        struct Decoy: Decodable { var kind: String; var text: String }
        let url = try #require(Bundle.module.url(forResource: "pii-decoys", withExtension: "jsonl", subdirectory: "Fixtures/curation"))
        let decoys = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
            .map { try JSONDecoder().decode(Decoy.self, from: Data($0.utf8)) }
        #expect(decoys.count >= 50)
        for decoy in decoys {
            #expect(PIIRule().evaluate(.output(decoy.text)).passed, "\(decoy.kind): \(decoy.text) → \(detector.spans(in: decoy.text))")
        }
    }
}
