import XCTest
import Foundation
@testable import Dashboard
import SwarmState

extension AppState {
    /// A state that has received `snapshot` (the sample swarm by default), in UTC.
    static func loaded(_ snapshot: ClusterSnapshot = SampleCluster.snapshot(), readOnly: Bool = false,
                       width: Int = 80, height: Int = 24) -> AppState {
        var state = AppState(endpoint: snapshot.endpoint, readOnly: readOnly, timeZone: SampleCluster.utc,
                             width: width, height: height)
        _ = reduce(&state, .snapshot(snapshot))
        return state
    }

    /// Presses `keys` in order and collects the effects.
    @discardableResult
    mutating func press(_ keys: KeyEvent...) -> [Effect] {
        keys.flatMap { reduce(&self, .key($0)) }
    }

    /// Types each character of `text` as a key.
    @discardableResult
    mutating func type(_ text: String) -> [Effect] {
        text.flatMap { reduce(&self, .key(.char($0))) }
    }

    /// Moves the selection of the current pane down to the row with this ID; a test failure
    /// (not a crash of every test) when the pane has no such row.
    mutating func select(_ id: RowID, file: StaticString = #filePath, line: UInt = #line) {
        press(.home)
        for _ in 0..<max(table.rows.count, 1) where selection.id != id { press(.down) }
        if selection.id != id { XCTFail("no row \(id) in \(pane)", file: file, line: line) }
    }

    /// The open confirmation, if any.
    var confirmation: Confirmation? {
        if case .confirm(let c)? = dialog { return c }
        return nil
    }

    /// The open type-the-name confirmation, if any.
    var typedName: NameConfirmation? {
        if case .typeName(let typed)? = dialog { return typed }
        return nil
    }

    /// The open replica input, if any.
    var replicaInput: ReplicaInput? {
        if case .replicas(let input)? = dialog { return input }
        return nil
    }
}
