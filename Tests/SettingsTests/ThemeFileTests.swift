import Dashboard
@testable import Settings
import XCTest

/// Theme files: the shipped ones load, and a bad one is refused with its file, line and reason.
final class ThemeFileTests: XCTestCase {
    /// The repository's themes/ folder.
    static let themesDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("themes").path

    private var catalog: ThemeCatalog { ThemeCatalog(directories: [Self.themesDirectory]) }

    func testTheShippedThemesAreThere() {
        XCTAssertEqual(catalog.names(), ["dark", "default", "high-contrast", "light", "mono", "solarized-dark"])
    }

    func testDefaultTomlIsTheBuiltInDefault() throws {
        XCTAssertEqual(try catalog.load("default"), Theme.default)
    }

    func testEveryShippedThemeLoads() throws {
        for name in catalog.names() { XCTAssertNoThrow(try catalog.load(name), name) }
    }

    func testColoursByNameAndHex() throws {
        let theme = try catalog.load("dark")
        XCTAssertEqual(theme.normal.foreground, .rgb(0xd0, 0xd0, 0xd0))
        XCTAssertEqual(theme.normal.background, .rgb(0x1c, 0x1c, 0x1c))
        XCTAssertEqual(try catalog.load("high-contrast").error.foreground, .ansi(9))
    }

    func testTextOnABarOrABoxKeepsItsBackground() throws {
        let light = try catalog.load("light")
        let error = light.attributes(for: Style(.error, on: .statusBar))
        XCTAssertEqual(error.foreground, .rgb(0xd7, 0x00, 0x00))
        XCTAssertTrue(error.bold)
        XCTAssertEqual(error.background, .rgb(0xee, 0xee, 0xee), "the status bar's grey, not normal's white")
        XCTAssertEqual(light.attributes(for: Style(.error)).background, .rgb(0xff, 0xff, 0xff))
        XCTAssertEqual(light.attributes(for: Style(.dim, on: .dialog)).background, .rgb(0xf5, 0xf5, 0xdc))
        let mono = try catalog.load("mono").attributes(for: Style(.error, on: .statusBar))
        XCTAssertTrue(mono.reverse && mono.bold && mono.underline, "reversed like mono's status bar, and still an error")
        let dark = try catalog.load("dark")
        XCTAssertEqual(dark.attributes(for: Style(.taskState(.failed), on: .dialog)).background, dark.dialog.background)
    }

    func testAFileThatCannotBeReadSaysWhyInAFewWords() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("theme-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data([0xff, 0xfe, 0x00]).write(to: URL(fileURLWithPath: "\(dir)/binary.toml"))
        for (path, why) in [(dir, "it is a directory"), ("\(dir)/absent.toml", "no such file"), ("\(dir)/binary.toml", "not UTF-8 text")] {
            XCTAssertThrowsError(try ThemeFile.load(path: path)) { XCTAssertEqual("\($0)", "\(path): cannot read: \(why)") }
        }
    }

    func testMonoHasNoColourAtAll() throws {
        let theme = try catalog.load("mono")
        for (name, keyPath) in Theme.roles {
            XCTAssertEqual(theme[keyPath: keyPath].foreground, .terminalDefault, name)
            XCTAssertEqual(theme[keyPath: keyPath].background, .terminalDefault, name)
        }
        XCTAssertEqual(theme.attributes(for: .service(named: "lab_web")).foreground, .terminalDefault)
    }

    func testARoleLeftOutTakesNormalsColours() throws {
        let theme = try ThemeFile.parse("""
            [normal]
            fg = "#ffffff"
            bg = "#000000"
            [ok]
            bold = true
            """, path: "t.toml")
        XCTAssertEqual(theme.ok, CellAttributes(foreground: .rgb(255, 255, 255), background: .rgb(0, 0, 0), bold: true))
        XCTAssertEqual(theme.border, CellAttributes(foreground: .ansi(4), background: .rgb(0, 0, 0)), "default's blue on normal's black")
    }

    func testTaskStatesHaveTheirOwnRolesThatFallBackToOkWarnErrorDim() throws {
        let theme = try ThemeFile.parse("""
            [normal]
            bg = "#000000"
            [warn]
            fg = "yellow"
            [task_state.pending]
            fg = "#5f87ff"
            [task_state.failed]
            fg = "bright-red"
            underline = true
            """, path: "t.toml")
        XCTAssertEqual(theme.attributes(for: Style(.taskState(.pending))), CellAttributes(foreground: .rgb(0x5f, 0x87, 0xff), background: .rgb(0, 0, 0)))
        XCTAssertEqual(theme.attributes(for: Style(.taskState(.failed))),
                       CellAttributes(foreground: .ansi(9), background: .rgb(0, 0, 0), underline: true))
        XCTAssertEqual(theme.attributes(for: Style(.taskState(.starting))), theme.warn, "a state left out is a warning, as warn")
        XCTAssertEqual(theme.attributes(for: Style(.taskState(.running))), theme.ok)
        XCTAssertEqual(theme.attributes(for: Style(.taskState(.complete), bold: true)).bold, true)
        XCTAssertEqual(try catalog.load("dark").taskStates[.pending]?.foreground, .rgb(0x87, 0xaf, 0xff), "dark colours pending tasks")
    }

    func testAnUnknownTaskStateIsRefusedAtItsHeader() {
        XCTAssertThrowsError(try ThemeFile.parse("[normal]\nfg = \"red\"\n\n[task_state.runing]\nfg = \"green\"\n", path: "bad.toml")) { error in
            XCTAssertEqual((error as? SettingsFileError)?.line, 4)
            XCTAssertTrue("\(error)".contains("unknown key \"runing\" in [task_state]; known: new, allocated, pending"), "\(error)")
        }
        XCTAssertThrowsError(try ThemeFile.parse("[normal]\n[task_state]\npending = \"red\"\n", path: "bad.toml")) { error in
            XCTAssertEqual((error as? SettingsFileError)?.line, 3)
            XCTAssertTrue("\(error)".contains("pending in [task_state] must be a table"), "\(error)")
        }
        XCTAssertThrowsError(try ThemeFile.parse("[task_state.failed]\nfg = \"rouge\"\n", path: "bad.toml")) { error in
            XCTAssertEqual((error as? SettingsFileError)?.line, 2)
            XCTAssertTrue("\(error)".contains("bad colour \"rouge\" for fg in [task_state.failed]"), "\(error)")
        }
    }

    func testUnknownKeyIsRefusedWithItsLine() {
        XCTAssertThrowsError(try ThemeFile.parse("[normal]\nfg = \"red\"\n\n[header]\ncolour = \"red\"\n", path: "bad.toml")) { error in
            let e = error as? SettingsFileError
            XCTAssertEqual(e?.path, "bad.toml")
            XCTAssertEqual(e?.line, 5)
            XCTAssertEqual(e?.description.hasPrefix("bad.toml:5: unknown key \"colour\" in [header]; known: fg, bg"), true, "\(error)")
        }
        XCTAssertThrowsError(try ThemeFile.parse("# x\n[headr]\nbold = true\n", path: "bad.toml")) { error in
            XCTAssertEqual((error as? SettingsFileError)?.line, 2)
            XCTAssertTrue("\(error)".contains("unknown key \"headr\""), "\(error)")
        }
    }

    func testBadColourIsRefusedWithItsLine() {
        XCTAssertThrowsError(try ThemeFile.parse("[ok]\nbold = true\nfg = \"#12345\"\n", path: "bad.toml")) { error in
            XCTAssertEqual((error as? SettingsFileError)?.line, 3)
            XCTAssertTrue("\(error)".contains("bad colour"), "\(error)")
        }
        XCTAssertThrowsError(try ThemeFile.parse("service_palette = [\"red\", \"pink\"]\n", path: "bad.toml")) { error in
            XCTAssertEqual((error as? SettingsFileError)?.line, 1)
        }
        XCTAssertThrowsError(try ThemeFile.parse("[ok]\nbold = \"yes\"\n", path: "bad.toml")) { error in
            XCTAssertEqual("\(error)", "bad.toml:2: bold in [ok] must be true or false, not \"yes\"")
        }
    }

    func testSyntaxErrorHasItsLine() {
        XCTAssertThrowsError(try ThemeFile.parse("[ok]\nfg = \n", path: "bad.toml")) { error in
            XCTAssertEqual((error as? SettingsFileError)?.line, 2)
        }
    }

    func testMissingThemeListsTheAvailableOnes() {
        XCTAssertThrowsError(try catalog.load("solarized")) { error in
            XCTAssertEqual((error as? ThemeNotFound)?.available, ["dark", "default", "high-contrast", "light", "mono", "solarized-dark"])
            XCTAssertTrue("\(error)".hasPrefix("no theme \"solarized\"; available: dark, default, high-contrast"), "\(error)")
        }
    }

    func testDefaultIsBuiltInWithoutAnyFile() throws {
        XCTAssertEqual(try ThemeCatalog(directories: ["/nonexistent"]).load("default"), Theme.default)
    }

    func testTheExecutablesTreeIsSearched() {
        let fakeBinary = Self.themesDirectory + "/../.build/x86_64-unknown-linux-gnu/debug/swarmtop"
        let catalog = ThemeCatalog.standard(environment: ["XDG_CONFIG_HOME": "/cfg"], executablePath: fakeBinary)
        XCTAssertEqual(catalog.directories.first, "/cfg/swarmtop/themes")
        XCTAssertEqual(catalog.directories.count, 2)
        XCTAssertEqual(catalog.directories.last.map { URL(fileURLWithPath: $0).standardized.path },
                       URL(fileURLWithPath: Self.themesDirectory).standardized.path)
    }
}
