import ArgumentParser
import Settings

/// The options that say which engines to ask, shared by the dashboard and `snapshot`. Each is
/// optional so that the config file and the environment can supply it (see `EffectiveSettings`).
struct EngineOptions: ParsableArguments {
    @Option(name: [.customShort("c"), .long], help: ArgumentHelp("The docker context of the manager's engine (docker context ls); overrides DOCKER_HOST and DOCKER_CONTEXT.", valueName: "name"))
    var context: String?

    @Option(name: [.customShort("H"), .long], help: ArgumentHelp("Manager engine endpoint: unix:///path, ssh://user@host, tcp://host:port, https://host:port.", valueName: "url"))
    var host: String?

    @Option(name: .customLong("node-host"), help: ArgumentHelp("A node's engine, for its containers and sizes (repeatable).", valueName: "hostname=url"))
    var nodeHosts: [String] = []

    @Option(name: .customLong("node-host-template"), help: ArgumentHelp("Every node's engine from one pattern with {hostname}, {addr} (its Status.Addr) and {id}, e.g. ssh://ops@{hostname} or tcp://{addr}:2376; --node-host entries win.", valueName: "url"))
    var nodeHostTemplate: String?

    @Option(help: ArgumentHelp("Seconds before a request to an engine counts as failed \(Configuration.helpDefault(\.timeout)).", valueName: "seconds"))
    var timeout: Double?
}
