import Foundation

/// The real docker CLI, for tests that compare swarmtop with it on real files.
public enum DockerCLI {
    /// Runs `docker ARGS` with `DOCKER_CONFIG=config` and the given environment over a clean one
    /// (no `DOCKER_HOST`, `DOCKER_CONTEXT`, `DOCKER_TLS_VERIFY` or `DOCKER_CERT_PATH` of the caller).
    /// - Returns: standard output, trimmed.
    /// - Throws: `ChildProcess.Failure` with standard error when docker exits non-zero.
    public static func run(_ args: [String], config: String, environment: [String: String] = [:]) throws -> String {
        var env = ProcessInfo.processInfo.environment
        for name in ["DOCKER_HOST", "DOCKER_CONTEXT", "DOCKER_TLS_VERIFY", "DOCKER_CERT_PATH", "DOCKER_TLS"] { env[name] = nil }
        env["DOCKER_CONFIG"] = config
        env["DOCKER_CLI_HINTS"] = "false"
        env.merge(environment) { $1 }
        return try ChildProcess.output("docker", args, environment: env).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// A CA and a client certificate made by openssl, as `docker context create --docker ca=,cert=,key=` takes them.
public enum TestCertificates {
    /// Writes `ca.pem`, `cert.pem` and `key.pem` into `directory` (created).
    /// - Returns: the directory.
    /// - Throws: `ChildProcess.Failure` (openssl's stderr) when a certificate cannot be made.
    public static func make(in directory: String) throws -> String {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let script = """
        set -e; cd '\(directory)'
        openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=test-ca -keyout ca-key.pem -out ca.pem 2>/dev/null
        openssl req -newkey rsa:2048 -nodes -subj /CN=client -keyout key.pem -out client.csr 2>/dev/null
        openssl x509 -req -in client.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -days 1 -out cert.pem 2>/dev/null
        """
        _ = try ChildProcess.output("/bin/sh", ["-c", script])
        return directory
    }
}
