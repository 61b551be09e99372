import Foundation
import Testing
@testable import TidingsExtract

@Suite struct CharsetTests {
    /// A page whose article says "café crème" in the encoding under test.
    func bytes(_ html: String, _ encoding: String.Encoding) -> Data {
        html.data(using: encoding)!
    }

    func body(_ extra: String = "") -> String {
        "<article><p>Un café crème, s'il vous plaît. \(prose("café", 3))</p><p>\(prose("crème", 2))</p>\(extra)</article>"
    }

    @Test func httpCharsetWins() throws {
        let html = "<html><head><meta charset=\"utf-8\"><title>Café</title></head><body>\(body())</body></html>"
        let a = try ArticleExtractor.extract(bytes(html, .isoLatin1), url: pageURL, httpCharset: "text/html; charset=ISO-8859-1")
        #expect(a.text.contains("Un café crème"))
    }

    @Test func byteOrderMarkBeatsMetaCharset() throws {
        let html = "<html><head><meta charset=\"iso-8859-1\"><title>Café</title></head><body>\(body())</body></html>"
        var data = Data([0xFF, 0xFE])
        data.append(html.data(using: .utf16LittleEndian)!)
        #expect(try ArticleExtractor.extract(data, url: pageURL).text.contains("Un café crème"))
        var utf8 = Data([0xEF, 0xBB, 0xBF])
        utf8.append(Data(html.utf8))
        #expect(try ArticleExtractor.extract(utf8, url: pageURL).text.contains("Un café crème"))
    }

    @Test func metaCharsetDecodesALegacyPage() throws {
        let html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"><title>Café</title></head><body>\(body("<p>“Quoted” – dashed</p>"))</body></html>"
        let a = try ArticleExtractor.extract(bytes(html, .windowsCP1252), url: pageURL)
        #expect(a.text.contains("Un café crème"))
        #expect(a.text.contains("“Quoted” – dashed"))
    }

    @Test func metaCharsetThroughIconv() throws {
        let html = "<html><head><meta charset=\"shift_jis\"><title>港</title></head><body><article><p>港の計画は延期された。\(prose("port", 3))</p></article></body></html>"
        let a = try ArticleExtractor.extract(bytes(html, .shiftJIS), url: pageURL)
        #expect(a.text.contains("港の計画は延期された。"))
    }

    @Test func aStaleMetaCharsetOverUTF8IsIgnored() throws {
        let html = "<html><head><meta charset=\"gb2312\"><title>标题</title></head><body>\(body("<p>人工智能迈上新台阶</p>"))</body></html>"
        let a = try ArticleExtractor.extract(Data(html.utf8), url: pageURL)
        #expect(a.text.contains("Un café crème"))
        #expect(a.text.contains("人工智能迈上新台阶"))
    }

    @Test func invalidUTF8IsRepairedNotFatal() throws {
        var data = Data("<html><body><article><p>Broken \u{FF}".utf8)
        data.append(contentsOf: [0xC3, 0x28, 0xFF, 0xFE])
        data.append(Data(" bytes. \(prose("repair", 4))</p></article></body></html>".utf8))
        let a = try ArticleExtractor.extract(data, url: pageURL)
        #expect(a.text.contains("The repair was discussed"))
    }

    @Test func unknownCharsetFallsBackToUTF8() throws {
        let html = "<html><head><meta charset=\"x-no-such-thing\"></head><body>\(body())</body></html>"
        let a = try ArticleExtractor.extract(Data(html.utf8), url: pageURL, httpCharset: "x-nonsense")
        #expect(a.text.contains("Un café crème"))
    }

    @Test func sniffing() {
        #expect(PageDecoder.metaCharset(Array("<meta charset='EUC-JP'>".utf8)) == "euc-jp")
        #expect(PageDecoder.metaCharset(Array("<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=koi8-r\">".utf8)) == "koi8-r")
        #expect(PageDecoder.canonical("latin1") == "WINDOWS-1252")
        #expect(PageDecoder.label("text/html; charset=\"utf-8\"") == "\"utf-8\"")
        #expect(PageDecoder.canonical("\"utf-8\"") == "UTF-8")
    }
}
