import XCTest
@testable import Dashboard

final class ThemeTests: XCTestCase {
    func testDefaultThemeUsesTheTerminalsOwnColoursForText() {
        let theme = Theme.default
        XCTAssertEqual(theme.attributes(for: .normal), CellAttributes())
        for role: Style.Role in [.normal, .header, .selected, .dim, .statusBar, .dialog] {
            let attributes = theme.attributes(for: Style(role))
            XCTAssertEqual(attributes.foreground, .terminalDefault, "\(role)")
            XCTAssertEqual(attributes.background, .terminalDefault, "\(role)")
        }
        XCTAssertTrue(theme.attributes(for: Style(.selected)).reverse)
    }

    func testNoRoleIsPaintedWhiteOrBlack() {
        let theme = Theme.default
        let unreadable: Set<TermColor> = [.ansi(0), .ansi(7), .ansi(8), .ansi(15)]
        let roles: [Style.Role] = [.normal, .header, .selected, .border, .title, .dim, .ok, .warn, .error, .statusBar, .dialog, .key]
        for role in roles {
            let attributes = theme.attributes(for: Style(role))
            XCTAssertFalse(unreadable.contains(attributes.foreground), "\(role)")
            XCTAssertEqual(attributes.background, .terminalDefault, "\(role)")
        }
        XCTAssertTrue(theme.servicePalette.allSatisfy { !unreadable.contains($0) })
    }

    func testServicePaletteHasAtLeastEightDistinctColours() {
        XCTAssertGreaterThanOrEqual(Set(Theme.default.servicePalette).count, 8)
        let index = 2_802_856_153_265_620_565
        XCTAssertEqual(Theme.default.attributes(for: Style(.service(index))).foreground,
                       Theme.default.servicePalette[index % Theme.default.servicePalette.count])
    }

    func testBoldAddsToTheRole() {
        XCTAssertTrue(Theme.default.attributes(for: Style(.normal, bold: true)).bold)
        XCTAssertTrue(Theme.default.attributes(for: Style(.selected, bold: true)).reverse)
    }

    func testAThemeCanOverrideARole() {
        var theme = Theme.default
        theme.selected = CellAttributes(foreground: .ansi(0), background: .ansi(6))
        XCTAssertEqual(theme.attributes(for: Style(.selected)).background, .ansi(6))
        theme.servicePalette = []
        XCTAssertEqual(theme.attributes(for: Style(.service(5))).foreground, .terminalDefault)
        XCTAssertEqual(Theme.default.attributes(for: Style(.service(-3))).foreground, Theme.default.servicePalette[8])
    }
}
