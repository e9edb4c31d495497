import Dashboard
import Foundation
import LabFixtures
import Session
import Settings
import XCTest

/// The pane shown at start is set as a pane, not by pressing its digit: `[keys]` may give the
/// digit to something else.
final class StartingPaneTests: XCTestCase {
    func testTheStartingPaneIsThePaneNamedWhenKeysGiveItsDigitToAnotherPane() throws {
        let config = Configuration.resolve(flags: ConfigLayer(pane: .tasks), environment: [:],
                                           file: ConfigLayer(keys: ["tasks_pane": ["4"], "containers_pane": ["3"]]),
                                           filePath: "/home/ops/.config/swarmtop/config.toml")
        let keymap = try EffectiveSettings.keymap(config)
        let environment = ["DOCKER_HOST": "unix:///var/run/docker.sock",
                           "DOCKER_CONFIG": FileManager.default.temporaryDirectory.appendingPathComponent("none-\(UUID())").path]
        let manager = try EffectiveSettings.endpoints(config, environment: environment).resolved
        var state = AppState.starting(config, keymap: keymap, manager: manager, actionLog: nil, themeNames: [], contextNames: [])
        XCTAssertEqual(state.pane, .tasks)
        _ = reduce(&state, .snapshot(try LabFixtures.snapshot()))
        XCTAssertEqual(state.pane, .tasks, "the first snapshot keeps the pane")
        _ = reduce(&state, .key(.char("3")))
        XCTAssertEqual(state.pane, .containers, "3 is the containers pane's now")
    }
}
