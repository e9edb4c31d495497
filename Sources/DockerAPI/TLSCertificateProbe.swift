import AsyncHTTPClient
import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import NIOSSL

/// A second look at an engine whose certificate failed verification: BoringSSL says only
/// `CERTIFICATE_VERIFY_FAILED`, so this reads the certificate's validity dates in a handshake of
/// its own, which trusts nothing, sends no request and is cut once the certificate arrives.
enum TLSCertificateProbe {
    /// The validity period of the engine's own certificate (the first the engine presents).
    struct Validity: Sendable, Equatable {
        var notBefore: Date
        var notAfter: Date
    }

    /// The validity of the certificate the engine at `host`:`port` presents, or nil when it cannot
    /// be had in `timeout` seconds.
    static func validity(host: String, port: Int, timeout: TimeInterval) async -> Validity? {
        var config = TLSConfiguration.makeClientConfiguration()
        config.certificateVerification = .noHostnameVerification  // the callback below replaces it
        guard let context = try? NIOSSLContext(configuration: config) else { return nil }
        let seen = NIOLockedValueBox<Validity?>(nil)
        let sni = (try? SocketAddress(ipAddress: host, port: 0)) == nil ? host : nil  // no IP address in SNI
        let bootstrap = ClientBootstrap(group: HTTPClient.defaultEventLoopGroup)
            .connectTimeout(.milliseconds(Seconds.milliseconds(timeout)))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let handler = try NIOSSLClientHandler(context: context, serverHostname: sni, customVerificationCallback: {
                        (certificates: [NIOSSLCertificate], promise: EventLoopPromise<NIOSSLVerificationResult>) in
                        if let leaf = certificates.first {
                            seen.withLockedValue {
                                $0 = Validity(notBefore: Date(timeIntervalSince1970: TimeInterval(leaf.notValidBefore)),
                                              notAfter: Date(timeIntervalSince1970: TimeInterval(leaf.notValidAfter)))
                            }
                        }
                        promise.succeed(.failed)
                    })
                    try channel.pipeline.syncOperations.addHandler(handler)
                }
            }
        guard let channel = try? await bootstrap.connect(host: host, port: port).get() else { return nil }
        let deadline = channel.eventLoop.scheduleTask(in: TimeAmount.milliseconds(Seconds.milliseconds(timeout))) {
            channel.close(promise: nil)
        }
        try? await channel.closeFuture.get()
        deadline.cancel()
        return seen.withLockedValue { $0 }
    }
}
