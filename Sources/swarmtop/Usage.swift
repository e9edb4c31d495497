import ArgumentParser
import Settings

/// Runs a command's body; a setting it refuses (`InvalidSetting`) ends the command as a usage
/// error (exit status 64, EX_USAGE) with Settings' message, which names the value and where it
/// was set.
func usage(_ body: () async throws -> Void) async throws {
    do { try await body() } catch let error as InvalidSetting { throw ValidationError(error.description) }
}
