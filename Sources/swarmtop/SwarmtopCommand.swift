import ArgumentParser

/// `swarmtop`: the dashboard (the default subcommand) or a one-shot `snapshot`.
@main
struct SwarmtopCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "swarmtop",
        abstract: "A live terminal dashboard for Docker Swarm: nodes, services, tasks, containers and their writable layers.",
        usage: """
        swarmtop [dashboard] [--context NAME | --host URL] [--node-host HOSTNAME=URL ...] [--theme NAME] [--read-only] [<options>]
        swarmtop snapshot [--format table|json] [<options>]
        swarmtop record FILE [--duration SECONDS] [<options>]
        swarmtop replay FILE
        swarmtop diff [--format text|json] [<options>] CONTAINER
        """,
        discussion: """
        Settings come from flags, then the environment, then the config file \
        ($XDG_CONFIG_HOME/swarmtop/config.toml, default ~/.config/swarmtop/config.toml), then \
        the defaults; `swarmtop --print-config` shows the effective values and their sources.
        The dashboard's options (--host, --node-host, --theme, --read-only, --interval, ...) are \
        listed by `swarmtop help dashboard`, the snapshot's by `swarmtop help snapshot`.
        """,
        version: "0.1.0",
        subcommands: [Swarmtop.self, SnapshotCommand.self, DiffCommand.self, RecordCommand.self, ReplayCommand.self],
        defaultSubcommand: Swarmtop.self)

    /// Sets the allocator up (`Allocator.configure`), then parses the command line and runs
    /// the command, as `AsyncParsableCommand.main()` does.
    static func main() async {
        Allocator.configure()
        await main(nil)
    }
}
