import SwarmState

/// The image layers view: `L` on a container (Containers or Disk pane) or a task (Tasks pane, its
/// container) opens the layers of the image it runs over the pane, read through the engine of
/// its node; j/k scroll, Esc closes it, a pane key closes it and shows that pane.
extension AppState {
    /// `L`: opens the view on the selection's container and asks for its image's layers.
    mutating func openImageLayers() -> [Effect] {
        guard let snapshot, let (hostname, containerID) = selectedContainer() else { return [] }
        let engine = snapshot.engines.first { $0.hostname == hostname }
        guard let container = engine?.container(id: containerID), let imageID = container.imageID else {
            refuse("the engine of \(hostname) does not list container \(containerID.prefix(12)): no image to read")
            return []
        }
        return openImageLayers(ImageLayersRequest(hostname: hostname, containerID: containerID, containerName: container.name,
                                                  imageID: imageID, image: container.image ?? imageID))
    }

    /// Opens the view on `request` (a container's image, or an image alone) and asks for it.
    mutating func openImageLayers(_ request: ImageLayersRequest) -> [Effect] {
        lastLayersView += 1
        layers = ImageLayersView(number: lastLayersView, request: request)
        return [.readImageLayers(request, view: lastLayersView)]
    }

    /// The engine's answer for view `number`; dropped when that view was closed since.
    mutating func receiveImageLayers(_ answer: ImageLayers, view number: Int) {
        guard layers?.number == number else { return }
        layers?.layers = answer
    }

    /// A failed read for view `number`: the view says why.
    mutating func imageLayersFailed(view number: Int, message: String) {
        guard layers?.number == number else { return }
        layers?.failure = message
    }

    /// The keys of the layers view, after the keymap chose `command`.
    mutating func performInImageLayers(_ command: Command) {
        switch command {
        case .moveUp: scrollLayers(by: -1)
        case .moveDown: scrollLayers(by: 1)
        case .pageUp: scrollLayers(by: -max(1, layout.tableRows))
        case .pageDown: scrollLayers(by: max(1, layout.tableRows))
        case .moveTop: layers?.top = 0
        case .moveBottom: scrollLayers(by: Int.max / 2)
        case .back, .closeLogs: layers = nil
        case .nextPane, .previousPane, .showPane:
            layers = nil
            perform(command)
        case .quit: quit = true
        case .toggleHelp: showsHelp = true
        default: break
        }
    }

    private mutating func scrollLayers(by rows: Int) {
        guard let view = layers else { return }
        let last = max(0, LayersView.bodyLines(view, snapshot: snapshot).count - layout.tableRows)
        layers?.top = max(0, min(last, view.top + rows))
    }
}
