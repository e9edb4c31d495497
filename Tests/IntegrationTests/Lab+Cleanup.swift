import Foundation

extension Lab {
    /// Removes a test's service and then any container of it left on the nodes: engine 20.10
    /// keeps the exited containers of a removed job's tasks and of tasks whose container was
    /// stopped, and one may still be starting. Sweeps until none has appeared for two rounds.
    static func removeService(_ name: String) {
        _ = try? docker(["service", "rm", name])
        var quiet = 0
        for _ in 0..<40 where quiet < 2 {
            var found = false
            for (_, url) in (try? nodeURLs()) ?? [] {
                let ids = (try? docker(["ps", "-aq", "--filter", "label=com.docker.swarm.service.name=\(name)"], host: url)) ?? ""
                for id in ids.split(separator: "\n") {
                    found = true
                    _ = try? docker(["rm", "-f", String(id)], host: url)
                }
            }
            quiet = found ? 0 : quiet + 1
            usleep(500_000)
        }
    }
}
