import Foundation

/// A service, as `docker service inspect --pretty` shows it, and more of its spec.
extension InspectSections {
    /// The sections of a service (`GET /services/{id}`).
    /// - Parameter networkNames: network names by ID; a network not in it is shown by its ID.
    static func service(_ json: InspectJSON, networkNames: [String: String]) -> [InspectSection] {
        let spec = json["Spec"], template = spec["TaskTemplate"], container = template["ContainerSpec"]
        var head = line("ID", json["ID"].string) + line("Name", spec["Name"].string)
        head += mode(spec["Mode"])
        head += line("Created", time(json["CreatedAt"])) + line("Updated", time(json["UpdatedAt"]))
            + line("Version", json["Version", "Index"].text)
        var sections = [InspectSection("Service", head)]
        let status = json["UpdateStatus"]
        if let state = status["State"].string, !state.isEmpty {
            sections.append(InspectSection("UpdateStatus", line("State", state) + line("Started", time(status["StartedAt"]))
                + line("Completed", time(status["CompletedAt"])) + line("Message", status["Message"].string)))
        }
        sections += labels("Labels", spec["Labels"])
        sections.append(InspectSection("ContainerSpec", containerSpec(container)))
        sections += env(container["Env"])
        sections += labels("Container labels", container["Labels"])
        sections.append(InspectSection("Resources", resources(template["Resources"])))
        sections.append(InspectSection("Restart policy", restartPolicy(template["RestartPolicy"])))
        sections.append(InspectSection("Placement", placement(template["Placement"])))
        sections += rollout("UpdateConfig", spec["UpdateConfig"], order: "Update order")
        sections += rollout("RollbackConfig", spec["RollbackConfig"], order: "Rollback order")
        sections.append(InspectSection("Networks", networks(template["Networks"], names: networkNames)))
        let ports = json["Endpoint", "Ports"].elements
        sections.append(InspectSection("Endpoint", line("Endpoint Mode", spec["EndpointSpec", "Mode"].string)
            + (ports.isEmpty ? [InspectLine("Ports", value: "none")] : [InspectLine("Ports", value: "")] + ports.map { port($0, indent: 1) })))
        sections += references("Mounts", container["Mounts"].elements) { mount in
            [InspectLine("Target", value: mount["Target"].string ?? "")]
                + line("Source", mount["Source"].string, indent: 1) + line("ReadOnly", mount["ReadOnly"].text ?? "false", indent: 1)
                + line("Type", mount["Type"].string, indent: 1)
        }
        sections += references("Configs", container["Configs"].elements) { config in
            [InspectLine("Target", value: config["File", "Name"].string ?? "(runtime)")]
                + line("Source", config["ConfigName"].string, indent: 1)
        }
        sections += references("Secrets", container["Secrets"].elements) { secret in
            [InspectLine("Target", value: secret["File", "Name"].string ?? "")] + line("Source", secret["SecretName"].string, indent: 1)
        }
        let log = template["LogDriver"]
        if let name = log["Name"].string {
            sections.append(InspectSection("Log Driver", line("Name", name) + log["Options"].labelLines.map { InspectLine(indent: 1, value: $0) }))
        }
        sections += healthcheck(container["Healthcheck"])
        return sections
    }

    /// `Service Mode` and its counts, as `--pretty` words them (`Replicated`, ` Replicas: 5`).
    private static func mode(_ mode: InspectJSON) -> [InspectLine] {
        if !mode["Global"].isNull { return line("Service Mode", "Global") }
        if !mode["GlobalJob"].isNull { return line("Service Mode", "Global job") }
        if !mode["ReplicatedJob"].isNull {
            return line("Service Mode", "Replicated job") + line("Max concurrent", mode["ReplicatedJob", "MaxConcurrent"].text, indent: 1)
                + line("Total completions", mode["ReplicatedJob", "TotalCompletions"].text, indent: 1)
        }
        return line("Service Mode", "Replicated") + line("Replicas", mode["Replicated", "Replicas"].text, indent: 1)
    }

    private static func containerSpec(_ c: InspectJSON) -> [InspectLine] {
        var lines = line("Image", c["Image"].string)
        lines += line("Command", c["Command"].strings.joined(separator: " ")) + line("Args", c["Args"].strings.joined(separator: " "))
        lines += line("Dir", c["Dir"].string) + line("User", c["User"].string) + line("Hostname", c["Hostname"].string)
        lines += line("Init", c["Init"].text)
        if let grace = c["StopGracePeriod"].integer { lines += line("Stop grace period", InspectFormat.duration(grace)) }
        return lines
    }

    /// Reservations and limits: CPU as `0.1`, memory as `50MiB`; `none` without any.
    private static func resources(_ r: InspectJSON) -> [InspectLine] {
        var lines: [InspectLine] = []
        for (title, part) in [("Reservations", r["Reservations"]), ("Limits", r["Limits"])] {
            var values: [InspectLine] = []
            if let cpus = part["NanoCPUs"].integer, cpus > 0 { values += line("CPU", InspectFormat.cpus(cpus), indent: 1) }
            if let memory = part["MemoryBytes"].integer, memory > 0 { values += line("Memory", InspectFormat.memory(memory), indent: 1) }
            if let pids = part["Pids"].integer, pids > 0 { values += line("PIDs", String(pids), indent: 1) }
            if !values.isEmpty { lines += [InspectLine(title, value: "")] + values }
        }
        return lines.isEmpty ? [InspectLine(value: "none")] : lines
    }

    /// Condition, delay, max attempts, window; swarm's defaults named as such when not set.
    private static func restartPolicy(_ p: InspectJSON) -> [InspectLine] {
        let attempts = p["MaxAttempts"].integer ?? 0
        return [
            InspectLine("Condition", value: p["Condition"].string ?? "any (default)"),
            InspectLine("Delay", value: p["Delay"].integer.map(InspectFormat.duration) ?? "5s (default)"),
            InspectLine("Max attempts", value: attempts == 0 ? "0 (unlimited)" : String(attempts)),
            InspectLine("Window", value: p["Window"].integer.map(InspectFormat.duration) ?? "0s (default)"),
        ]
    }

    /// Constraints, preferences, max replicas per node; `none` without any.
    private static func placement(_ p: InspectJSON) -> [InspectLine] {
        var lines = p["Constraints"].strings.map { InspectLine("Constraint", value: $0) }
        lines += p["Preferences"].elements.compactMap { $0["Spread", "SpreadDescriptor"].string }.map { InspectLine("Preference", value: "spread=" + $0) }
        if let max = p["MaxReplicas"].integer, max > 0 { lines += line("Max Replicas Per Node", String(max)) }
        let platforms = p["Platforms"].elements.map { "\($0["OS"].string ?? "")/\($0["Architecture"].string ?? "")" }
        if !platforms.isEmpty { lines += line("Platforms", platforms.joined(separator: ", ")) }
        return lines.isEmpty ? [InspectLine(value: "none")] : lines
    }

    /// UpdateConfig or RollbackConfig as `--pretty` words them; none when the spec has none.
    private static func rollout(_ title: String, _ c: InspectJSON, order: String) -> [InspectSection] {
        guard !c.isNull else { return [] }
        var lines = line("Parallelism", c["Parallelism"].text ?? "0")
        if let delay = c["Delay"].integer, delay > 0 { lines += line("Delay", InspectFormat.duration(delay)) }
        lines += line("On failure", c["FailureAction"].string)
        if let monitor = c["Monitor"].integer, monitor > 0 { lines += line("Monitoring Period", InspectFormat.duration(monitor)) }
        lines += line("Max failure ratio", c["MaxFailureRatio"].text ?? "0") + line(order, c["Order"].string)
        return [InspectSection(title, lines)]
    }

    /// Each network by name (its ID when the name is not known), with its aliases; `none`.
    private static func networks(_ networks: InspectJSON, names: [String: String]) -> [InspectLine] {
        let lines = networks.elements.map { network -> InspectLine in
            let target = network["Target"].string ?? ""
            let aliases = network["Aliases"].strings
            return InspectLine(value: (names[target] ?? target) + (aliases.isEmpty ? "" : "  aliases " + aliases.joined(separator: ", ")))
        }
        return lines.isEmpty ? [InspectLine(value: "none")] : lines
    }

    /// A section with the lines of each element, none without elements.
    private static func references(_ title: String, _ elements: [InspectJSON], _ lines: (InspectJSON) -> [InspectLine]) -> [InspectSection] {
        elements.isEmpty ? [] : [InspectSection(title, elements.flatMap(lines))]
    }

    /// The container's health check, when the spec has one.
    private static func healthcheck(_ h: InspectJSON) -> [InspectSection] {
        let test = h["Test"].strings
        guard !h.isNull, !test.isEmpty else { return [] }
        var lines = line("Test", test.joined(separator: " "))
        for (label, key) in [("Interval", "Interval"), ("Timeout", "Timeout"), ("Start period", "StartPeriod")] {
            if let ns = h[key].integer { lines += line(label, InspectFormat.duration(ns)) }
        }
        return [InspectSection("Healthcheck", lines + line("Retries", h["Retries"].text))]
    }
}
