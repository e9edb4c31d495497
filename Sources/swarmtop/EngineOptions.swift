import ArgumentParser
import Settings
import SwarmState

/// The options that say which engines to ask, shared by the dashboard and `snapshot`. Each is
/// optional so that the config file and the environment can supply it (see `EffectiveSettings`).
struct EngineOptions: ParsableArguments {
    @Option(name: [.customShort("c"), .long], help: ArgumentHelp("The docker context of the manager's engine (docker context ls); overrides DOCKER_HOST and DOCKER_CONTEXT.", valueName: "name"))
    var context: String?

    @Option(name: [.customShort("H"), .long], help: ArgumentHelp("Manager engine endpoint: unix:///path, ssh://user@host, tcp://host:port, https://host:port. Repeatable: the others are managers to fail over to.", valueName: "url"))
    var host: [String] = []

    @Option(name: .customLong("node-host"), help: ArgumentHelp("A node's engine, for its containers and sizes (repeatable).", valueName: "hostname=url"))
    var nodeHosts: [String] = []

    @Option(name: .customLong("node-host-template"), help: ArgumentHelp("Every node's engine from one pattern with {hostname}, {addr} (its Status.Addr) and {id}, e.g. ssh://ops@{hostname} or tcp://{addr}:2376; --node-host entries win.", valueName: "url"))
    var nodeHostTemplate: String?

    @Option(help: ArgumentHelp("Seconds before a request to an engine counts as failed \(Configuration.helpDefault(\.timeout)).", valueName: "seconds"))
    var timeout: Double?
}

extension EngineOptions {
    /// Read-only clients for the engines these options name (with the environment and the config
    /// file under them), for the one-shot commands (`snapshot`, `diff`), which only read.
    /// - Throws: `InvalidSetting` for a setting that is not valid or an endpoint that cannot be used.
    func readOnlyConnections(environment: [String: String]) throws -> Connections {
        let config = try EffectiveSettings.resolve(
            flags: ConfigLayer(host: host.first, context: context, nodeHosts: nodeHosts.isEmpty ? nil : nodeHosts,
                               timeout: timeout, nodeHostTemplate: nodeHostTemplate, managerHosts: Array(host.dropFirst())),
            environment: environment)
        try EffectiveSettings.validate(config)
        let endpoints = try EffectiveSettings.endpoints(config, environment: environment)
        return try EffectiveSettings.connections(endpoints, timeout: config.timeout.value, readOnly: true)
    }
}
