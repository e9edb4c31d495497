import SwarmState

/// The services pane: `docker service ls` columns, grouped by stack.
enum ServicesView {
    static let columns = [
        Column("NAME", min: 12, shrink: 4),
        Column("MODE", min: 10, shrink: 3, hide: 5),
        Column("REPLICAS"),
        Column("IMAGE", min: 10, shrink: 1),
        Column("PORTS", min: 8, shrink: 2, hide: 6),
        Column("UPDATE", hide: 0),
    ]

    /// A heading row per stack (`▾ lab  4 services`) followed by its services (indented),
    /// then the services that belong to no stack, each group by name.
    static func rows(_ snapshot: ClusterSnapshot) -> [TableRow] {
        var rows: [TableRow] = []
        for stack in snapshot.stacks {
            let count = stack.services.count
            rows.append(TableRow(id: .stack(stack.name),
                                 cells: [TableCell("▾ \(stack.name)  \(count) service\(count == 1 ? "" : "s")")],
                                 style: Style(.header, bold: true), isHeading: true, stack: stack.name))
            rows += stack.services.map { row($0, indent: "  ") }
        }
        rows += snapshot.services.filter { $0.stack == nil }.sorted { $0.name < $1.name }.map { row($0, indent: "") }
        return rows
    }

    private static func row(_ service: Service, indent: String) -> TableRow {
        let replicas = replicas(service)
        return TableRow(id: .service(service.id), cells: [
            TableCell(indent + service.name),
            TableCell(service.modeName),
            TableCell(replicas.text, style: replicas.short ? Style(.warn) : nil),
            TableCell(Format.image(service.spec.taskTemplate?.containerSpec?.image ?? "")),
            TableCell(Format.ports(service.endpoint?.ports ?? [])),
            TableCell(service.updateStatus?.state ?? "",
                      style: service.updateStatus?.state.map { $0 == "completed" ? Style(.dim) : Style(.warn) }),
        ], serviceID: service.id, stack: service.stack)
    }

    /// REPLICAS as `docker service ls` prints it from `ServiceStatus`: `3/5`, or for jobs
    /// `0/1 (3/5 completed)`; `short` when fewer tasks run than desired.
    static func replicas(_ service: Service) -> (text: String, short: Bool) {
        guard let status = service.serviceStatus, let running = status.runningTasks, let desired = status.desiredTasks else {
            let desired = service.spec.mode?.replicated?.replicas.map(String.init) ?? "?"
            return ("?/\(desired)", false)
        }
        let completed = status.completedTasks ?? 0
        var text = "\(running)/\(desired)"
        if let job = service.spec.mode?.replicatedJob {
            text += " (\(completed)/\(job.totalCompletions ?? 0) completed)"
        } else if service.spec.mode?.globalJob != nil {
            let (total, overflow) = desired.addingReportingOverflow(completed)
            text += " (\(completed)/\(overflow ? UInt64.max : total) completed)"
        }
        return (text, running < desired)
    }
}
