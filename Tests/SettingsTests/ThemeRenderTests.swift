import Dashboard
import LabFixtures
import Settings
import XCTest

/// Every shipped theme over every pane of the lab at 20x6, 80x24 and 240x70: each cell's colours
/// as the terminal would get them, checked for what a person would notice.
final class ThemeRenderTests: XCTestCase {
    override func setUp() { DisplayText.useUTF8Locale() }

    private let sizes = [(20, 6), (80, 24), (240, 70)]
    private var catalog: ThemeCatalog { ThemeCatalog(directories: [ThemeFileTests.themesDirectory]) }

    /// The lab rendered on `pane` at `width`x`height`.
    private func screen(_ pane: Pane, width: Int, height: Int) throws -> CellBuffer {
        var state = AppState(endpoint: "lab", timeZone: .utc, width: width, height: height)
        _ = reduce(&state, .snapshot(try LabFixtures.snapshot()))
        _ = reduce(&state, .key(.char(pane.digit)))
        return render(state, width: width, height: height, now: try LabFixtures.capturedAt())
    }

    func testEveryPaneAtEverySize() throws {
        for pane in Pane.allCases {
            let small = try screen(pane, width: 20, height: 6).lines
            XCTAssertEqual(small.count, 6)
            XCTAssertTrue(small.allSatisfy { DisplayText.width($0) <= 20 }, "\(pane) 20x6: \(small)")
            let large = try screen(pane, width: 240, height: 70).lines
            XCTAssertTrue(large[0].hasPrefix("swarmtop  1 Nodes"), "\(pane) 240x70: \(large[0])")
            XCTAssertTrue(large[69].contains("API 1.41"), "\(pane) 240x70: the status line is on the last row")
            XCTAssertTrue(large.allSatisfy { DisplayText.width($0) <= 240 })
            XCTAssertTrue(large[1...67].joined().contains(pane == .nodes ? "node2" : pane == .events ? "no events" : pane == .disk ? "/system/df" : "web"), "\(pane) 240x70:\n\(large.joined(separator: "\n"))")
        }
    }

    func testTextIsNeverDrawnInItsOwnBackgroundColour() throws {
        for name in catalog.names() {
            let theme = try catalog.load(name)
            for (width, height) in sizes {
                for pane in Pane.allCases {
                    let buffer = try screen(pane, width: width, height: height)
                    XCTAssertEqual(buffer.lines.count, height)
                    for y in 0..<height {
                        for x in 0..<width where !buffer[x, y].text.trimmingCharacters(in: .whitespaces).isEmpty {
                            let a = theme.attributes(for: buffer[x, y].style)
                            if a.foreground != .terminalDefault || a.background != .terminalDefault {
                                XCTAssertNotEqual(a.foreground, a.background, "\(name) \(pane) \(width)x\(height) at \(x),\(y)")
                            }
                        }
                    }
                }
            }
        }
    }

    func testThemesWithABackgroundPaintEveryCell() throws {
        for name in ["dark", "light", "solarized-dark", "high-contrast"] {
            let theme = try catalog.load(name)
            XCTAssertNotEqual(theme.normal.background, .terminalDefault, name)
            for (width, height) in sizes {
                let buffer = try screen(.tasks, width: width, height: height)
                for y in 0..<height {
                    for x in 0..<width {
                        XCTAssertNotEqual(theme.attributes(for: buffer[x, y].style).background, .terminalDefault,
                                          "\(name) \(width)x\(height) at \(x),\(y) shows the terminal's own background")
                    }
                }
            }
        }
    }

    func testDefaultAndMonoKeepTheTerminalsOwnColours() throws {
        for name in ["default", "mono"] {
            let theme = try catalog.load(name)
            let buffer = try screen(.nodes, width: 80, height: 24)
            for y in 0..<24 {
                for x in 0..<80 where buffer[x, y].style.role == .normal {
                    XCTAssertEqual(theme.attributes(for: buffer[x, y].style).foreground, .terminalDefault, name)
                    XCTAssertEqual(theme.attributes(for: buffer[x, y].style).background, .terminalDefault, name)
                }
            }
        }
    }

    func testTheSelectionStandsOutInEveryTheme() throws {
        for name in catalog.names() {
            let theme = try catalog.load(name)
            let buffer = try screen(.services, width: 80, height: 24)
            let selected = (0..<24).first { y in buffer[0, y].style.role == .selected }
            XCTAssertNotNil(selected, name)
            guard let y = selected else { continue }
            let row = theme.attributes(for: buffer[0, y].style), normal = theme.attributes(for: .normal)
            XCTAssertTrue(row.reverse || row.background != normal.background, "\(name): the selected row looks like any other")
        }
    }

    func testServiceColoursDifferInEveryColourTheme() throws {
        for name in catalog.names() where name != "mono" {
            let theme = try catalog.load(name)
            let colours = Set(["lab_web", "lab_viz", "lab_agent", "lab_scribbler"].map {
                theme.attributes(for: .service(named: $0)).foreground
            })
            XCTAssertGreaterThanOrEqual(colours.count, 3, name)
        }
    }
}
