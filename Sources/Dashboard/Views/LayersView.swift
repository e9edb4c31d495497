import Foundation
import SwarmState

/// Draws the image layers view over the pane: a header (the image, its node, the container it
/// was opened on), then the image's ID, sizes and share, the containers using it, the
/// container's log file, and its layers as `docker history` lists them (IMAGE, CREATED, SIZE,
/// CREATED BY escaped and cut at the edge), with why some IDs are `<missing>`.
enum LayersView {
    /// One row of the body: a line of text, or a layer drawn in columns.
    enum Line: Equatable {
        case text(String, Style)
        case layer(ImageLayer)
    }

    /// Why an engine shows `<missing>` IDs, under the layers (lines that fit 80 columns).
    static let missingNote = [
        "<missing>: a layer this engine did not build (it pulled or loaded the image):",
        "an image's history names only the image itself, not the layers below it.",
    ]

    static func draw(_ view: ImageLayersView, snapshot: ClusterSnapshot?, now: Date, in area: Rect, into buffer: inout CellBuffer) {
        guard area.height > 0, area.width > 0 else { return }
        let title = "image layers of \(view.request.label)"
        let x = buffer.put(title, x: area.x, y: area.y, style: Style(.title, bold: true), maxWidth: area.width)
        if let name = view.request.containerName, x + 2 < area.x + area.width {
            buffer.put("container " + name, x: x + 2, y: area.y, style: Style(.dim), maxWidth: area.x + area.width - x - 2)
        }
        let lines = bodyLines(view, snapshot: snapshot)
        for (i, line) in lines.dropFirst(view.top).prefix(area.height - 1).enumerated() {
            let y = area.y + 1 + i
            switch line {
            case .text(let text, let style):
                buffer.put(DisplayText.truncate(text, to: area.width), x: area.x, y: y, style: style)
            case .layer(let layer):
                buffer.put(DisplayText.truncate(layerRow(layer, now: now), to: area.width), x: area.x, y: y, style: .normal)
            }
        }
    }

    /// The body's rows, top first (the header row aside).
    static func bodyLines(_ view: ImageLayersView, snapshot: ClusterSnapshot?) -> [Line] {
        if let failure = view.failure { return [.text(failure, Style(.error))] }
        guard let answer = view.layers else { return [.text("reading the image's history…", Style(.dim))] }
        var lines: [Line] = [.text(summary(view.request, answer), .normal)]
        let users = snapshot?.users(ofImage: view.request.imageID) ?? []
        lines.append(.text("used by \(users.count) container\(users.count == 1 ? "" : "s")" + (users.isEmpty ? "" : ":"), .normal))
        for user in users {
            let service = user.serviceName.map { "  service \($0)" } ?? ""
            lines.append(.text("  \(user.hostname)  \(user.containerName)  \(user.state)\(service)", .normal))
        }
        if let size = answer.logFile, let name = view.request.containerName {
            lines.append(.text("log file of \(name): " + logFile(size), .normal))
        }
        lines.append(.text("", .normal))
        lines.append(.text(header, Style(.header, bold: true)))
        lines += answer.layers.map(Line.layer)
        if answer.layers.contains(where: \.isMissing) { lines += missingNote.map { .text($0, Style(.dim)) } }
        return lines
    }

    /// `image sha256:9a33ddda6651  9 layers  8.02MB: 1.99MB shared with other images, 6.03MB unique`.
    static func summary(_ request: ImageLayersRequest, _ answer: ImageLayers) -> String {
        let id = "image \(shortID(request.imageID))  \(answer.layers.count) layer\(answer.layers.count == 1 ? "" : "s")"
        guard let size = answer.usage?.size, let shared = answer.usage?.sharedSize, shared >= 0 else {
            return id + "  shared size not known" + (answer.usageProblem.map { " (\($0))" } ?? "")
        }
        return id + "  \(Format.humanSize(size)): \(Format.humanSize(shared)) shared with other images, "
            + "\(Format.humanSize(size - shared)) unique"
    }

    /// `1.2kB (/path/…-json.log)` or why it is not known.
    static func logFile(_ size: LogFileSize) -> String {
        switch size {
        case .bytes(let bytes, let path): "\(Format.humanSize(bytes)) (\(path))"
        case .notKnown(let why): why
        }
    }

    /// The columns of a layer row: IMAGE 12, CREATED 18, SIZE 8, then CREATED BY.
    static let header = DisplayText.pad("IMAGE", to: 14) + DisplayText.pad("CREATED", to: 20) + DisplayText.pad("SIZE", to: 10) + "CREATED BY"

    /// A layer as `docker history` prints it (its ID short, or `<missing>`), CREATED BY escaped.
    static func layerRow(_ layer: ImageLayer, now: Date) -> String {
        let created = layer.created.map { Format.humanDuration(now.timeIntervalSince1970 - Double($0)) + " ago" } ?? ""
        return DisplayText.pad(layer.isMissing ? layer.id : shortID(layer.id), to: 14)
            + DisplayText.pad(created, to: 20) + DisplayText.pad(Format.humanSize(layer.size), to: 10)
            + DisplayText.escaped(layer.createdBy ?? "")
    }

    /// `9a33ddda6651` for `sha256:9a33ddda6651…`, as the docker CLI shortens image IDs.
    static func shortID(_ id: String) -> String {
        String((id.hasPrefix("sha256:") ? id.dropFirst(7) : id[...]).prefix(12))
    }
}
