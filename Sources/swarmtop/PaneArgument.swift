import ArgumentParser
import Dashboard

/// `--pane NAME`: a pane by its lower-case title (`nodes` … `events`).
struct PaneArgument: ExpressibleByArgument {
    let pane: Pane

    init?(argument: String) {
        guard let pane = Pane.allCases.first(where: { $0.title.lowercased() == argument.lowercased() }) else { return nil }
        self.pane = pane
    }

    static var allValueStrings: [String] { Pane.allCases.map { $0.title.lowercased() } }
}
